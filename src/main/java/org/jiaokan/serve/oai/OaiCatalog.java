package org.jiaokan.serve.oai;

import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an OAI-PMH repository over a published edition holds, read from the published output folder:
 * one item per document whose TEI is in {@code doc/DOCID.xml} and that has at least one record in
 * {@code records/FORMAT/DOCID.xml}, and one item for the edition as a whole ({@code records/edition/FORMAT.xml}).
 *
 * <ul>
 *   <li>Identifiers are {@code oai:HOST:DOCID} and {@code oai:HOST:edition}, HOST being the host of the
 *       edition's canonical URL (from {@code edition.xml} when given, else from the documents' own
 *       {@code publicationStmt/idno[@type='URI']}).</li>
 *   <li>A document's datestamp (day granularity) is the latest date of its header's {@code revisionDesc/change/@when}
 *       and {@code publicationStmt/date/@when}; the edition's is the latest of its documents'. Never the clock.</li>
 *   <li>Sets are genres, {@code genre:KEY}, from the document's {@code textClass/catRef} and the category it
 *       points at, named in Chinese and English.</li>
 *   <li>The repository's name and administrator's address come from {@code edition.xml} when given, else from
 *       the static repository file ({@code records/oai-static.xml}) when one has been written, else from the
 *       edition's own record and the site's front page; the address defaults to {@code webmaster@HOST}.</li>
 * </ul>
 *
 * Everything is sorted (documents by DOCID, the edition last), so the same output gives the same repository.
 */
public final class OaiCatalog {

    /** The local id of the edition's own item. */
    public static final String EDITION_ID = "edition";
    /** Where the static repository file is written, relative to the published output. */
    public static final String STATIC_FILE = "records/oai-static.xml";
    /** The host used in identifiers when no canonical URL is known (RFC 2606: a name that never resolves). */
    static final String NO_HOST = "jiaokan.invalid";

    static final String STATIC_NS = "http://www.openarchives.org/OAI/2.0/static-repository";
    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    /**
     * The repository's description.
     *
     * @param name        the repository name
     * @param host        the host in identifiers
     * @param baseUrl     the edition's canonical base URL (ending in {@code /}), or null
     * @param adminEmails at least one address
     */
    public record Info(String name, String host, String baseUrl, List<String> adminEmails) {}

    /** A set of documents of one genre. */
    public record Genre(String spec, String nameZh, String nameEn) {
        public String name() {
            return nameZh.equals(nameEn) ? nameEn : nameZh + " / " + nameEn;
        }
    }

    /**
     * One item.
     *
     * @param localId    DOCID, or {@link #EDITION_ID}
     * @param identifier the OAI identifier
     * @param datestamp  its datestamp
     * @param setSpecs   the sets it belongs to
     * @param records    its record file per format (only formats it has)
     */
    public record Entry(String localId, String identifier, LocalDate datestamp, List<String> setSpecs,
                        Map<OaiFormat, Path> records) {}

    private static final Map<String, String> GENRES_ZH = Map.of(
            "speech", "讲话",
            "meeting-report", "会议报道",
            "news-report", "新闻报道",
            "notice", "通知公告",
            "forum-post", "论坛帖子",
            "document", "文件");

    private final Path out;
    private final Info info;
    private final List<Entry> entries;
    private final List<Genre> genres;
    private final List<String> problems;
    private final Map<String, Entry> byIdentifier = new LinkedHashMap<>();

    private OaiCatalog(Path out, Info info, List<Entry> entries, List<Genre> genres, List<String> problems) {
        this.out = out;
        this.info = info;
        this.entries = List.copyOf(entries);
        this.genres = List.copyOf(genres);
        this.problems = List.copyOf(problems);
        for (Entry e : entries) byIdentifier.put(e.identifier(), e);
    }

    /** Reads the published output folder {@code out}. */
    public static OaiCatalog load(Path out) throws IOException {
        return load(out, null, true);
    }

    /**
     * Reads the published output folder {@code out}, taking the repository's description from
     * {@code editionXml} (the edition's {@code edition.xml}) where it is not null.
     */
    public static OaiCatalog load(Path out, Path editionXml) throws IOException {
        return load(out, editionXml, editionXml == null);
    }

    static OaiCatalog load(Path out, Path editionXml, boolean readStaticFile) throws IOException {
        return load(out, editionXml, readStaticFile, new Memo());
    }

    /** What a document's header tells the repository. */
    record Facts(LocalDate date, Genre genre, String uri) {}

    /** A document file read: its facts, or null (not TEI, or not well-formed: then {@code problem} says so). */
    private record DocRead(Facts facts, String problem) {}

