package org.jiaokan.edition;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                         Conversion.CacheCounts cache) {
        public boolean ok() { return conversion.ok() && duplicateIds.isEmpty(); }
    }

    private final Toolkit toolkit;

    private static List<Path> orphans(Path docs, Conversion.Result r) throws IOException {
        List<Path> written = r.outcomes().stream().map(o -> o.file().toAbsolutePath().normalize()).toList();
        try (Stream<Path> s = Files.list(docs)) {
            return s.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !p.getFileName().toString().equals(Toolkit.REGISTER_FILE))
                    .filter(p -> !written.contains(p.toAbsolutePath().normalize()))
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
        try (Stream<Path> s = Files.list(sources)) {
            // Hidden files (.DS_Store, .gitkeep) are the system's, not sources.
            List<Path> entries = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            inputs = entries.stream().filter(Files::isRegularFile).toList();
            skipped = entries.stream().filter(p -> !Files.isRegularFile(p)).toList();
        }
        Path docs = editionDir.resolve(DOCS);
        Conversion conversion = new Conversion(toolkit, header.edition()).withTeiAll(header.schema().orElse(null))
                .withRefusals(org.jiaokan.io.InputFiles.linksOutside(sources, inputs))
                .wholeEdition();
        if (cache) conversion.withCache(editionDir.resolve(CACHE), codeIdentity);
        Conversion.Result r = conversion.run(inputs, docs, null, false, listener);

        List<String> hrefs = new ArrayList<>();
        for (TeiFiles.Outcome o : r.outcomes()) hrefs.add(DOCS + "/" + o.file().getFileName());
        header.writeDocumentList(hrefs);
        return new Result(r, orphans(docs, r), skipped, duplicateIds(headerFile), conversion.cacheCounts());
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
