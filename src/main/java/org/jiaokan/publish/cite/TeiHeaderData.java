package org.jiaokan.publish.cite;

import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bibliographic facts of one TEI document, read from its header, that every citation format is
 * made from. Works on Jiaokan's own TEI and, as far as the elements are there, on any TEI header.
 *
 * @param id               the document's identifier ({@code idno type="jiaokan"}, else the TEI's xml:id)
 * @param title            the title as the header gives it (a devised title keeps its square brackets)
 * @param devisedTitle     whether the title is devised by the editors ({@code title type="desc"})
 * @param authors          who the document is by, in header order
 * @param date             when it was issued: the source's publication date, else the date of creation
 * @param language         the CSL language tag ({@code zh-CN} for simplified, {@code zh-TW} for traditional)
 * @param url              the document's canonical URL, or empty
 * @param originalSource   the body the source was taken from or published by, or empty
 * @param originalUrl      the address the source was captured from, or empty
 * @param publisher        who publishes this file ({@code publicationStmt/publisher}), or empty
 */
public record TeiHeaderData(String id, String title, boolean devisedTitle, List<Author> authors, IssuedDate date,
                            String language, String url, String originalSource, String originalUrl, String publisher) {

    /**
     * One author: a person (speaker, reporter, author) or a body (the issuing body of a notice).
     *
     * @param name the name as written
     * @param role the TEI role ({@code speaker}, {@code reporter}, {@code issuer}) or empty
     * @param body whether the author is an organisation
     */
    public record Author(String name, String role, boolean body) {}

    /**
     * A date with its precision: year, year and month, or a full date.
     *
     * @param year      the year
     * @param month     1-12, or 0 when unknown
     * @param day       1-31, or 0 when unknown
     * @param uncertain whether the header marks it as uncertain ({@code cert="low"})
     */
    public record IssuedDate(int year, int month, int day, boolean uncertain) {
        /** ISO 8601 form at the date's own precision. */
        public String iso() {
            StringBuilder b = new StringBuilder(String.format("%04d", year));
            if (month > 0) b.append(String.format("-%02d", month));
            if (month > 0 && day > 0) b.append(String.format("-%02d", day));
            return b.toString();
        }
    }

    private static final Pattern ISO = Pattern.compile("^(-?\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private static final java.util.regex.Pattern WEB = java.util.regex.Pattern.compile("(?i)https?://[^\\p{Cntrl}]+");

    /**
     * An address a citation may carry: an http or https URL (the formats escape what it holds); else empty. A
     * header's {@code javascript:} or {@code file:} address reached the RIS, BibTeX and CSL-JSON files, which reference
     * managers open as links.
     */
    static String web(String url) {
        String u = url == null ? "" : url.strip();
        return WEB.matcher(u).matches() ? u : "";
    }

    /** Reads a TEI document; {@code canonicalUrl} wins over the header's own URI when not empty. */
    public static TeiHeaderData of(Document tei, String canonicalUrl) {
        Element root = tei.getDocumentElement();
        Optional<Element> header = Dom.child(root, "teiHeader");
        Optional<Element> fileDesc = header.flatMap(h -> Dom.child(h, "fileDesc"));
        Optional<Element> titleStmt = fileDesc.flatMap(f -> Dom.child(f, "titleStmt"));
        Optional<Element> pub = fileDesc.flatMap(f -> Dom.child(f, "publicationStmt"));
        Optional<Element> bibl = fileDesc.flatMap(f -> Dom.child(f, "sourceDesc"))
                .flatMap(s -> Dom.child(s, "bibl").or(() -> Dom.child(s, "biblFull")));
        Optional<Element> profile = header.flatMap(h -> Dom.child(h, "profileDesc"));

        String id = pub.map(p -> idno(p, "jiaokan")).orElse("");
        if (id.isEmpty()) id = Dom.xmlId(root);

        Element title = mainTitle(titleStmt.map(t -> Dom.children(t, "title")).orElse(List.of()));
        String titleText = title == null ? "" : text(title);
        boolean devised = title != null && "desc".equals(title.getAttribute("type"));
        if (devised && !titleText.isEmpty() && !titleText.startsWith("[")) titleText = "[" + titleText + "]";

        List<Author> authors = new ArrayList<>();
        for (Element a : titleStmt.map(t -> Dom.children(t, "author")).orElse(List.of())) {
            String name = text(a);
            if (name.isEmpty()) continue;
            String role = a.getAttribute("role");
            boolean body = "issuer".equals(role) || (Dom.child(a, "orgName").isPresent() && Dom.child(a, "persName").isEmpty());
            authors.add(new Author(name, role, body));
        }

        // The source's publication date, else the date the text was made (a speech given, a notice issued).
        IssuedDate date = bibl.flatMap(b -> Dom.children(b, "date").stream()
                        .filter(d -> "published".equals(d.getAttribute("type"))).findFirst())
                .flatMap(TeiHeaderData::date)
                .or(() -> profile.flatMap(p -> Dom.child(p, "creation"))
                        .flatMap(c -> Dom.child(c, "date")).flatMap(TeiHeaderData::date))
                .orElse(null);

        String lang = profile.flatMap(p -> Dom.child(p, "langUsage")).flatMap(l -> Dom.child(l, "language"))
                .map(l -> l.getAttribute("ident")).filter(s -> !s.isEmpty())
                .orElseGet(() -> Dom.child(root, "text").map(t -> t.getAttributeNS(Xml.XML_NS, "lang"))
                        .filter(s -> !s.isEmpty()).orElse(root.getAttributeNS(Xml.XML_NS, "lang")));

        String url = web(canonicalUrl == null || canonicalUrl.isBlank() ? pub.map(p -> idno(p, "URI")).orElse("") : canonicalUrl.strip());

        String original = bibl.flatMap(b -> Dom.child(b, "publisher")).map(TeiHeaderData::text).orElse("");
        if (original.isEmpty()) {
            original = bibl.map(b -> Dom.children(b, "respStmt")).orElse(List.of()).stream()
                    .filter(r -> Dom.child(r, "resp").map(TeiHeaderData::text).orElse("").startsWith("original source"))
                    .flatMap(r -> Dom.child(r, "orgName").or(() -> Dom.child(r, "name")).stream())
                    .map(TeiHeaderData::text).findFirst().orElse("");
        }
        String originalUrl = web(bibl.map(b -> idno(b, "URI")).orElse(""));
        String publisher = pub.flatMap(p -> Dom.child(p, "publisher")).map(TeiHeaderData::text).orElse("");
        return new TeiHeaderData(id, titleText, devised, List.copyOf(authors), date, cslLanguage(lang), url, original, originalUrl, publisher);
    }

    /** The CSL language of a BCP 47 tag: the script decides the region the Chinese styles and locales expect. */
    static String cslLanguage(String tag) {
        if (tag == null || tag.isBlank()) return "";
        String t = tag.strip();
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("zh")) {
            if (lower.contains("hant") || lower.endsWith("-tw") || lower.endsWith("-hk") || lower.endsWith("-mo")) return "zh-TW";
            return "zh-CN";
        }
        return t;
    }

    private static Optional<IssuedDate> date(Element d) {
        String when = d.getAttribute("when");
        if (when.isEmpty()) when = d.getAttribute("notBefore");
        when = when.strip();
        Matcher m = ISO.matcher(when);
        // a year of five digits was cited as its first four (99999 as 9999), and 2020-02-30 as a day
        if (!m.find() || m.end() < when.length() && Character.isDigit(when.charAt(m.end()))) return Optional.empty();
        // the longest of its day, month and year the calendar has, as the records take it (2020-02-30 is cited as 2020-02)
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) month = day = 0;
        else if (day < 1 || !java.time.YearMonth.of(year, month).isValidDay(day)) day = 0;
        return Optional.of(new IssuedDate(year, month, day, "low".equals(d.getAttribute("cert"))));
    }

    static String idno(Element parent, String type) {
        return Dom.children(parent, "idno").stream().filter(i -> type.equals(i.getAttribute("type")))
                .map(TeiHeaderData::text).findFirst().orElse("");
    }

    /**
     * The title of a {@code titleStmt}'s {@code titles} that the pages, the records and the citations show: of those
     * with words (an editor's note in one is not its words), the main title, else the first that is not a subtitle,
     * else the first; null where none has words.
     */
    public static Element mainTitle(List<Element> titles) {
        List<Element> worded = titles.stream().filter(t -> !text(t).isEmpty()).toList();
        return worded.stream().filter(t -> "main".equals(t.getAttribute("type"))).findFirst()
                .or(() -> worded.stream().filter(t -> !"sub".equals(t.getAttribute("type"))).findFirst())
                .orElse(worded.isEmpty() ? null : worded.get(0));
    }

    /** The element's text without its notes, white space collapsed. */
    public static String text(Element e) {
        StringBuilder b = new StringBuilder();
        collect(e, b);
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static void collect(org.w3c.dom.Node n, StringBuilder b) {
        for (org.w3c.dom.Node k = n.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k instanceof Element el) {
                if (!"note".equals(el.getLocalName())) collect(el, b);
            } else if (k.getNodeType() == org.w3c.dom.Node.TEXT_NODE || k.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                b.append(k.getNodeValue());
            }
        }
    }
}
