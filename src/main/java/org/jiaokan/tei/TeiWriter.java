package org.jiaokan.tei;

import org.jiaokan.model.Block;
import org.jiaokan.model.DatedValue;
import org.jiaokan.model.Edition;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Metadata;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.structure.Enumerations;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes one {@link EditionDocument} as a TEI P5 document (a DOM tree; {@link org.jiaokan.xml.XmlWriter} makes the bytes). */
public final class TeiWriter {
    /** The TEI {@code xml:id} of the toolkit's {@code respStmt}; every automatic intervention points at it. */
    public static final String RESP_ID = "jk";

    /** The document types the metadata stage assigns, with their descriptions. */
    static final String[][] GENRES = {
            {"speech", "Speech: a text delivered orally, opened by a salutation or titled as a speech."},
            {"meeting-report", "Meeting report: an account of a meeting and what it required."},
            {"news-report", "News report: a web or press article credited to a source."},
            {"notice", "Notice: an official notice, announcement or circular."},
            {"forum-post", "Forum post: a post captured from a web forum."},
            {"document", "Document: none of the above could be recognised."}};

    private final Edition edition;
    private final String version;
    private final Map<String, String> ruleDescriptions;
    private final String registerFile;

    /**
     * @param edition          the edition's metadata (publication statement, identifiers)
     * @param version          the toolkit version recorded in the header
     * @param ruleDescriptions cleaning rule name → one-sentence description, for the editorial declaration
     * @param registerFile     the register file's name relative to the TEI document, e.g. "registers.xml"
     */
    public TeiWriter(Edition edition, String version, Map<String, String> ruleDescriptions, String registerFile) {
        this.edition = edition;
        this.version = version;
        this.ruleDescriptions = Map.copyOf(ruleDescriptions);
        this.registerFile = registerFile;
    }

    /** The TEI tree of {@code doc}; {@code convertedOn} is the ISO date recorded as the date of conversion. */
    public Document write(EditionDocument doc, String convertedOn) {
        Document dom = Xml.newDocument();
        Element tei = Dom.add(dom, "TEI", "xml:lang", doc.meta().script().tag());
        // each paragraph's run-in lists, found once: the header says whether there are any, the text encodes them
        Map<Block, List<Enumerations.RunIn>> runIns = new java.util.IdentityHashMap<>();
        header(tei, doc, convertedOn, runIns);
        text(tei, doc, runIns);
        // Ids unique in a corpus: every id (and every pointer to it) takes the document's key.
        DocumentIds.prefix(dom, DocumentIds.key(doc.id()));
        return dom;
    }

    /**
     * True when {@code pointer} points at the toolkit's respStmt: {@code #KEY-jk}, or {@code #jk}
     * in documents written before ids were prefixed with the document's key.
     */
    public static boolean isOwnResp(String pointer) {
        if (!pointer.startsWith("#")) return false;
        return DocumentIds.local(pointer.substring(1)).equals(RESP_ID)
                && (pointer.length() == RESP_ID.length() + 1 || pointer.length() == RESP_ID.length() + 2 + DocumentIds.KEY_LENGTH);
    }

    // ---------------------------------------------------------------- header

