package org.jiaokan.tei;

import org.jiaokan.model.Intervention;
import org.jiaokan.model.Mention;
import org.jiaokan.xml.Dom;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes one block's source text with its interventions and mentions as TEI mixed content. The
 * source text is written in full and in order, so the diplomatic reading of the result is the
 * block's text; a mention may contain whole interventions but never cuts one.
 */
final class InlineEncoder {
    static final String RESP = "#jk";

    private final MentionRefs refs;
    private NoteWriter notes = (parent, mark) -> { };

    InlineEncoder(MentionRefs refs) {
        this.refs = refs;
    }

    /** Sets what writes a note where the source refers to it ({@link Intervention.Kind#NOTE_ANCHOR}). */
    void notes(NoteWriter writer) {
        this.notes = writer;
    }

    /** Writes {@code text} into {@code parent}. */
    void encode(Element parent, String text, List<Intervention> interventions, List<Mention> mentions) {
        List<Mention> anchored = new ArrayList<>();
        for (Mention m : mentions) {
            if (interventions.stream().noneMatch(iv -> crosses(m, iv))) anchored.add(m);
        }
        int pos = 0;
        java.util.Set<Intervention> written = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Mention m : anchored) {
            pos = interventionsUpTo(parent, text, interventions, pos, m.start(), true, written);
            Element e = mention(parent, m);
            pos = interventionsUpTo(e, text, interventions, m.start(), m.end(), false, written);
        }
        interventionsUpTo(parent, text, interventions, pos, text.length(), true, written);
    }

    /** Writes {@code text[from, to)} into {@code parent}, with the interventions and mentions that lie inside it. */
    void encodeRange(Element parent, String text, int from, int to, List<Intervention> interventions, List<Mention> mentions) {
        List<Intervention> ivs = new ArrayList<>();
        for (Intervention iv : interventions) {
            boolean inside = iv.length() == 0
                    ? from <= iv.start() && (iv.start() < to || to == text.length())
                    : iv.start() >= from && iv.end() <= to;
            if (inside) {
                ivs.add(new Intervention(iv.start() - from, iv.end() - from, iv.kind(), iv.replacement(), iv.reason(),
                        iv.cert(), iv.rule()));
            }
        }
        List<Mention> ms = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.start() >= from && m.end() <= to) ms.add(new Mention(m.start() - from, m.end() - from, m.type(), m.text(), m.key(), m.confidence(), m.code()));
        }
        encode(parent, text.substring(from, to), ivs, ms);
    }

    /** True when no intervention or mention spans one of the cut points, so the text can be written in pieces. */
    static boolean canCut(String text, List<Integer> cuts, List<Intervention> interventions, List<Mention> mentions) {
        for (int c : cuts) {
            if (c <= 0 || c > text.length()) return false;
            for (Intervention iv : interventions) if (iv.start() < c && c < iv.end()) return false;
            for (Mention m : mentions) if (m.start() < c && c < m.end()) return false;
        }
        return true;
    }

    /** A mention that cuts an intervention, or lies inside one, cannot be anchored. */
    private static boolean crosses(Mention m, Intervention iv) {
        boolean overlap = m.start() < iv.end() && iv.start() < m.end();
        boolean contains = m.start() <= iv.start() && iv.end() <= m.end();
        return overlap && !contains;
    }

    /**
     * Writes text[from, to) with the interventions inside it; returns {@code to}. A zero-length
     * intervention (a note reference) at either end belongs to the text outside mentions
     * ({@code outer}), so a note never opens or closes a name.
     */
    private int interventionsUpTo(Node parent, String text, List<Intervention> interventions, int from, int to,
                                  boolean outer, java.util.Set<Intervention> written) {
        int pos = from;
        for (Intervention iv : interventions) {
            if (iv.length() == 0) {
                boolean here = outer ? from <= iv.start() && iv.start() <= to : from < iv.start() && iv.start() < to;
                if (!here || !written.add(iv)) continue;
            } else if (iv.end() <= from || iv.start() >= to) continue;
            Dom.text(parent, text.substring(pos, iv.start()));
            intervention(parent, text.substring(iv.start(), iv.end()), iv);
            pos = iv.end();
        }
        Dom.text(parent, text.substring(pos, to));
        return to;
    }

    void intervention(Node parent, String orig, Intervention iv) {
        String cert = iv.cert().value();
        switch (iv.kind()) {
            case SURPLUS -> Dom.addText(parent, "surplus", orig, "reason", iv.reason(), "resp", RESP, "cert", cert);
            case FORME_WORK -> Dom.addText(parent, "fw", orig, "type", iv.reason(), "resp", RESP, "cert", cert);
            case DAMAGE -> Dom.addText(parent, "sic", orig, "type", iv.reason(), "resp", RESP, "cert", cert);
            case CHARACTER -> {
                String rawByte = rawByte(iv.reason());
                if (rawByte == null) Dom.add(parent, "g", "ref", "#" + charId(iv.reason()), "resp", RESP);
                else Dom.add(parent, "g", "ref", "#" + charId(iv.reason()), "type", "damage", "subtype", "byte-" + rawByte, "resp", RESP);
            }
            // The mark is source text and stays in the flow, so that every rendering shows it as the source does.
            case REDACTION -> Dom.addText(parent, "seg", orig, "type", "redaction", "resp", RESP, "cert", cert);
            case CORRECTION -> {
                Element choice = Dom.add(parent, "choice");
                Dom.addText(choice, "sic", orig);
                Dom.addText(choice, "corr", iv.replacement(), "type", iv.reason(), "resp", RESP, "cert", cert);
            }
            case NOTE_ANCHOR -> notes.write(parent, iv.reason());
            case REGULARISATION -> {
                Element choice = Dom.add(parent, "choice");
                Dom.addText(choice, "orig", orig);
                Dom.addText(choice, "reg", iv.replacement(), "type", iv.reason(), "resp", RESP, "cert", cert);
            }
        }
    }

    /** The xml:id of a character's declaration: "U+000B" → "U000B". */
    /**
     * "FF" when the code point ("U+DCFF") is the escape of a raw byte the source's encoding could not
     * decode (see org.jiaokan.read.Readers#damagedBytes), else null.
     */
    static String rawByte(String codePoint) {
        if (!codePoint.matches("U\\+DC[0-9A-F]{2}")) return null;
        return codePoint.substring(4);
    }

    static String charId(String codePoint) {
        return codePoint.replace("+", "");
    }

    private Element mention(Node parent, Mention m) {
        Element e = Dom.add(parent, m.type().element());
        boolean unregistered = false;
        switch (m.type()) {
            // A surname standing alone (李书记, 老王) names no one person: it gets no register entry.
            case PERSON -> {
                if (m.key().codePointCount(0, m.key().length()) > 1) Dom.attr(e, "ref", refs.ref(m));
                else unregistered = true;
            }
            case PLACE, ORG -> Dom.attr(e, "ref", refs.ref(m));
            case DATE -> Dom.attr(e, "when", m.key());
            case TERM, ROLE, TITLE -> { }
        }
        Dom.attr(e, "resp", RESP);
        // A name that resolves to no register entry is never marked as certain.
        if (m.confidence() < 0.9 || unregistered) Dom.attr(e, "cert", m.confidence() >= 0.7 ? "medium" : "low");
        return e;
    }

    /** Writes the note with the given mark into {@code parent}, where the source refers to it. */
    interface NoteWriter {
        void write(Node parent, String mark);
    }

    /** Resolves a registered mention to the URI of its register entry. */
    interface MentionRefs {
        String ref(Mention m);
    }
}
