package org.jiaokan.read;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaokan.model.Hint;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Word document (DOCX, Office Open XML) with Apache POI.
 *
 * <p>Output order: page-header paragraphs ({@link Hint#BOILERPLATE} "header"), the body in order,
 * page-footer paragraphs ({@link Hint#BOILERPLATE} "footer"), then footnotes and endnotes
 * ({@link Hint#FOOTNOTE}). Body paragraphs in the Title, Subtitle and "heading N" styles become
 * {@link Hint#TITLE}, {@link Hint#SUBTITLE} and {@link Hint#HEADING} (detail "N"); all other
 * paragraphs, including every paragraph inside a table or content control, become
 * {@link Hint#PARAGRAPH}. Empty paragraphs are skipped; a manual line break splits a paragraph
 * into several lines with the same hint.
 *
 * <p>A note reference adds no text: the line records it as a {@link SourceLine.NoteAnchor} at its
 * position, with mark "N" for footnote N and "eN" for endnote N; the note's own lines carry detail
 * "N" or "eN", so a reference and its note can be paired. POI's XML parsing is left at its secure
 * defaults (no external entities, zip-bomb limits).
 */
public final class DocxReader implements SourceReader {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String EVIDENCE = "DOCX (Office Open XML, UTF-8 XML parts)";

    /** "org.apache.xmlbeans.XmlException: error: " and the like: names for programmers, not for the user. */
    private static final Pattern EXCEPTION_PREFIX = Pattern.compile("^(?:(?:[a-z]\\w*\\.)+[A-Z]\\w*: |error: )+");
    private static final Pattern HEADING_NAME = Pattern.compile("(?:heading|标题|標題)\\s*(\\d)");
    private static final Pattern HEADING_ID = Pattern.compile("heading(\\d)");

    @Override
    public SourceDocument read(String fileName, byte[] bytes, Charset forced) throws ReadException {
        FileFacts.requireNonEmpty(bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<SourceLine> lines = new ArrayList<>();
            for (XWPFHeaderFooter header : doc.getHeaderList()) addFurniture(header, "header", lines);
            for (IBodyElement element : doc.getBodyElements()) addBodyElement(element, doc.getStyles(), lines);
            for (XWPFHeaderFooter footer : doc.getFooterList()) addFurniture(footer, "footer", lines);
            for (XWPFAbstractFootnoteEndnote note : doc.getFootnotes()) addNote(note, "", lines);
            for (XWPFAbstractFootnoteEndnote note : doc.getEndnotes()) addNote(note, "e", lines);
            String evidence = forced == null ? EVIDENCE : EVIDENCE + "; --encoding does not apply and was ignored";
            return new SourceDocument(fileName, bytes.length, FileFacts.sha256(bytes), MEDIA_TYPE, "UTF-8",
                    evidence, lines, coreProperties(doc));
        } catch (IOException | RuntimeException e) {
            // POI reports damage as a variety of runtime exceptions (POIXMLException, NotOfficeXmlFileException,
            // XmlException wrappers); to the user they all mean the same thing.
            String limit = overLimit(e);
            throw new ReadException(limit != null ? limit : "corrupt DOCX: " + shortReason(e), e);
        }
    }

    private static final Pattern ARRAY_LIMIT = Pattern.compile("array of length ([\\d,]+), but the maximum length for this record type is ([\\d,]+)");

    /**
     * What POI's limits refused, said as a limit (it is reported as damage otherwise): a part that unpacks to far
     * more than its packed size (a zip bomb), or to more than the reader takes. Null for anything else.
     */
    static String overLimit(Throwable e) {
        for (int depth = 0; e != null && depth < 10; e = e.getCause(), depth++) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("Zip bomb detected")) {
                if (m.contains("ratio")) {
                    return "DOCX not read: a part of it unpacks to more than " + Math.round(1 / org.apache.poi.openxml4j.util.ZipSecureFile.getMinInflateRatio())
                            + " times its packed size, the limit against zip bombs";
                }
                return "DOCX not read: a part of it unpacks to more than " + org.apache.poi.openxml4j.util.ZipSecureFile.getMaxEntrySize()
                        + " bytes, the limit against zip bombs";
            }
            java.util.regex.Matcher a = ARRAY_LIMIT.matcher(m);
            if (a.find()) {
                return "DOCX not read: a part of it unpacks to " + a.group(1).replace(",", "") + " bytes, over the reader's limit of "
                        + a.group(2).replace(",", "") + " bytes";
            }
        }
        return null;
    }

    private static void addBodyElement(IBodyElement element, XWPFStyles styles, List<SourceLine> out) {
        if (element instanceof XWPFParagraph p) {
            StyleHint style = styleHint(p, styles);
            addLines(paragraphText(p), style.hint(), style.detail(), out);
        } else if (element instanceof XWPFTable table) {
            addTable(table, out);
        } else if (element instanceof XWPFSDT sdt) {
            addLines(sdt.getContent().getText(), Hint.PARAGRAPH, "", out);
        }
    }

    private static void addTable(XWPFTable table, List<SourceLine> out) {
        addTable(table, Hint.PARAGRAPH, "", out);
    }

    /** A table's cells' text, a line each, with {@code hint} and {@code detail} (a note's table is the note's). */
    private static void addTable(XWPFTable table, Hint hint, String detail, List<SourceLine> out) {
        for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                for (IBodyElement element : cell.getBodyElements()) {
                    if (element instanceof XWPFParagraph p) addLines(paragraphText(p), hint, detail, out);
                    else if (element instanceof XWPFTable nested) addTable(nested, hint, detail, out);
                    else if (element instanceof XWPFSDT sdt) addLines(sdt.getContent().getText(), hint, detail, out);
                }
            }
        }
    }

    private static void addFurniture(XWPFHeaderFooter part, String kind, List<SourceLine> out) {
        for (XWPFParagraph p : part.getParagraphs()) addLines(paragraphText(p), Hint.BOILERPLATE, kind, out);
    }

    private static void addNote(XWPFAbstractFootnoteEndnote note, String prefix, List<SourceLine> out) {
        // Separator "notes" (types separator, continuationSeparator) are layout, not text.
        if (note.getCTFtnEdn().isSetType() && !"normal".equals(note.getCTFtnEdn().getType().toString())) return;
        for (IBodyElement element : note.getBodyElements()) {
            if (element instanceof XWPFParagraph p) addLines(paragraphText(p), Hint.FOOTNOTE, prefix + note.getId(), out);
            else if (element instanceof XWPFTable table) addTable(table, Hint.FOOTNOTE, prefix + note.getId(), out);
        }
    }

    private static void addLines(String text, Hint hint, String detail, List<SourceLine> out) {
        addLines(new Anchored(text, List.of()), hint, detail, out);
    }

    /**
     * Adds the non-blank lines of {@code text}, each with the note references that fall in it (a
     * reference at a line break belongs to the line it ends). References on a blank line are dropped:
     * their notes stay where the reader put them.
     */
    private static void addLines(Anchored text, Hint hint, String detail, List<SourceLine> out) {
        int from = 0;
        int next = 0;
        for (String line : TextReader.splitLines(text.text())) {
            int start = text.text().indexOf(line, from);
            int end = start + line.length();
            List<SourceLine.NoteAnchor> anchors = new ArrayList<>();
            while (next < text.anchors().size() && text.anchors().get(next).offset() <= end) {
                SourceLine.NoteAnchor a = text.anchors().get(next++);
                anchors.add(new SourceLine.NoteAnchor(Math.max(0, a.offset() - start), a.mark()));
            }
            from = end;
            if (!line.isBlank()) out.add(new SourceLine(line, hint, detail, anchors));
        }
    }

    /** A paragraph's text and the positions of its note references. */
    record Anchored(String text, List<SourceLine.NoteAnchor> anchors) {}

    /**
     * The paragraph's text, read from its XML in document order; a note reference adds no text but a
     * {@link SourceLine.NoteAnchor}. Not {@link XWPFParagraph#getText()}, which appends the notes' text to the
     * paragraph, nor POI's runs alone, which leave out text in custom XML and in text boxes and symbols
     * ({@code w:sym}). A text box's text stands on lines of its own where its anchor is.
     */
    static Anchored paragraphText(XWPFParagraph p) {
        StringBuilder sb = new StringBuilder();
        List<SourceLine.NoteAnchor> anchors = new ArrayList<>();
        collect(p.getCTP().getDomNode(), sb, anchors);
        return new Anchored(sb.toString(), anchors);
    }

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /** Whether a form check box is checked: its {@code w:checked}, else its {@code w:default} (on, 1 or true). */
    private static boolean checked(org.w3c.dom.Node box) {
        String state = null;
        for (org.w3c.dom.Node c = box.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof org.w3c.dom.Element e)) continue;
            String val = e.getAttributeNS(W, "val");
            if ("checked".equals(c.getLocalName())) state = val.isEmpty() ? "1" : val;
            else if ("default".equals(c.getLocalName()) && state == null) state = val;
        }
        return state != null && (state.equals("1") || state.equalsIgnoreCase("true") || state.equalsIgnoreCase("on"));
    }

    /** The paragraphs below {@code n} (a text box's content), each on a line of its own. */
    private static void boxParagraphs(org.w3c.dom.Node n, StringBuilder sb, List<SourceLine.NoteAnchor> anchors) {
        for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) continue;
            if (W.equals(c.getNamespaceURI()) && "p".equals(c.getLocalName())) {
                sb.append('\n');
                collect(c, sb, anchors);
            } else {
                boxParagraphs(c, sb, anchors);
            }
        }
    }

    /** The character data of {@code n}'s children (the DOM of POI's XML beans has no getTextContent). */
    private static void appendText(org.w3c.dom.Node n, StringBuilder sb) {
        for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            short type = c.getNodeType();
            if (type == org.w3c.dom.Node.TEXT_NODE || type == org.w3c.dom.Node.CDATA_SECTION_NODE) sb.append(c.getNodeValue());
        }
    }

    /** The text of {@code n}'s children, in order, into {@code sb} (see {@link #paragraphText}). */
    private static void collect(org.w3c.dom.Node n, StringBuilder sb, List<SourceLine.NoteAnchor> anchors) {
        for (org.w3c.dom.Node k = n.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) continue;
            String ns = k.getNamespaceURI(), local = k.getLocalName();
            if (MC.equals(ns) && "AlternateContent".equals(local)) {
                // one of its forms: the first (mc:Choice); mc:Fallback holds the same text again
                for (org.w3c.dom.Node c = k.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                        collect(c, sb, anchors);
                        break;
                    }
                }
                continue;
            }
            if (!W.equals(ns)) {
                collect(k, sb, anchors); // drawing and VML wrappers, down to a text box's content
                continue;
            }
            switch (local) {
                case "t", "delText" -> appendText(k, sb);
                case "tab", "ptab" -> sb.append('\t');
                case "br", "cr" -> sb.append('\n');
                case "noBreakHyphen" -> sb.append('\u2011');
                case "softHyphen" -> sb.append('\u00AD');
                case "sym" -> {
                    String hex = ((org.w3c.dom.Element) k).getAttributeNS(W, "char");
                    try {
                        int cp = Integer.parseInt(hex, 16);
                        // a symbol font's code (F0xx) is its character in the private-use area, as Word keeps it
                        if (Character.isValidCodePoint(cp) && cp != 0) sb.appendCodePoint(cp < 0x100 ? 0xF000 + cp : cp);
                    } catch (NumberFormatException e) {
                        // no character to keep
                    }
                }
                case "footnoteReference", "endnoteReference" -> anchors.add(new SourceLine.NoteAnchor(sb.length(),
                        ("endnoteReference".equals(local) ? "e" : "") + ((org.w3c.dom.Element) k).getAttributeNS(W, "id")));
                case "txbxContent" -> {
                    // a text box: its paragraphs on lines of their own, also those in its tables and content controls
                    boxParagraphs(k, sb, anchors);
                    sb.append('\n');
                }
                case "fldChar" -> {
                    // a legacy form check box, written as POI writes it: |X| checked, |_| not
                    for (org.w3c.dom.Node ff = k.getFirstChild(); ff != null; ff = ff.getNextSibling()) {
                        if (!"ffData".equals(ff.getLocalName())) continue;
                        for (org.w3c.dom.Node box = ff.getFirstChild(); box != null; box = box.getNextSibling()) {
                            if ("checkBox".equals(box.getLocalName())) sb.append(checked(box) ? "|X|" : "|_|");
                        }
                    }
                }
                // not text: properties, field codes, bookmarks, proofing marks, the ruby's reading
                case "pPr", "rPr", "instrText", "delInstrText", "bookmarkStart", "bookmarkEnd", "proofErr",
                     "commentRangeStart", "commentRangeEnd", "commentReference", "annotationRef", "rt", "sdtPr", "sdtEndPr",
                     "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "lastRenderedPageBreak",
                     "permStart", "permEnd", "customXmlPr", "smartTagPr" -> { }
                default -> collect(k, sb, anchors); // r, hyperlink, customXml, smartTag, fldSimple, ins, del, sdt, ruby, tbl …
            }
        }
    }

    private record StyleHint(Hint hint, String detail) {}

    /** Hint from the paragraph style's name (what Word shows), falling back to its id. */
    private static StyleHint styleHint(XWPFParagraph p, XWPFStyles styles) {
        String id = p.getStyleID();
        if (id == null || id.isEmpty()) return new StyleHint(Hint.PARAGRAPH, "");
        XWPFStyle style = styles == null ? null : styles.getStyle(id);
        String name = style != null && style.getName() != null ? style.getName() : "";
        StyleHint byName = fromStyleName(name.toLowerCase(Locale.ROOT).trim(), HEADING_NAME);
        if (byName != null) return byName;
        StyleHint byId = fromStyleName(id.toLowerCase(Locale.ROOT).replace(" ", ""), HEADING_ID);
        return byId != null ? byId : new StyleHint(Hint.PARAGRAPH, "");
    }

    private static StyleHint fromStyleName(String name, Pattern heading) {
        if (name.equals("title") || name.equals("标题") || name.equals("標題")) return new StyleHint(Hint.TITLE, "");
        if (name.equals("subtitle") || name.equals("副标题") || name.equals("副標題")) return new StyleHint(Hint.SUBTITLE, "");
        Matcher m = heading.matcher(name);
        if (m.matches()) return new StyleHint(Hint.HEADING, m.group(1));
        return null;
    }

    private static Map<String, String> coreProperties(XWPFDocument doc) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        Map<String, String> properties = new TreeMap<>();
        put(properties, "docx.title", core::getTitle);
        put(properties, "docx.subject", core::getSubject);
        put(properties, "docx.creator", core::getCreator);
        put(properties, "docx.description", core::getDescription);
        put(properties, "docx.keywords", core::getKeywords);
        put(properties, "docx.category", core::getCategory);
        put(properties, "docx.lastModifiedBy", core::getLastModifiedByUser);
        put(properties, "docx.created", () -> iso(core.getCreated()));
        put(properties, "docx.modified", () -> iso(core.getModified()));
        return properties;
    }

    private static void put(Map<String, String> properties, String key, Supplier<String> value) {
        String v = value.get();
        if (v != null && !v.isBlank()) properties.put(key, v.strip());
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }

    private static String shortReason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = EXCEPTION_PREFIX.matcher(message.lines().findFirst().orElse("").strip()).replaceFirst("");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