    private void header(Element tei, EditionDocument doc, String convertedOn, Map<Block, List<Enumerations.RunIn>> runIns) {
        Metadata m = doc.meta();
        SourceDocument src = doc.source();
        // The header's prose is English; the text's language is declared on TEI and text.
        Element header = Dom.add(tei, "teiHeader", "xml:lang", "en");
        Element fileDesc = Dom.add(header, "fileDesc");

        // The header's prose is English; names and titles carry the language of the text they come from.
        String zh = m.script().tag();
        Element titleStmt = Dom.add(fileDesc, "titleStmt");
        title(titleStmt, m);
        List<String[]> authors = authors(m);
        for (String[] a : authors) {
            Element author = Dom.addText(titleStmt, "author", a[0], "xml:lang", zh);
            if (!a[1].isEmpty()) Dom.attr(author, "role", a[1]);
        }
        for (String ed : edition.editors()) Dom.addText(titleStmt, "editor", ed);
        Element resp = Dom.add(titleStmt, "respStmt", "xml:id", RESP_ID);
        Dom.addText(resp, "resp", "automatic conversion, cleaning and annotation");
        Dom.addText(resp, "name", "Jiaokan " + version);

        Element pub = Dom.add(fileDesc, "publicationStmt");
        if (edition.publisher().isEmpty()) {
            Dom.addText(pub, "p", "Not published: converted outside an edition.");
        } else {
            Dom.addText(pub, "publisher", edition.publisher());
            Dom.addText(pub, "idno", doc.id(), "type", "jiaokan");
            if (!edition.baseUrl().isEmpty()) Dom.addText(pub, "idno", edition.documentUrl(doc.id()), "type", "URI");
            if (!edition.licence().isEmpty()) {
                Element av = Dom.add(pub, "availability");
                Dom.addText(av, "licence", edition.licence(), "target", edition.licenceUrl());
            }
            if (!edition.date().isEmpty()) {
                // This file is published no earlier than it was converted.
                String published = edition.date().compareTo(convertedOn) >= 0 ? edition.date() : convertedOn;
                Dom.addText(pub, "date", published, "when", published);
            }
        }

        Element sourceDesc = Dom.add(fileDesc, "sourceDesc");
        Element bibl = Dom.add(sourceDesc, "bibl");
        title(bibl, m);
        if (m.titleSupplied()) {
            Dom.addText(bibl, "note", "The source has no title: the title in brackets is devised from its opening words.",
                    "type", "title", "resp", "#" + RESP_ID);
        }
        for (String[] a : authors) {
            Element author = Dom.addText(bibl, "author", a[0], "xml:lang", zh);
            if (!a[1].isEmpty()) Dom.attr(author, "role", a[1]);
        }
        if (!m.reporter().isEmpty()) respStmt(bibl, "reporter", m.reporter(), zh);
        if (!m.editor().isEmpty()) respStmt(bibl, "editor", m.editor(), zh);
        if (!m.signer().isEmpty()) respStmt(bibl, "signed off (签发人)", m.signer(), zh);
        if (!m.originalSource().isEmpty()) {
            Element r = Dom.add(bibl, "respStmt");
            Dom.addText(r, "resp", "original source (来源)");
            Dom.addText(r, "orgName", m.originalSource(), "xml:lang", zh);
        }
        if (!m.publisher().isEmpty()) Dom.addText(bibl, "publisher", m.publisher(), "xml:lang", zh);
        if (!m.docNumber().isEmpty()) Dom.addText(bibl, "idno", m.docNumber(), "type", "docNumber", "xml:lang", zh);
        if (!m.pageUrl().isEmpty()) Dom.addText(bibl, "idno", m.pageUrl(), "type", "URI");
        if (!m.lastEditedBy().isEmpty()) respStmt(bibl, "last edited the post", m.lastEditedBy(), zh);
        if (m.published() != null) Dom.addText(bibl, "date", m.published().text(), "when", m.published().when(), "type", "published");
        if (m.lastEdited() != null) Dom.addText(bibl, "date", m.lastEdited().when().replace('T', ' '), "when", m.lastEdited().when(), "type", "last-edited");
        if (m.captured() != null) Dom.addText(bibl, "date", m.captured().text(), "when", m.captured().when(), "type", "captured");
        Dom.addText(bibl, "idno", src.fileName(), "type", "filename");
        Dom.addText(bibl, "idno", src.sha256(), "type", "sha256");
        Element extent = Dom.add(bibl, "extent");
        Dom.addText(extent, "measure", src.size() + " bytes", "unit", "byte", "quantity", Long.toString(src.size()));
        Dom.addText(bibl, "note", src.mediaType(), "type", "media-type");
        Element enc = Dom.add(bibl, "note", "type", "encoding");
        Dom.addText(enc, "term", src.encoding(), "type", "charset");
        Dom.text(enc, ": " + src.encodingEvidence());

        encodingDesc(header, doc, runIns);
        profileDesc(header, doc);

        Element rev = Dom.add(header, "revisionDesc");
        Dom.addText(rev, "change", "Converted from " + src.fileName() + " by Jiaokan " + version + ".",
                "when", convertedOn, "who", "#" + RESP_ID);
    }

