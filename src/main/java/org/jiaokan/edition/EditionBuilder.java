package org.jiaokan.edition;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds an edition folder: {@code edition.xml} (the edition's TEI corpus header), {@code sources/}
 * (raw files, never changed), {@code docs/} (one TEI file per source, and the registers), and
 * {@code schema/}. Every TEI file written is checked against Jiaokan's schema (by the conversion).
 */
public final class EditionBuilder {
    public static final String HEADER = "edition.xml";
    public static final String SOURCES = "sources";
    public static final String DOCS = "docs";
    /** The build's cache of recognised documents, inside the edition folder (see {@link BuildCache}). */
    public static final String CACHE = ".jiaokan/cache";

    /**
     * The result: the conversion's, plus the TEI files in docs/ that no source produced any more
     * (kept, since they may hold an editor's work, but no longer listed in edition.xml), and the entries
     * of sources/ that are not files (folders, broken links), which are skipped.
     */
    public record Result(Conversion.Result conversion, List<Path> orphans, List<Path> skipped, List<String> duplicateIds,
                         Conversion.CacheCounts cache, int teiFromCache) {
        public boolean ok() { return conversion.ok() && duplicateIds.isEmpty(); }
    }

    private final Toolkit toolkit;

    private static List<Path> orphans(Path docs, Conversion.Result r, java.util.Set<String> ofSources) throws IOException {
        java.util.Set<Path> written = new java.util.HashSet<>(r.outcomes().stream().map(o -> o.file().toAbsolutePath().normalize()).toList());
        try (Stream<Path> s = Files.list(docs)) {
            return s.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !p.getFileName().toString().equals(Toolkit.REGISTER_FILE))
                    .filter(p -> !written.contains(p.toAbsolutePath().normalize()))
                    // a source of the run that failed still has its file: not an orphan
                    .filter(p -> !ofSources.contains(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    public EditionBuilder(Toolkit toolkit) {
        this.toolkit = toolkit;
    }

    private boolean cache = true;
    private String codeIdentity;

    /** Whether the build keeps and uses its cache of recognised documents (the default); without, every source is converted. */
    public EditionBuilder withCache(boolean cache) {
        this.cache = cache;
        return this;
    }

    private ConversionSteps steps = ConversionSteps.OFF;

    /** Adds the CPU time of each document's steps of the conversion to {@code s} (for the benchmark). */
    public EditionBuilder withSteps(ConversionSteps s) {
        this.steps = s == null ? ConversionSteps.OFF : s;
        return this;
    }

    /** The code's identity the cache is keyed with (null: the running code's); for tests of the cache. */
    EditionBuilder withCodeIdentity(String codeIdentity) {
        this.codeIdentity = codeIdentity;
        return this;
    }

    public Result build(Path editionDir, Conversion.Listener listener) throws IOException, EditionHeader.EditionException {
        Path headerFile = editionDir.resolve(HEADER);
        if (!Files.isRegularFile(headerFile)) {
            throw new EditionHeader.EditionException(editionDir + ": not an edition folder (no " + HEADER + ")");
        }
        EditionHeader header = EditionHeader.read(headerFile);
        Path sources = editionDir.resolve(SOURCES);
        if (!Files.isDirectory(sources)) throw new EditionHeader.EditionException(editionDir + ": no " + SOURCES + "/ folder");
        List<Path> inputs;
        List<Path> skipped;
        List<Path> links = new ArrayList<>();
        Map<Path, String> special = new java.util.LinkedHashMap<>();
        try (Stream<Path> s = Files.list(sources)) {
            // Hidden files (.DS_Store, .gitkeep) are the system's, not sources.
            List<Path> entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            // One look at each entry (tens of thousands in a large edition), not following a link; a second one at
            // a link, which is a source when it leads to a regular file (refused when that lies outside sources/).
            List<Path> files = new ArrayList<>(entries.size());
            List<Path> others = new ArrayList<>();
            for (Path p : entries) {
                java.nio.file.attribute.BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    others.add(p);
                    continue;
                }
                if (a.isRegularFile()) files.add(p);
                else if (a.isSymbolicLink() && Files.isRegularFile(p)) {
                    files.add(p);
                    links.add(p);
                } else if (a.isDirectory() || a.isSymbolicLink() && Files.isDirectory(p)) {
                    others.add(p); // a folder of attachments: a notice
                } else {
                    // a named pipe, a socket, a device, a link to nothing: one error line, as convert gives it
                    files.add(p);
                    special.put(p, a.isSymbolicLink() ? "cannot read: a link to nothing" : "cannot read: not a regular file");
                }
            }
            inputs = List.copyOf(files);
            skipped = List.copyOf(others);
        }
        Path docs = editionDir.resolve(DOCS);
        Conversion conversion = new Conversion(toolkit, header.edition()).withTeiAll(header.schema().orElse(null))
                .withRefusals(refusals(org.jiaokan.io.InputFiles.linksOutside(sources, links), special))
                .wholeEdition();
        if (cache) conversion.withCache(editionDir.resolve(CACHE), codeIdentity);
        conversion.withSteps(steps);
        Conversion.Result r = conversion.run(inputs, docs, null, false, listener);

        List<String> hrefs = new ArrayList<>();
        for (TeiFiles.Outcome o : r.outcomes()) hrefs.add(DOCS + "/" + o.file().getFileName());
        header.writeDocumentList(hrefs);
        List<String> duplicates = duplicateIds(headerFile, conversion.documentIds());
        if (duplicates == null) duplicates = duplicateIds(headerFile);
        return new Result(r, orphans(docs, r, conversion.teiFileNames()), skipped, duplicates, conversion.cacheCounts(), conversion.teiFromCache());
    }

    /** The sources refused before they are read: links out of sources/, and what is no file to read. */
    private static Map<Path, String> refusals(Map<Path, String> linksOutside, Map<Path, String> special) {
        Map<Path, String> all = new java.util.LinkedHashMap<>(linksOutside);
        special.forEach(all::putIfAbsent);
        return all;
    }

    /**
     * As {@link #duplicateIds(Path)}, with the ids of the documents the build has just written or kept
     * (by file name in docs/, in document order) instead of parsing them again; null when edition.xml
     * includes anything else (then the documents are parsed).
     */
    private static List<String> duplicateIds(Path headerFile, java.util.Map<String, String> known) throws IOException {
        org.w3c.dom.Document doc;
        try {
            doc = org.jiaokan.xml.Xml.parse(headerFile);
        } catch (org.xml.sax.SAXException e) {
            return null;
        }
        Path docs = headerFile.toAbsolutePath().getParent().resolve(DOCS).normalize();
        // Every id once in a set (an edition of 10,000 documents has millions), as a 64-bit hash in a table of
        // primitives: no string is made for an id. Only where a hash comes again are the ids' places gathered, in a
        // second walk, by the ids themselves (so two ids of the same hash are told apart), in the order of their
        // first occurrences.
        LongSet all = new LongSet();
        LongSet again = new LongSet();
        if (!collectIds(doc.getDocumentElement(), headerFile.toString(), known, docs, (s, from, to, where) -> {
            long h = hash(s, from, to);
            if (!all.add(h)) again.add(h);
        })) return null;
        if (again.size() == 0) return List.of();
        java.util.Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
        collectIds(doc.getDocumentElement(), headerFile.toString(), known, docs, (s, from, to, where) -> {
            if (again.contains(hash(s, from, to))) seen.computeIfAbsent(s.substring(from, to), k -> new ArrayList<>()).add(where);
        });
        return org.jiaokan.validate.IdUniqueness.messages(seen);
    }

    /** Where each id occurs: the id ({@code s} from {@code from} to {@code to}), and the file (the header, or the href of the document it is in). */
    private interface IdSink {
        void add(String s, int from, int to, String where);
    }

    /** FNV-1a over the UTF-16 units of {@code s} from {@code from} to {@code to}, mixed (Stafford's variant 13). */
    static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }

    /** A set of longs by open addressing (0 stands for itself in a field of its own). */
    static final class LongSet {
        private long[] keys = new long[1 << 12];
        private int size;
        private boolean zero;

        /** Adds {@code k}; false when it was there. */
        boolean add(long k) {
            if (k == 0) {
                boolean had = zero;
                zero = true;
                return !had;
            }
            if (2 * (size + 1) > keys.length) grow();
            if (!put(keys, k)) return false;
            size++;
            return true;
        }

        boolean contains(long k) {
            if (k == 0) return zero;
            int mask = keys.length - 1;
            for (int i = (int) k & mask; ; i = (i + 1) & mask) {
                if (keys[i] == k) return true;
                if (keys[i] == 0) return false;
            }
        }

        int size() {
            return size + (zero ? 1 : 0);
        }

        private static boolean put(long[] table, long k) {
            int mask = table.length - 1;
            for (int i = (int) k & mask; ; i = (i + 1) & mask) {
                if (table[i] == k) return false;
                if (table[i] == 0) {
                    table[i] = k;
                    return true;
                }
            }
        }

        private void grow() {
            long[] bigger = new long[keys.length * 2];
            for (long k : keys) if (k != 0) put(bigger, k);
            keys = bigger;
        }
    }

    private static boolean collectIds(org.w3c.dom.Element e, String file, java.util.Map<String, String> known, Path docs, IdSink seen) {
        if (org.jiaokan.xml.XIncludes.NS.equals(e.getNamespaceURI()) && "include".equals(e.getLocalName())) {
            String href = e.getAttribute("href");
            String parse = e.getAttribute("parse");
            if (!parse.isEmpty() && !parse.equals("xml")) return false;
            if (!href.startsWith(DOCS + "/") || href.contains(":") || href.contains("\\")) return false;
            String name = href.substring(DOCS.length() + 1);
            String ids = known.get(name);
            if (ids == null || !docs.resolve(name).normalize().getParent().equals(docs)) return false;
            for (int from = 0, to; from < ids.length(); from = to + 1) {
                to = ids.indexOf('\n', from);
                if (to < 0) to = ids.length();
                if (to > from) seen.add(ids, from, to, href);
            }
            return true;
        }
        String id = e.getAttributeNS(org.jiaokan.xml.Xml.XML_NS, "id");
        if (!id.isEmpty()) seen.add(id, 0, id.length(), file);
        for (org.w3c.dom.Node k = e.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k instanceof org.w3c.dom.Element c && !collectIds(c, file, known, docs, seen)) return false;
        }
        return true;
    }

    /** Ids that occur more than once in the edition with its XIncludes expanded (an editor may have added one). */
    private static List<String> duplicateIds(Path headerFile) throws IOException {
        try {
            org.w3c.dom.Document doc = org.jiaokan.xml.Xml.parse(headerFile);
            java.util.Map<org.w3c.dom.Element, String> origins = new java.util.HashMap<>();
            org.jiaokan.xml.XIncludes.expand(doc, headerFile.toAbsolutePath().getParent(), origins);
            return org.jiaokan.validate.IdUniqueness.duplicates(doc.getDocumentElement(), headerFile.toString(), origins);
        } catch (org.xml.sax.SAXException | IOException e) {
            return List.of("ids not checked: " + e.getMessage());
        }
    }
}