    /**
     * What is remembered of the output's files from one read to the next, by path, size and
     * modification time, so that a republish reads only the files that changed.
     */
    static final class Memo {
        private record Held(FileTime time, long size, Object value) {}

        private final Map<Path, Held> held = new ConcurrentHashMap<>();
        private final java.util.Set<Path> seen = ConcurrentHashMap.newKeySet();

        interface Reader<T> {
            T read(Path p) throws IOException;
        }

        @SuppressWarnings("unchecked")
        <T> T get(Path p, Reader<T> reader) throws IOException {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            seen.add(p);
            Held h = held.get(p);
            if (h != null && h.time.equals(a.lastModifiedTime()) && h.size == a.size()) return (T) h.value;
            T v = reader.read(p);
            held.put(p, new Held(a.lastModifiedTime(), a.size(), v));
            return v;
        }

        /** Forgets the files not asked for since the last call. */
        void sweep() {
            held.keySet().retainAll(seen);
            seen.clear();
        }
    }

    static OaiCatalog load(Path out, Path editionXml, boolean readStaticFile, Memo memo) throws IOException {
        return load(out, editionXml, readStaticFile, memo, Map.of());
    }

    /**
     * As {@link #load(Path, Path, boolean, Memo)}, a document's TEI taken from {@code teiFiles} (DOCID → file, this run's)
     * rather than from {@code doc/DOCID.xml}: the catalogue published without the site has records and no copies of the
     * TEI, or an earlier run's.
     */
    static OaiCatalog load(Path out, Path editionXml, boolean readStaticFile, Memo memo, Map<String, Path> teiFiles) throws IOException {
        if (!Files.isDirectory(out)) throw new IOException(out + ": no such folder");
        List<String> problems = new ArrayList<>();
        Path docDir = out.resolve("doc");
        Path records = out.resolve("records");

        // The documents, sorted by DOCID.
        TreeMap<String, Facts> teis = new TreeMap<>();
        TreeMap<String, Path> files = new TreeMap<>(); // each document's TEI: the file given for it, else its copy in doc/
        if (Files.isDirectory(docDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(docDir, "*.xml")) {
                for (Path p : ds) {
                    if (!Files.isRegularFile(p)) continue;
                    String name = p.getFileName().toString();
                    String id = name.substring(0, name.length() - 4);
                    files.put(id, p);
                }
            }
        }
        files.putAll(teiFiles); // this run's TEI, not a copy an earlier run left
        for (Map.Entry<String, Path> t : files.entrySet()) {
            DocRead r = memo.get(t.getValue(), OaiCatalog::readDoc);
            if (r.facts() != null) teis.put(t.getKey(), r.facts());
            else if (r.problem() != null) problems.add(r.problem());
        }

        Document edition = null;
        if (editionXml != null) {
            try {
                edition = Xml.parse(editionXml);
            } catch (SAXException e) {
                throw new IOException(editionXml + ": not well-formed XML: " + e.getMessage(), e);
            }
        }
        Info info = info(out, edition, teis, readStaticFile);

        Map<String, Genre> genres = new TreeMap<>();
        List<Entry> entries = new ArrayList<>();
        LocalDate latest = null;
        for (Map.Entry<String, Facts> t : teis.entrySet()) {
            String id = t.getKey();
            Map<OaiFormat, Path> recs = new EnumMap<>(OaiFormat.class);
            for (OaiFormat f : OaiFormat.values()) {
                Path r = records.resolve(f.folder).resolve(id + ".xml");
                if (usable(r, f, problems, memo)) recs.put(f, r);
            }
            if (recs.isEmpty()) continue;
            Facts facts = t.getValue();
            LocalDate date = facts.date();
            List<String> sets = new ArrayList<>();
            if (facts.genre() != null) {
                genres.putIfAbsent(facts.genre().spec(), facts.genre());
                sets.add(facts.genre().spec());
            }
            if (date != null && (latest == null || date.isAfter(latest))) latest = date;
            entries.add(new Entry(id, identifier(info.host(), id), date, sets, recs));
        }
        LocalDate fallback = latest != null ? latest
                : edition != null ? Optional.ofNullable(datestamp(edition.getDocumentElement())).orElse(LocalDate.EPOCH)
                : LocalDate.EPOCH;
        // A document whose header carries no date gets the edition's.
        entries.replaceAll(e -> e.datestamp() != null ? e
                : new Entry(e.localId(), e.identifier(), fallback, e.setSpecs(), e.records()));

        if (!teis.containsKey(EDITION_ID)) {
            Map<OaiFormat, Path> recs = new EnumMap<>(OaiFormat.class);
            for (OaiFormat f : OaiFormat.values()) {
                Path r = records.resolve(EDITION_ID).resolve(f.folder + ".xml");
                if (usable(r, f, problems, memo)) recs.put(f, r);
            }
            if (!recs.isEmpty()) entries.add(new Entry(EDITION_ID, identifier(info.host(), EDITION_ID), fallback, List.of(), recs));
        }
        memo.sweep();
        return new OaiCatalog(out, info, entries, new ArrayList<>(genres.values()), problems);
    }