    /** The register pointer of the person mention spelled {@code name}, or "" when none is marked. */
    private String personRef(EditionDocument doc, String name) {
        for (Block b : doc.blocks()) {
            for (org.jiaokan.model.Mention mention : b.mentions()) {
                if (mention.type() == org.jiaokan.model.EntityType.PERSON && mention.text().equals(name)) {
                    return registerFile + "#" + RegisterIds.of(mention.type(), mention.key());
                }
            }
        }
        return "";
    }

    private static void respStmt(Element parent, String role, String name, String lang) {
        Element r = Dom.add(parent, "respStmt");
        Dom.addText(r, "resp", role);
        Dom.addText(r, "persName", name, "xml:lang", lang);
    }

    /**
     * The title as the source gives it, or, when the source has none, the one devised from its opening
     * words: type="desc", in brackets, with who devised it.
     */
    private static void title(Element parent, Metadata m) {
        String zh = m.script().tag();
        boolean stmt = "titleStmt".equals(parent.getLocalName());
        if (m.titleSupplied()) {
            Dom.addText(parent, "title", "[" + m.title() + "]", "type", "desc", "resp", "#" + RESP_ID, "cert", "low", "xml:lang", zh);
        } else if (stmt) {
            Dom.addText(parent, "title", m.title(), "type", "main", "xml:lang", zh);
        } else {
            Dom.addText(parent, "title", m.title(), "xml:lang", zh);
        }
    }

    /**
     * Who the document is by, with a role where it says more than "author": the speaker of a speech,
     * the author credited, else the reporter of a news item, else the issuing body of a notice.
     */
    private static List<String[]> authors(Metadata m) {
        List<String[]> out = new java.util.ArrayList<>();
        if ("speech".equals(m.docType()) && !m.speaker().isEmpty()) out.add(new String[]{m.speaker(), "speaker"});
        if (!m.author().isEmpty() && !m.author().equals(m.speaker())) out.add(new String[]{m.author(), ""});
        if (out.isEmpty() && !m.reporter().isEmpty()) out.add(new String[]{m.reporter(), "reporter"});
        if (out.isEmpty() && !m.issuer().isEmpty() && ("notice".equals(m.docType()) || "document".equals(m.docType()))) {
            out.add(new String[]{m.issuer(), "issuer"});
        }
        return out;
    }

