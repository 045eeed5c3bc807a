package org.jiaokan.model;

import java.util.List;
import java.util.Objects;

/**
 * A paragraph-like unit of the edition text: its structural role, its source text exactly as it
 * stands, the interventions judged in it and the mentions found in it (offsets into {@code text}).
 *
 * @param type          the structural role
 * @param text          the source text of the block, unchanged
 * @param interventions sorted, non-overlapping interventions on {@code text}
 * @param mentions      sorted, non-overlapping mentions on {@code text}
 * @param detail        a qualifier: heading level for {@link Type#HEAD}, fw type for {@link Type#FW}, note mark for {@link Type#NOTE},
 *                      {@link #ADDRESSEE} for a {@link Type#SALUTE} that addresses bodies rather than an audience;
 *                      for a {@link Type#P}, {@link #item} for an item of a list, {@link #EXHORTATION} for the closing exhortation
 * @param id            the block's xml:id once assigned, or ""
 */
public record Block(Type type, String text, List<Intervention> interventions, List<Mention> mentions, String detail,
                    String id) implements java.io.Serializable {

    /** The detail of a salutation addressing bodies, as notices open (各有关单位：), not people (同志们：). */
    public static final String ADDRESSEE = "addressee";
    /** A {@link Type#BYLINE} that is the issuing body's mark above the title (江州市公安局文件). */
    public static final String ISSUER_MARK = "issuer-mark";
    /** A {@link Type#BYLINE} that gives the document number (江公通字〔2019〕12号), possibly with the signer. */
    public static final String DOC_NUMBER = "doc-number";
    /** A {@link Type#BYLINE} that names the signer (签发人：张德明), or a copy number, security level or urgency mark. */
    public static final String SIGNER = "signer";
    /** A {@link Type#BYLINE} under a title that names the speaker or author (县公安局局长　王建国, ×××). */
    public static final String SPEAKER = "speaker";
    /** A {@link Type#P} that lists the attachments (附件：1.…). */
    public static final String ATTACHMENTS = "attachments";
    /** A {@link Type#P} of the document's record at its foot: the bodies sent copies (抄送：…). */
    public static final String COPIES_TO = "copies-to";
    /** A {@link Type#P} of the document's record at its foot: who printed it and when (…办公室　2019年6月13日印发). */
    public static final String PRINTED = "printed";
    /** A {@link Type#P} after an official document's date that remarks on it (（此件公开发布）, GB/T 9704 附注). */
    public static final String REMARK = "remark";

    /**
     * The detail of a paragraph that opens the closing exhortation of a speech (同志们，…) after its
     * last numbered section: it and what follows belong to the speech, not to that section.
     */
    public static final String EXHORTATION = "exhortation";

    private static final String ITEM = "item ";
    private static final String FIRST = " first";

    /** The detail of a paragraph that is an item of a list of type {@code listType}; {@code first} opens the list. */
    public static String item(String listType, boolean first) {
        return ITEM + listType + (first ? FIRST : "");
    }

    /** The list type of a paragraph that is a list item ("dash", "numbered"), or "" when it is none. */
    public String listType() {
        if (type != Type.P || !detail.startsWith(ITEM)) return "";
        String rest = detail.substring(ITEM.length());
        return rest.endsWith(FIRST) ? rest.substring(0, rest.length() - FIRST.length()) : rest;
    }

    /** True for the first item of a list. */
    public boolean opensList() {
        return !listType().isEmpty() && detail.endsWith(FIRST);
    }

    /** Structural roles, each with the TEI element that encodes it. */
    public enum Type {
        TITLE("titlePart"), SUBTITLE("titlePart"), BYLINE("byline"), DATELINE("dateline"),
        SALUTE("salute"), HEAD("head"), P("p"), CLOSER("salute"), SIGNED("signed"),
        FW("fw"), NOISE("ab"), NOTE("note");

        private final String element;

        Type(String element) { this.element = element; }

        public String element() { return element; }

        /** Blocks that belong in the {@code front} (title page) when they open the document. */
        public boolean front() { return this == TITLE || this == SUBTITLE || this == BYLINE || this == DATELINE; }
    }

    public Block {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        interventions = List.copyOf(interventions);
        mentions = List.copyOf(mentions);
        detail = detail == null ? "" : detail;
        id = id == null ? "" : id;
    }

    public Block(Type type, String text, List<Intervention> interventions, List<Mention> mentions, String detail) {
        this(type, text, interventions, mentions, detail, "");
    }

    public Block withMentions(List<Mention> m) { return new Block(type, text, interventions, m, detail, id); }

    public Block withId(String newId) { return new Block(type, text, interventions, mentions, detail, newId); }
}