    private static DocRead readDoc(Path p) throws IOException {
        try {
            HeaderReader h = new HeaderReader();
            XMLReader r = SAX.get();
            r.setContentHandler(h);
            try (InputStream in = Files.newInputStream(p)) {
                InputSource src = new InputSource(in);
                src.setSystemId(p.toUri().toString());
                r.parse(src);
            } catch (HeaderReader.Done done) {
                // the header is read; the text is not needed
            } catch (SAXException | IOException | RuntimeException e) {
                SAX.remove();
                throw e;
            }
            if (!h.tei) return new DocRead(null, null);
            Element header = h.header;
            if (header == null) return new DocRead(new Facts(null, null, null), null);
            Element pub = Dom.descendants(header, "publicationStmt").stream().findFirst().orElse(null);
            return new DocRead(new Facts(datestamp(header), genre(header).orElse(null), pub == null ? null : uriOf(pub)), null);
        } catch (SAXException e) {
            return new DocRead(null, p + ": not well-formed XML: " + e.getMessage());
        }
    }

    // Parsers are made once per thread: making one looks its implementation up on the class path each time.
    private static final ThreadLocal<XMLReader> SAX = ThreadLocal.withInitial(() -> {
        try {
            return Xml.newSaxReader(true);
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<DocumentBuilder> DOM = ThreadLocal.withInitial(Xml::newBuilder);

    /** Parses bytes with the secure settings of {@link Xml#newBuilder()}, on this thread's builder. */
    static Document parse(byte[] bytes) throws SAXException, IOException {
        DocumentBuilder b = DOM.get();
        b.reset();
        b.setErrorHandler(new DefaultHandler() {
            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        return b.parse(new ByteArrayInputStream(bytes));
    }

    /**
     * Reads a TEI file's {@code teiHeader} into a DOM element and stops there: a large edition's texts are
     * never parsed to build the repository.
     */
    private static final class HeaderReader extends DefaultHandler {
        static final class Done extends SAXException {
            Done() {
                super("teiHeader read");
            }

            /** Thrown once per document to stop reading after its header: no stack trace to make. */
            @Override
            public synchronized Throwable fillInStackTrace() {
                return this;
            }
        }

        boolean tei;
        Element header;
        private final Document doc = DOM.get().newDocument();
        private Element current;
        private int depth;

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            depth++;
            if (depth == 1) {
                tei = Xml.TEI_NS.equals(uri) && "TEI".equals(local);
                if (!tei) throw new Done();
                return;
            }
            if (current == null && !(depth == 2 && Xml.TEI_NS.equals(uri) && "teiHeader".equals(local))) {
                if (depth == 2) throw new Done(); // the header comes first, or there is none
                return;
            }
            Element e = doc.createElementNS(uri.isEmpty() ? null : uri, qName);
            for (int i = 0; i < atts.getLength(); i++) {
                String an = atts.getURI(i);
                e.setAttributeNS(an.isEmpty() ? null : an, atts.getQName(i), atts.getValue(i));
            }
            if (current == null) header = e;
            else current.appendChild(e);
            current = e;
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            depth--;
            if (current == null) return;
            if (current == header) throw new Done();
            current = (Element) current.getParentNode();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (current != null) current.appendChild(doc.createTextNode(new String(ch, start, length)));
        }
    }

    public Path out() {
        return out;
    }

    public Info info() {
        return info;
    }

    /** Every item: documents by DOCID, then the edition. */
    public List<Entry> entries() {
        return entries;
    }

    /** The genre sets, by setSpec. */
    public List<Genre> genres() {
        return genres;
    }

    /** Files that were skipped, one line each ({@code FILE: reason}). */
    public List<String> problems() {
        return problems;
    }

    public Optional<Entry> entry(String identifier) {
        return Optional.ofNullable(byIdentifier.get(identifier));
    }

    /** The earliest datestamp of any item (1970-01-01 when there is none). */
    public LocalDate earliest() {
        return entries.stream().map(Entry::datestamp).min(LocalDate::compareTo).orElse(LocalDate.EPOCH);
    }

    static String identifier(String host, String localId) {
        return "oai:" + host + ":" + localId;
    }

    /**
     * The bytes of a record file when it is one of {@code format}: well-formed, without a DOCTYPE,
     * in UTF-8, its root the format's root element.
     */
    static byte[] record(Path file, OaiFormat format) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            throw new IOException(file + ": starts with a byte order mark");
        }
        Document d;
        try {
            d = parse(bytes);
        } catch (SAXException e) {
            throw new IOException(file + ": not well-formed XML (or has a DOCTYPE): " + e.getMessage(), e);
        }
        String enc = d.getXmlEncoding();
        if (enc != null && !enc.equalsIgnoreCase("UTF-8")) throw new IOException(file + ": not in UTF-8 (" + enc + ")");
        Element root = d.getDocumentElement();
        if (!format.namespace.equals(root.getNamespaceURI()) || !format.root.equals(root.getLocalName())) {
            throw new IOException(file + ": the root is not {" + format.namespace + "}" + format.root);
        }
        return bytes;
    }

    private static boolean usable(Path file, OaiFormat format, List<String> problems, Memo memo) throws IOException {
        if (!Files.isRegularFile(file)) return false;
        String problem = memo.get(file, f -> {
            try {
                record(f, format);
                return "";
            } catch (IOException e) {
                return e.getMessage();
            }
        });
        if (problem.isEmpty()) return true;
        problems.add(problem);
        return false;
    }

    // ---- the repository's description

    private static Info info(Path out, Document edition, Map<String, Facts> teis, boolean readStaticFile) {
        String name = null;
        String uri = null;
        List<String> emails = new ArrayList<>();
        if (edition != null) {
            Element header = Dom.descendants(edition.getDocumentElement(), "teiHeader").stream().findFirst().orElse(null);
            if (header != null) {
                name = Dom.descendants(header, "titleStmt").stream().findFirst()
                        .flatMap(ts -> Dom.child(ts, "title")).map(OaiCatalog::text).filter(s -> !s.isEmpty()).orElse(null);
                Element pub = Dom.descendants(header, "publicationStmt").stream().findFirst().orElse(null);
                if (pub != null) {
                    uri = uriOf(pub);
                    for (Element e : Dom.descendants(pub, "email")) addEmail(emails, text(e));
                }
            }
        }
        if (readStaticFile && (name == null || emails.isEmpty())) {
            Path file = out.resolve(STATIC_FILE);
            if (Files.isRegularFile(file)) {
                try {
                    Document d = Xml.parse(file);
                    Element root = d.getDocumentElement();
                    if (STATIC_NS.equals(root.getNamespaceURI())) {
                        if (name == null) {
                            var n = root.getElementsByTagNameNS(OAI_NS, "repositoryName");
                            if (n.getLength() > 0) name = text((Element) n.item(0));
                        }
                        if (emails.isEmpty()) {
                            var n = root.getElementsByTagNameNS(OAI_NS, "adminEmail");
                            for (int i = 0; i < n.getLength(); i++) addEmail(emails, text((Element) n.item(i)));
                        }
                    }
                } catch (IOException | SAXException e) {
                    // a broken static file is not a description; fall through
                }
            }
        }
        if (name == null || name.isEmpty()) name = editionRecordTitle(out);
        if (name == null || name.isEmpty()) name = frontPageTitle(out);
        if (name == null || name.isEmpty()) name = "Jiaokan edition";

        String base = null;
        if (uri != null) base = uri.endsWith("/") ? uri : uri + "/";
        if (base == null) {
            for (Facts f : teis.values()) {
                String u = f.uri();
                if (u == null) continue;
                int doc = u.lastIndexOf("/doc/");
                base = doc > 0 ? u.substring(0, doc + 1) : origin(u);
                if (base != null) break;
            }
        }
        String host = NO_HOST;
        if (base != null) {
            try {
                String h = URI.create(base).getHost();
                if (h != null && HOST.matcher(h).matches()) host = h.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                base = null;
            }
        }
        if (emails.isEmpty()) emails.add("webmaster@" + host);
        return new Info(name, host, base, List.copyOf(emails));
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>\"]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    private static void addEmail(List<String> emails, String s) {
        String e = s.startsWith("mailto:") ? s.substring(7) : s;
        if (EMAIL.matcher(e).matches() && !emails.contains(e)) emails.add(e);
    }

    private static String uriOf(Element publicationStmt) {
        for (Element idno : Dom.children(publicationStmt, "idno")) {
            if (!"URI".equals(idno.getAttribute("type"))) continue;
            String u = text(idno);
            if (u.startsWith("http://") || u.startsWith("https://")) return u;
        }
        return null;
    }

    private static String origin(String u) {
        try {
            URI x = URI.create(u);
            return x.getScheme() == null || x.getHost() == null ? null : x.getScheme() + "://" + x.getRawAuthority() + "/";
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String editionRecordTitle(Path out) {
        Path dc = out.resolve("records").resolve(EDITION_ID).resolve(OaiFormat.OAI_DC.folder + ".xml");
        if (!Files.isRegularFile(dc)) return null;
        try {
            var n = Xml.parse(dc).getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title");
            return n.getLength() == 0 ? null : text((Element) n.item(0));
        } catch (IOException | SAXException e) {
            return null;
        }
    }

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    private static String frontPageTitle(Path out) {
        Path index = out.resolve("index.html");
        if (!Files.isRegularFile(index)) return null;
        try {
            byte[] b = Files.readAllBytes(index);
            Matcher m = TITLE.matcher(new String(b, 0, Math.min(b.length, 65536), StandardCharsets.UTF_8));
            // The site titles its pages "PAGE · EDITION"; the front page has no PAGE part.
            return m.find() ? unescape(m.group(1)).strip().replaceAll("\\s+", " ").replaceFirst("^[·・]\\s*", "") : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static String text(Element e) {
        return e.getTextContent().strip().replaceAll("\\s+", " ");
    }

    // ---- datestamps and genres from a TEI header

    /** The latest date of the header's revision changes and publication statement; null if none. */
    static LocalDate datestamp(Element header) {
        LocalDate best = null;
        List<String> whens = new ArrayList<>();
        for (Element rd : Dom.descendants(header, "revisionDesc")) {
            for (Element c : Dom.descendants(rd, "change")) whens.add(c.getAttribute("when"));
        }
        for (Element pub : Dom.descendants(header, "publicationStmt")) {
            for (Element d : Dom.children(pub, "date")) whens.add(d.getAttribute("when"));
            break;
        }
        for (String w : whens) {
            LocalDate d = day(w);
            if (d != null && (best == null || d.isAfter(best))) best = d;
        }
        return best;
    }

    private static LocalDate day(String when) {
        if (when == null || when.length() < 10) return null;
        try {
            return LocalDate.parse(when.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final Pattern OWN_CATEGORY = Pattern.compile("^.*-jk-(.+)$");
    private static final Pattern SPEC_CHARS = Pattern.compile("[^A-Za-z0-9\\-_.!~*'()]+");

    /** The genre the header's first {@code catRef} points at, if it points at a category in the header. */
    static Optional<Genre> genre(Element header) {
        for (Element ref : Dom.descendants(header, "catRef")) {
            String target = ref.getAttribute("target").strip();
            if (target.isEmpty()) continue;
            String id = target.split("\\s+")[0];
            if (id.startsWith("#")) id = id.substring(1);
            if (id.isEmpty()) continue;
            Element category = null;
            for (Element c : Dom.descendants(header, "category")) {
                if (id.equals(Dom.xmlId(c))) {
                    category = c;
                    break;
                }
            }
            String key = id;
            if (category != null && category.getParentNode() instanceof Element tax && "taxonomy".equals(tax.getLocalName())) {
                String taxId = Dom.xmlId(tax);
                String stem = taxId.endsWith("doctype") ? taxId.substring(0, taxId.length() - "doctype".length()) : null;
                if (stem != null && !stem.isEmpty() && id.startsWith(stem) && id.length() > stem.length()) key = id.substring(stem.length());
                else {
                    Matcher m = OWN_CATEGORY.matcher(id);
                    if (m.matches()) key = m.group(1);
                }
            } else {
                Matcher m = OWN_CATEGORY.matcher(id);
                if (m.matches()) key = m.group(1);
            }
            key = SPEC_CHARS.matcher(key).replaceAll("-").replaceAll("^-+|-+$", "");
            if (key.isEmpty()) continue;
            String en = null;
            if (category != null) {
                en = Dom.child(category, "catDesc").map(OaiCatalog::text).orElse(null);
                if (en != null) {
                    int colon = en.indexOf(':');
                    if (colon > 0) en = en.substring(0, colon).strip();
                    if (en.isEmpty()) en = null;
                }
            }
            if (en == null) en = key;
            String zh = GENRES_ZH.getOrDefault(key, en);
            return Optional.of(new Genre("genre:" + key, zh, en));
        }
        return Optional.empty();
    }
}