    private void encodingDesc(Element header, EditionDocument doc, Map<Block, List<Enumerations.RunIn>> runIns) {
        Element enc = Dom.add(header, "encodingDesc");
        Element appInfo = Dom.add(enc, "appInfo");
        Element app = Dom.add(appInfo, "application", "ident", "jiaokan", "version", version);
        Dom.addText(app, "label", "Jiaokan");

        java.util.Set<String> chars = new java.util.TreeSet<>();
        for (Block b : doc.blocks()) {
            for (Intervention iv : b.interventions()) if (iv.kind() == Intervention.Kind.CHARACTER) chars.add(iv.reason());
        }
        if (!chars.isEmpty()) {
            Element charDecl = Dom.add(enc, "charDecl");
            for (String cp : chars) {
                Element ch = Dom.add(charDecl, "char", "xml:id", InlineEncoder.charId(cp));
                String rawByte = InlineEncoder.rawByte(cp);
                Dom.addText(ch, "desc", rawByte == null ? "The character " + cp + " of the source, which XML 1.0 cannot carry."
                        : "Damage: the byte 0x" + rawByte + " of the source, which its encoding (" + doc.source().encoding()
                        + ") cannot decode; kept as the raw byte, escaped as " + cp + ".");
                Dom.addText(ch, "mapping", cp, "type", "codepoint");
            }
        }
        Element classDecl = Dom.add(enc, "classDecl");
        Element taxonomy = Dom.add(classDecl, "taxonomy", "xml:id", "jk-doctype");
        for (String[] genre : GENRES) {
            Element cat = Dom.add(taxonomy, "category", "xml:id", "jk-" + genre[0]);
            Dom.addText(cat, "catDesc", genre[1]);
        }
        Element decl = Dom.add(enc, "editorialDecl");
        Map<Intervention.Kind, Map<String, String>> used = new TreeMap<>();
        for (Block b : doc.blocks()) {
            for (Intervention iv : b.interventions()) {
                if (iv.kind() == Intervention.Kind.NOTE_ANCHOR) continue;
                used.computeIfAbsent(iv.kind(), k -> new TreeMap<>())
                        .put(iv.rule(), ruleDescriptions.getOrDefault(iv.rule(), iv.reason()));
            }
        }
        Element correction = null;
        // A rule that makes interventions of two kinds (a repair that both corrects and removes) is described
        // under each, and its xml:id, the target of every intervention's @resp/@source, is given once.
        java.util.Set<String> described = new java.util.HashSet<>();
        for (var kind : used.entrySet()) {
            Element part = switch (kind.getKey()) {
                case SURPLUS, CORRECTION, DAMAGE -> correction == null ? (correction = Dom.add(decl, "correction")) : correction;
                case REGULARISATION -> Dom.add(decl, "normalization");
                case REDACTION, FORME_WORK, CHARACTER, NOTE_ANCHOR -> decl;
            };
            for (var rule : kind.getValue().entrySet()) {
                if (described.add(rule.getKey())) Dom.addText(part, "p", rule.getValue(), "xml:id", "rule-" + rule.getKey());
                else Dom.addText(part, "p", rule.getValue());
            }
        }
        Dom.addText(Dom.add(decl, "punctuation"), "p",
                "Punctuation, including halfwidth marks in Chinese text, is kept as in the source.");
        if (doc.blocks().stream().anyMatch(b -> b.type() == Block.Type.NOTE)) {
            Dom.addText(decl, "p", "A note of the source (note type=\"footnote\" or \"endnote\", n its number) stands where "
                    + "the source refers to it, inside the paragraph, and no reference mark is added to the text; a further "
                    + "reference to the same note is a ptr type=\"noteAnchor\". A note whose reference was not found is in back.");
        }
        Element segmentation = Dom.add(decl, "segmentation");
        Dom.addText(segmentation, "p",
                "One block element per source line (headings embedded in a line are split off). Each block's xml:id is "
                        + "derived from its text, so it stays the same when an unchanged source is converted again; every "
                        + "xml:id starts with a key derived from the document's identifier, so ids are unique in the edition.");
        boolean lists = doc.blocks().stream().anyMatch(b -> !b.listType().isEmpty() || !runInLists(b, runIns).isEmpty());
        if (lists) {
            Dom.addText(segmentation, "p", "Enumerations are lists: lines led by a dash (list type=\"dash\") and lines "
                    + "numbered one after another (type=\"numbered\"), one item per line with the line's id; an enumeration "
                    + "inside one paragraph (一是…二是…) is a list type=\"run-in\" inside that paragraph, which keeps its id, "
                    + "its items numbered after it (b-…-i1).");
        }
        if (doc.blocks().stream().anyMatch(b -> Block.EXHORTATION.equals(b.detail()))) {
            Dom.addText(segmentation, "p", "The closing exhortation of a speech (同志们，…) after its last numbered section "
                    + "belongs to no section: it is a div type=\"exhortation\" without a head, after the sections.");
        }
        Dom.addText(Dom.add(decl, "interpretation"), "p",
                "Persons, places, organisations, dates, official titles and campaign terms are marked automatically "
                        + "(resp pointing at Jiaokan's respStmt; cert where the recogniser is less than sure) and linked to the edition's registers "
                        + "in " + registerFile + ", which gather simplified and traditional spellings in one entry.");
    }

    private void profileDesc(Element header, EditionDocument doc) {
        Metadata m = doc.meta();
        Element prof = Dom.add(header, "profileDesc");
        if (m.date() != null || !m.place().isEmpty() || !m.issuer().isEmpty()) {
            Element creation = Dom.add(prof, "creation");
            DatedValue d = m.date();
            if (d != null) {
                Element date = Dom.addText(creation, "date", d.text(), "when", d.when(), "xml:lang", m.script().tag());
                if (!d.inferred()) Dom.attr(date, "cert", "high");
                if (d.inferred()) {
                    Dom.attr(date, "cert", d.cert().value());
                    Dom.attr(date, "evidence", "internal");
                    Dom.attr(date, "resp", "#" + RESP_ID);
                    Dom.addText(date, "note", d.evidence(), "type", "editorial", "resp", "#" + RESP_ID, "xml:lang", "en");
                }
            }
            if (!m.place().isEmpty()) Dom.addText(creation, "placeName", m.place(), "xml:lang", m.script().tag());
            if (!m.issuer().isEmpty()) Dom.addText(creation, "orgName", m.issuer(), "type", "issuer", "xml:lang", m.script().tag());
        }
        boolean participant = !m.speaker().isEmpty() && !"speech".equals(m.docType());
        if (participant || !m.addressees().isEmpty()) {
            Element partic = Dom.add(prof, "particDesc");
            if (participant) {
                // The person who spoke at the meeting the text reports on is a participant, not its author.
                Element list = Dom.add(partic, "listPerson");
                Element person = Dom.add(list, "person", "role", "speaker");
                Dom.addText(person, "persName", m.speaker(), "xml:lang", m.script().tag(), "ref", personRef(doc, m.speaker()));
            }
            if (!m.addressees().isEmpty()) {
                // The bodies an official document is addressed to (主送机关).
                Element list = Dom.add(partic, "listOrg", "type", "addressees");
                for (String a : m.addressees()) {
                    Dom.addText(Dom.add(list, "org", "role", "addressee"), "orgName", a, "xml:lang", m.script().tag());
                }
            }
        }
        Element lang = Dom.add(prof, "langUsage");
        Dom.addText(lang, "language", m.script().label(), "ident", m.script().tag());
        Element textClass = Dom.add(prof, "textClass");
        Dom.add(textClass, "catRef", "scheme", "#jk-doctype", "target", "#jk-" + m.docType());
        if (!m.keywords().isEmpty()) {
            Element kw = Dom.add(textClass, "keywords", "xml:lang", m.script().tag());
            for (String k : m.keywords()) Dom.addText(kw, "term", k);
        }
    }

    // ---------------------------------------------------------------- text

    private void text(Element tei, EditionDocument doc, Map<Block, List<Enumerations.RunIn>> runIns) {
        Map<String, List<Block>> noteBlocks = new java.util.LinkedHashMap<>();
        for (Block b : doc.blocks()) {
            if (b.type() == Block.Type.NOTE) noteBlocks.computeIfAbsent(b.detail(), k -> new java.util.ArrayList<>()).add(b);
        }
        Map<String, String> placedNotes = new java.util.HashMap<>();
        InlineEncoder inline = new InlineEncoder(m -> registerFile + "#" + RegisterIds.of(m.type(), m.key()));
        inline.notes((parent, mark) -> placeNote(parent, mark, noteBlocks, placedNotes, inline));
                List<Block> blocks = doc.blocks();
        Element text = Dom.add(tei, "text");

        int i = 0;
        int frontEnd = 0;
        while (frontEnd < blocks.size() && (blocks.get(frontEnd).type().front() || isFurniture(blocks.get(frontEnd)))) frontEnd++;
        boolean hasFront = blocks.subList(0, frontEnd).stream().anyMatch(b -> b.type().front());
        if (hasFront) {
            Element front = Dom.add(text, "front");
            Element docTitle = null;
            for (; i < frontEnd; i++) {
                Block b = blocks.get(i);
                if (b.type() == Block.Type.TITLE || b.type() == Block.Type.SUBTITLE) {
                    if (docTitle == null) docTitle = Dom.add(front, "docTitle");
                    Element tp = Dom.add(docTitle, "titlePart", "type", b.type() == Block.Type.TITLE ? "main" : "sub");
                    fill(tp, b, inline);
                } else {
                    if (b.type() != Block.Type.FW && b.type() != Block.Type.NOISE) docTitle = null;
                    block(front, b, inline, runIns);
                }
            }
        }

        int closerStart = blocks.size();
        while (closerStart > i && isCloserPart(blocks.get(closerStart - 1))) closerStart--;
        while (closerStart < blocks.size() && isFurniture(blocks.get(closerStart))) closerStart++;
        List<Block> notes = blocks.stream().filter(b -> b.type() == Block.Type.NOTE).toList();

        Element body = Dom.add(text, "body");
        Element top = Dom.add(body, "div", "type", doc.meta().docType(), "xml:id", "d-body");
        Deque<Element> divs = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        divs.push(top);
        levels.push(0);
        boolean opened = false;
        Element list = null;
        for (; i < closerStart; i++) {
            Block b = blocks.get(i);
            if (b.type() != Block.Type.NOTE && b.listType().isEmpty()) list = null;
            switch (b.type()) {
                case NOTE -> { continue; }
                case HEAD -> {
                    int level = parseLevel(b.detail());
                    while (levels.peek() >= level) {
                        divs.pop();
                        levels.pop();
                    }
                    Element div = Dom.add(divs.peek(), "div", "type", "section", "xml:id", "d" + b.id().substring(1));
                    divs.push(div);
                    levels.push(level);
                    fill(Dom.add(div, "head"), b, inline);
                }
                case SALUTE -> {
                    if (!opened && divs.size() == 1) {
                        Element opener = Dom.add(top, "opener");
                        fill(Dom.add(opener, "salute"), b, inline);
                    } else {
                        fill(Dom.add(divs.peek(), "p"), b, inline);
                    }
                }
                case BYLINE, DATELINE -> {
                    // Before a division's first paragraph these open it; later they can only stand as anonymous blocks.
                    String name = b.type() == Block.Type.BYLINE ? "byline" : "dateline";
                    Element e = opened || divs.peek().getElementsByTagNameNS(Xml.TEI_NS, "p").getLength() > 0
                            ? Dom.add(divs.peek(), "ab", "type", name) : Dom.add(divs.peek(), name);
                    fill(e, b, inline);
                }
                case TITLE, SUBTITLE, CLOSER, SIGNED -> fill(Dom.add(divs.peek(), "p"), b, inline);
                case P -> {
                    if (Block.EXHORTATION.equals(b.detail())) {
                        // The closing exhortation after the last section belongs to the speech, not to that section.
                        // TEI allows no paragraph after a division's subdivisions, so it is a division of its own,
                        // without a head, in the top division.
                        while (divs.size() > 1) {
                            divs.pop();
                            levels.pop();
                        }
                        divs.push(Dom.add(top, "div", "type", "exhortation", "xml:id", "d" + b.id().substring(1)));
                        levels.push(1);
                    }
                    if (b.listType().isEmpty()) {
                        block(divs.peek(), b, inline, runIns);
                    } else {
                        if (list == null || b.opensList()) {
                            list = Dom.add(divs.peek(), "list", "type", b.listType(), "xml:id", "l" + b.id().substring(1));
                        }
                        fill(Dom.add(list, "item"), b, inline);
                    }
                }
                default -> block(divs.peek(), b, inline, runIns);
            }
            if (b.type() != Block.Type.FW && b.type() != Block.Type.NOISE) opened = true;
        }
        if (closerStart < blocks.size()) {
            Element closer = null;
            for (; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b.type() == Block.Type.NOTE) continue;
                if (isFurniture(b)) {
                    // Page furniture after the closing formula is not part of it: it follows the closer.
                    block(top, b, inline, runIns);
                    closer = null;
                } else if (isFootRecord(b)) {
                    // The record at an official document's foot (抄送, 印发) follows the closer as a trailer.
                    fill(Dom.add(top, "trailer", "type", b.detail()), b, inline);
                    closer = null;
                } else if (isCloserPart(b)) {
                    if (closer == null) closer = Dom.add(top, "closer");
                    String name = switch (b.type()) {
                        case SIGNED -> "signed";
                        case DATELINE -> "dateline";
                        default -> "salute";
                    };
                    fill(Dom.add(closer, name), b, inline);
                } else {
                    block(top, b, inline, runIns);
                }
            }
        }
        List<Block> unplaced = notes.stream().filter(b -> !placedNotes.containsKey(b.detail())).toList();
        if (!unplaced.isEmpty()) {
            // Notes whose reference was not found stay together after the body.
            Element back = Dom.add(text, "back");
            Element div = Dom.add(back, "div", "type", "notes");
            for (Block b : unplaced) fill(noteElement(div, b.detail()), b, inline);
        }
    }

    private static Element noteElement(org.w3c.dom.Node parent, String mark) {
        boolean end = mark.startsWith("e");
        return Dom.add(parent, "note", "type", end ? "endnote" : "footnote", "place", end ? "end" : "foot", "n", mark);
    }

    /**
     * Writes note {@code mark} where the source refers to it: the note itself the first time (its
     * paragraphs as {@code p} when it has several), a {@code ptr} to it after that; nothing for a mark
     * without a note.
     */
    private static void placeNote(org.w3c.dom.Node parent, String mark, Map<String, List<Block>> noteBlocks,
                                  Map<String, String> placed, InlineEncoder inline) {
        List<Block> lines = noteBlocks.get(mark);
        if (lines == null) return;
        String id = placed.get(mark);
        if (id != null) {
            Dom.add(parent, "ptr", "type", "noteAnchor", "target", "#" + id);
            return;
        }
        Element note = noteElement(parent, mark);
        if (lines.size() == 1) {
            placed.put(mark, lines.get(0).id());
            fill(note, lines.get(0), inline);
        } else {
            String noteId = "n" + lines.get(0).id().substring(1);
            Dom.attr(note, "xml:id", noteId);
            placed.put(mark, noteId);
            for (Block b : lines) fill(Dom.add(note, "p"), b, inline);
        }
    }

    private static boolean isFurniture(Block b) {
        return b.type() == Block.Type.FW || b.type() == Block.Type.NOISE;
    }

    private static boolean isCloserPart(Block b) {
        return b.type() == Block.Type.CLOSER || b.type() == Block.Type.SIGNED || b.type() == Block.Type.DATELINE
                || isFurniture(b) || b.type() == Block.Type.NOTE || isFootRecord(b);
    }

    /** The remark, copies-to and printed-by lines at the foot of an official document (GB/T 9704 附注, 版记). */
    private static boolean isFootRecord(Block b) {
        return b.type() == Block.Type.P && (Block.COPIES_TO.equals(b.detail()) || Block.PRINTED.equals(b.detail())
                || Block.REMARK.equals(b.detail()));
    }

    private static int parseLevel(String detail) {
        try {
            return Math.max(1, Integer.parseInt(detail));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Writes a block as its own element in {@code parent}. */
    private void block(Element parent, Block b, InlineEncoder inline, Map<Block, List<Enumerations.RunIn>> runIns) {
        switch (b.type()) {
            case FW -> fill(Dom.add(parent, "fw", "type", b.detail()), b, inline);
            case NOISE -> fill(Dom.add(parent, "ab", "type", "noise"), b, inline);
            case BYLINE -> fill(Dom.add(parent, switch (b.detail()) {
                // The head of an official document: the issuing body's mark and the document number.
                case Block.ISSUER_MARK -> "docAuthor";
                case Block.DOC_NUMBER -> "docImprint";
                default -> "byline";
            }), b, inline);
            case DATELINE -> fill(Dom.add(parent, "dateline"), b, inline);
            default -> {
                if (b.type() == Block.Type.P && !b.detail().isEmpty() && !Block.EXHORTATION.equals(b.detail())) {
                    // A part of an official document's record (附件, 附注) is a block of its own kind.
                    fill(Dom.add(parent, "ab", "type", b.detail()), b, inline);
                    return;
                }
                Element p = Dom.add(parent, "p");
                List<Enumerations.RunIn> lists = runInLists(b, runIns);
                if (lists.isEmpty()) {
                    fill(p, b, inline);
                } else {
                    runInLists(p, b, lists, inline);
                }
            }
        }
    }

    /** The enumerations inside paragraph {@code b}, if it can be cut at their items' bounds; else empty. */
    /** {@link #runInLists(Block)}, each block's found once per document. */
    private static List<Enumerations.RunIn> runInLists(Block b, Map<Block, List<Enumerations.RunIn>> runIns) {
        return runIns.computeIfAbsent(b, TeiWriter::runInLists);
    }

    private static List<Enumerations.RunIn> runInLists(Block b) {
        if (b.type() != Block.Type.P) return List.of();
        List<Enumerations.RunIn> lists = Enumerations.runInLists(b.text());
        List<Integer> cuts = new java.util.ArrayList<>();
        for (Enumerations.RunIn r : lists) {
            cuts.addAll(r.starts());
            cuts.add(r.end());
        }
        return lists.isEmpty() || !InlineEncoder.canCut(b.text(), cuts, b.interventions(), b.mentions()) ? List.of() : lists;
    }

    /**
     * A paragraph holding enumerations (一是…二是…三是…): the paragraph keeps its id and its text; the
     * lead-in and any text between enumerations stay in the paragraph, and each item is an {@code item} of
     * a {@code list type="run-in"} inside it, with the paragraph's id and its number as id
     * ({@code b-3542b6-i2}), numbered on across the paragraph's lists.
     */
    private static void runInLists(Element p, Block b, List<Enumerations.RunIn> lists, InlineEncoder inline) {
        Dom.attr(p, "xml:id", b.id());
        String text = b.text();
        int pos = 0;
        int n = 0;
        for (Enumerations.RunIn r : lists) {
            if (pos < r.starts().get(0)) inline.encodeRange(p, text, pos, r.starts().get(0), b.interventions(), b.mentions());
            Element list = Dom.add(p, "list", "type", "run-in");
            for (int k = 0; k < r.starts().size(); k++) {
                int end = k + 1 < r.starts().size() ? r.starts().get(k + 1) : r.end();
                Element item = Dom.add(list, "item", "xml:id", b.id() + "-i" + (++n));
                inline.encodeRange(item, text, r.starts().get(k), end, b.interventions(), b.mentions());
            }
            pos = r.end();
        }
        if (pos < text.length()) inline.encodeRange(p, text, pos, text.length(), b.interventions(), b.mentions());
    }

    private static void fill(Element e, Block b, InlineEncoder inline) {
        Dom.attr(e, "xml:id", b.id());
        if (b.type() == Block.Type.FW && !b.interventions().isEmpty()
                && b.interventions().get(0).kind() == Intervention.Kind.FORME_WORK
                && b.interventions().get(0).length() == b.text().length()) {
            // The block is itself the forme work: say who judged it on the fw, not on a nested fw.
            Intervention iv = b.interventions().get(0);
            Dom.attr(e, "resp", "#" + RESP_ID);
            Dom.attr(e, "cert", iv.cert().value());
            inline.encode(e, b.text(), List.of(), b.mentions());
            return;
        }
        inline.encode(e, b.text(), b.interventions(), b.mentions());
    }
}
