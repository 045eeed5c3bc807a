package org.jiaokan.edition;

import org.jiaokan.model.Edition;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.ReadException;
import org.jiaokan.read.Readers;
import org.jiaokan.tei.Registers;
import org.jiaokan.tei.TeiWriter;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts source files into TEI files in one folder, with the folder's registers. Each bad input
 * is reported and skipped; the others are still converted.
 */
public final class Conversion {
    /** Receives progress and problems as they happen. */
    public interface Listener {
        void converted(int done, int total, Path input, TeiFiles.Outcome outcome);

        void failed(Path input, String reason);

        /** Something the converted document lacks; the conversion still succeeded. */
        default void warned(Path input, String message) {}

        /** Something worth knowing about a file written (an editor's addition kept); not a problem. */
        default void noticed(Path file, String message) {}
    }

    /** What a run produced. */
    public record Result(List<TeiFiles.Outcome> outcomes, List<String> failures, Path registers) {
        public boolean ok() { return failures.isEmpty(); }
    }

    private final Toolkit toolkit;
    private final Edition edition;
    /** The edition as the second-level cache's keys name it, made once rather than per document. */
    private final String editionId;

    public Conversion(Toolkit toolkit, Edition edition) {
        this.toolkit = toolkit;
        this.edition = edition;
        this.editionId = String.valueOf(edition);
    }

    /**
     * Converts {@code inputs} into {@code outDir}. With {@code keepSources}, each raw input is also
     * copied byte for byte into {@code outDir/sources/}, so the edition keeps its sources beside it.
     */
    public Result run(List<Path> inputs, Path outDir, Charset forced, boolean keepSources, Listener listener) throws IOException {
        try {
            return runOnce(inputs, outDir, forced, keepSources, listener);
        } finally {
            // the file the run appended documents to, where a failure ended it before the cache's pruning closed it
            if (cache != null) cache.closeStore();
        }
    }

    private Result runOnce(List<Path> inputs, Path outDir, Charset forced, boolean keepSources, Listener listener) throws IOException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new IOException(outDir + ": output folder is a file");
        Files.createDirectories(outDir);
        convertedCount.set(0);
        teiReused.set(0);
        cache = cacheDir == null ? null
                : new BuildCache(cacheDir, "forced " + (forced == null ? "" : forced.name()) + "\n", codeIdentity);
        Path regFile = TeiFiles.inside(outDir, Toolkit.REGISTER_FILE);
        // The register file there: its SHA-256 from the digests' memo, its tree parsed only when it is needed (the
        // registers are made again, or the names an editor confirmed in it are not remembered for this file).
        byte[] existingSha = cache != null && Files.isRegularFile(regFile) ? cache.fileSha(regFile) : null;
        org.jiaokan.io.Lazy<Document> existing = org.jiaokan.io.Lazy.of(() -> {
            if (!Files.exists(regFile)) return null;
            try {
                return Xml.parse(Files.readAllBytes(regFile));
            } catch (SAXException e) {
                throw new IOException(regFile + ": not well-formed XML: " + e.getMessage());
            }
        });
        if (cache == null) existing.get();
        List<String> failures = new ArrayList<>();
        List<Read> accepted = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        int threads = Ordered.threads();
        names = DocumentNames.assign(inputs, edition);
        this.forced = forced;
        // Recognised documents kept in memory between the two passes, in characters of their sources; beyond
        // that a document stored in the cache is read back from it when its TEI has to be written.
        long budget = Long.getLong("jiaokan.recognisedBudget", Runtime.getRuntime().maxMemory() / 256);
        long[] kept = {0};
        // Reading and converting run on every core; the checks that depend on the inputs before it
        // (a TEI file name taken already), the messages and the list of documents follow the inputs' order.
        Ordered.map(inputs, threads, input -> read(input, forced), made -> {
            // A converted source's entry stored here, in the sources' order: the cache's bytes the same from run to run.
            Read r = made.pending() == null ? made : made.placed(cache.place(made.pending()).orElse(null));
            Path input = r.input();
            r.notices().forEach(n -> listener.noticed(input, n));
            if (r.failure() != null) {
                fail(input, r.failure(), failures, listener);
                return;
            }
            String id = r.id();
            // Ignoring case: on case-insensitive file systems Registers.xml is the same file.
            if ((id + ".xml").equalsIgnoreCase(Toolkit.REGISTER_FILE)) {
                fail(input, "its TEI file " + id + ".xml would overwrite the folder's registers; rename it",
                        failures, listener);
                return;
            }
            Path clash = ids.putIfAbsent(id, input);
            if (clash != null) {
                if (sameFile(clash, input)) {
                    // named twice on the command line (or a folder and a file in it): one file, converted once
                    listener.noticed(input, "the same file as " + clash + ", given again; converted once");
                    return;
                }
                fail(input, "its TEI file " + id + ".xml would overwrite the one made from " + clash
                        + "; rename one of them", failures, listener);
                return;
            }
            r.warnings().forEach(w -> listener.warned(input, w));
            Read keep = r;
            if (r.doc() != null && r.summary() != null) {
                long size = r.doc().source().text().length();
                if (kept[0] + size > budget) keep = r.withoutDocument();
                else kept[0] += size;
            }
            accepted.add(keep);
        });

        // The dictionary is a reduction over every document's names; applying it is per document again.
        NamePropagation dictionary = new NamePropagation();
        java.util.Optional<List<NamePropagation.Confirmed>> confirmed = cache == null ? java.util.Optional.empty() : cache.confirmedNames(existingSha);
        if (confirmed.isPresent()) {
            dictionary.addConfirmed(confirmed.get());
        } else {
            List<NamePropagation.Confirmed> names = NamePropagation.confirmed(existing.get());
            dictionary.addConfirmed(names);
            if (cache != null && existingSha != null) cache.storeConfirmedNames(existingSha, names);
        }
        for (Read r : accepted) dictionary.addNames(r.names());
        String dictionaryDigest = cache == null ? "" : dictionary.digest();

        Writers writer = new Writers(toolkit, edition);
        Registers registers = wholeEdition ? new Registers().wholeEdition() : new Registers();
        List<TeiFiles.Outcome> outcomes = new ArrayList<>();
        documentIds.clear();
        // What the registers are made from besides the file before, in the order they are reduced. Made from the
        // file the last run made and the same contributions, the registers are that file again (the mentions are
        // refreshed, the rest kept): it is then neither made nor written again.
        java.security.MessageDigest registersInput = CodeIdentity.sha256();
        registersInput.update(("registers\0" + wholeEdition + "\0" + edition + "\0" + edition.title() + "\0").getBytes(StandardCharsets.UTF_8));
        List<Map.Entry<String, RegisterParts>> contributions = new ArrayList<>();
        List<Integer> order = new ArrayList<>(accepted.size());
        for (int i = 0; i < accepted.size(); i++) order.add(i);
        Ordered.map(order, threads, i -> write(accepted.get(i), i, dictionary, dictionaryDigest, writer, outDir, keepSources), w -> {
            Path input = accepted.get(w.index()).input();
            accepted.set(w.index(), null); // written: its model is not needed any more
            if (w.failure() != null) {
                fail(input, w.failure(), failures, listener);
                return;
            }
            TeiFiles.Outcome o = w.outcome();
            try {
                List<String> invalid = w.invalid();
                if (!invalid.isEmpty() && o.keptUnits().isEmpty()) {
                    fail(input, "the TEI written to " + o.file() + " is not valid against jiaokan.rng: " + invalid.get(0),
                            failures, listener);
                } else if (!invalid.isEmpty()) {
                    checkEditorsAdditions(input, o, invalid, failures, listener);
                }
                String fileName = o.file().getFileName().toString();
                // reduced into the registers below, only if they are made again
                contributions.add(Map.entry(fileName, w.registers()));
                // the document's file name and its contributions as the cache holds them (length-prefixed, so no two
                // documents' parts read alike)
                registersInput.update(w.registersInput());
                registersInput.update(w.registers().bytes());
                documentIds.put(fileName, w.ids());
                // The TEI's bytes were for the checks above; a run over many documents keeps only where they went.
                outcomes.add(new TeiFiles.Outcome(o.file(), o.written(), o.keptUnits(), new byte[0]));
                listener.converted(w.index() + 1, order.size(), input, o);
            } catch (IOException e) {
                fail(input, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), failures, listener);
            } catch (RuntimeException | StackOverflowError e) {
                fail(input, unexpected(e), failures, listener);
            }
        });
        String registersKey = BuildCache.hex(registersInput.digest());
        if (cache == null || !cache.sameRegisters(registersKey, existingSha)) {
            String twice = existing.get() == null ? null : Registers.repeatedEntryId(existing.get());
            if (twice != null) {
                // Merged, the later entry would replace the earlier: the file is named and left as it is.
                fail(regFile, "the xml:id \"" + twice + "\" is on two register entries, so one would replace the other;"
                        + " the file is left as it is (make the ids unique)", failures, listener);
            } else {
                for (var c : contributions) registers.add(c.getKey(), c.getValue().list());
                byte[] made = XmlWriter.bytes(registers.write(existing.get(), edition.title()));
                TeiFiles.writeIfChanged(regFile, made);
                if (cache != null) cache.storeRegisters(registersKey, made);
            }
        }
        if (cache != null) {
            cache.prune();
            cache.saveDigests();
        }
        return new Result(outcomes, failures, regFile);
    }

    /** The forced encoding of the current run (for a source converted again in the second pass). */
    private Charset forced;

    /** The {@code xml:id}s of each TEI file of the last run, by file name, in document order, one per line. */
    private final Map<String, String> documentIds = new HashMap<>();

    /** The {@code xml:id}s of each TEI file the last run wrote or kept, by file name: in document order, one per line. */
    public Map<String, String> documentIds() {
        return java.util.Collections.unmodifiableMap(documentIds);
    }

    /** The TEI writer, made on first use: a build whose documents all come from its cache needs none. */
    private static final class Writers {
        private final Toolkit toolkit;
        private final Edition edition;
        private volatile TeiWriter writer;

        Writers(Toolkit toolkit, Edition edition) {
            this.toolkit = toolkit;
            this.edition = edition;
        }

        TeiWriter get() {
            TeiWriter w = writer;
            if (w == null) {
                synchronized (this) {
                    if (writer == null) writer = toolkit.writer(edition);
                    w = writer;
                }
            }
            return w;
        }
    }

    /**
     * One input read and converted, or why not: its document id, its cache key and entry summary (when
     * cached), the recognised document (null when it stays in the cache until its TEI is written), the
     * names it gives the dictionary.
     */
    private record Read(Path input, String id, String key, BuildCache.Summary summary, EditionDocument doc,
                        List<NamePropagation.Name> names, List<String> warnings, List<String> notices, String failure,
                        BuildCache.Pending pending) {
        Read(Path input, String id, String key, BuildCache.Summary summary, EditionDocument doc,
             List<NamePropagation.Name> names, List<String> warnings, List<String> notices, String failure) {
            this(input, id, key, summary, doc, names, warnings, notices, failure, null);
        }

        static Read failed(Path input, String failure) {
            return new Read(input, null, null, null, null, List.of(), List.of(), List.of(), failure);
        }

        Read withoutDocument() {
            return new Read(input, id, key, summary, null, names, warnings, notices, failure, pending);
        }

        /** This result with its entry stored ({@code summary}), or not stored (null: no key either). */
        Read placed(BuildCache.Summary summary) {
            return new Read(input, id, summary == null ? null : key, summary, doc, names, warnings, notices, failure, null);
        }
    }

    /** The notice of bytes the source's encoding cannot decode, kept as damage (none when there are none). */
    private static List<String> damageNotices(SourceDocument src) {
        int damaged = Readers.damagedBytes(src.text());
        if (damaged == 0) return List.of();
        return List.of(damaged + " byte" + (damaged == 1 ? "" : "s") + " that " + src.encoding()
                + " cannot decode, kept in the TEI as damage with their raw values (g type=\"damage\")");
    }

    private Read read(Path input, Charset forced) {
        String refusal = refused.get(input);
        if (refusal != null) return Read.failed(input, refusal);
        try {
            String key = null;
            if (cache != null) {
                // The document's id comes from the edition's metadata and the file name; it is part of the key.
                String id = name(input).id();
                key = cache.key(input, id).orElse(null);
                java.util.Optional<BuildCache.Summary> hit = key == null ? java.util.Optional.empty() : cache.find(input, key);
                if (hit.isPresent()) {
                    BuildCache.Summary s = hit.get();
                    return new Read(input, id, key, s, null, s.names(), new ArrayList<>(s.warnings()), s.notices(), null);
                }
            } else {
                convertedCount.incrementAndGet();
            }
            long t = steps.start();
            SourceDocument src = readSource(input);
            t = steps.done(ConversionSteps.Step.READ, t);
            DocumentNames.Name name = name(input);
            List<String> notices = damageNotices(src);
            String id = name.id();
            List<String> warnings = new ArrayList<>();
            // Names of a file that would clash are refused afterwards, in the inputs' order; converting it costs only time.
            if ((id + ".xml").equalsIgnoreCase(Toolkit.REGISTER_FILE)) {
                return new Read(input, id, null, null, new EditionDocument(id, src, null, List.of()), List.of(), warnings, notices, null);
            }
            t = steps.done(ConversionSteps.Step.CONVERT, t);
            EditionDocument doc = toolkit.converter().convert(src, id, warnings::add, steps);
            t = steps.start();
            // the entry's bytes made here, stored in the sources' order (run)
            BuildCache.Pending pending = key == null ? null : cache.prepare(input, key, doc, warnings, notices).orElse(null);
            steps.done(ConversionSteps.Step.CACHE, t);
            return new Read(input, id, pending == null ? null : key, null, doc, NamePropagation.names(doc), warnings, notices, null, pending);
        } catch (ReadException e) {
            return Read.failed(input, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return Read.failed(input, unexpected(e));
        }
    }

    /** One document written and checked: what the reduction after it needs (its registers' part, its ids), or why not. */
    private record Written(int index, TeiFiles.Outcome outcome, List<String> invalid, RegisterParts registers,
                           byte[] registersInput, String ids, String failure) {
        Written(int index, TeiFiles.Outcome outcome, List<String> invalid, RegisterParts registers, String ids) {
            this(index, outcome, invalid, registers, registersInputOf(outcome.file().getFileName().toString()), ids, null);
        }

        static Written failed(int index, String failure) {
            return new Written(index, null, null, null, null, null, failure);
        }
    }

    /**
     * The head of a document's part of what the registers are made from ({@code registersInput} in {@link #run}),
     * its contributions' bytes ({@link RegisterParts}) following it: made on the document's thread.
     */
    private static byte[] registersInputOf(String fileName) {
        byte[] name = fileName.getBytes(StandardCharsets.UTF_8);
        return java.nio.ByteBuffer.allocate(8 + name.length).put("\0doc".getBytes(StandardCharsets.US_ASCII)).putInt(name.length).put(name).array();
    }

    private Written write(Read r, int index, NamePropagation dictionary, String dictionaryDigest, Writers writer,
                          Path outDir, boolean keepSources) {
        try {
            String name = r.id() + ".xml";
            Path file = TeiFiles.inside(outDir, name);
            if (cache != null && r.summary() != null) {
                // The TEI file's digest as the memo knows it (its size and times unchanged), else from its bytes.
                byte[] oldSha = cache.fileSha(file); // null where there is no such file
                java.util.Optional<BuildCache.Written> hit = cache.findWritten(r.input(),
                        BuildCache.writtenKeyOfSha(r.key(), dictionaryDigest, editionId, oldSha));
                byte[] old = hit.isPresent() && !hit.get().invalid().isEmpty() ? Files.readAllBytes(file) : null;
                if (hit.isPresent() && !keepSources && (old == null || java.util.Arrays.equals(oldSha, CodeIdentity.sha256().digest(old)))) {
                    BuildCache.Written w = hit.get();
                    teiReused.incrementAndGet();
                    TeiFiles.Outcome o = new TeiFiles.Outcome(file, false, w.keptUnits(), w.invalid().isEmpty() ? new byte[0] : old);
                    return new Written(index, o, w.invalid(), w.registers(), w.ids());
                }
            }
            EditionDocument recognised = r.doc();
            if (recognised == null && r.summary() != null) recognised = cache.document(r.input(), r.summary()).orElse(null);
            if (recognised == null) {
                // The entry's document could not be read back (cut, spoilt, or not the one its summary names): the
                // source is converted again, and its entry made again.
                cache.demote();
                SourceDocument src = readSource(r.input());
                recognised = toolkit.converter().convert(src, r.id(), warning -> {});
                if (r.key() != null && r.summary() != null) cache.store(r.input(), r.key(), recognised, r.summary().warnings(), r.summary().notices());
            }
            long t = steps.start();
            EditionDocument doc = dictionary.apply(recognised);
            t = steps.done(ConversionSteps.Step.NAMES, t);
            TeiFiles.Made made = TeiFiles.writeTree(file, date -> writer.get().write(doc, date));
            TeiFiles.Outcome o = made.outcome();
            t = steps.done(ConversionSteps.Step.TEI, t);
            // The tree the bytes were written from: the schema check reads it, and the registers and ids are taken from
            // it, as they would be from the bytes parsed again (TeiTreeTest). An invalid tree is checked again from
            // the bytes, which name the lines of the errors.
            Document tei = made.tree();
            List<String> invalid = Schemas.jiaokan().validate(tei, o.bytes(), o.file().toUri().toString());
            t = steps.done(ConversionSteps.Step.CHECK, t);
            if (keepSources) {
                Path copy = TeiFiles.inside(outDir.resolve("sources"), name(r.input()).sourceName());
                Files.createDirectories(copy.getParent());
                TeiFiles.writeIfChanged(copy, Files.readAllBytes(r.input()));
            }
            RegisterParts contributions = RegisterParts.of(Registers.contributions(tei, name, Registers.codes(doc)));
            String xmlIds = xmlIds(tei);
            t = steps.done(ConversionSteps.Step.REGISTERS, t);
            if (cache != null && r.key() != null) {
                cache.storeWritten(r.input(), new BuildCache.Written(BuildCache.writtenKey(r.key(), dictionaryDigest, editionId, o.bytes()),
                        List.copyOf(invalid), List.copyOf(o.keptUnits()), contributions, xmlIds));
            }
            steps.done(ConversionSteps.Step.CACHE, t);
            return new Written(index, o, invalid, contributions, xmlIds);
        } catch (IOException | ReadException e) {
            return Written.failed(index, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (StackOverflowError e) {
            // The file an editor nested by hand, where it is nested that deep (a conversion's own tree never is): it is
            // named, and left as it is.
            Path tei = outDir.resolve(r.id() + ".xml");
            return Written.failed(index, depthOver(tei, 1000)
                    ? "its TEI file " + tei + " has elements nested too deeply to merge with this conversion"
                    + " (thousands of levels); the file is left as it is"
                    : unexpected(e));
        } catch (RuntimeException e) {
            return Written.failed(index, unexpected(e));
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the XML file {@code file} has elements nested more than {@code levels} deep (false where it cannot be read). */
    static boolean depthOver(Path file, int levels) {
        if (!java.nio.file.Files.isRegularFile(file)) return false;
        int[] depth = {0};
        org.xml.sax.helpers.DefaultHandler h = new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, org.xml.sax.Attributes atts) throws org.xml.sax.SAXException {
                if (++depth[0] > levels) throw new org.xml.sax.SAXException("deep");
            }

            @Override
            public void endElement(String uri, String local, String qName) {
                depth[0]--;
            }
        };
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            org.xml.sax.XMLReader x = org.jiaokan.xml.Xml.newSaxReader(true);
            x.setContentHandler(h);
            x.parse(new org.xml.sax.InputSource(in));
            return false;
        } catch (org.xml.sax.SAXException | IOException | RuntimeException ex) {
            return depth[0] > levels;
        }
    }

    /** Every {@code xml:id} of a document, in document order, one per line. */
    static String xmlIds(Document tei) {
        StringBuilder sb = new StringBuilder();
        java.util.ArrayDeque<org.w3c.dom.Node> stack = new java.util.ArrayDeque<>();
        stack.push(tei.getDocumentElement());
        while (!stack.isEmpty()) {
            org.w3c.dom.Node n = stack.pop();
            if (!(n instanceof org.w3c.dom.Element e)) continue;
            String id = e.getAttributeNS(Xml.XML_NS, "id");
            if (!id.isEmpty()) sb.append(id).append('\n');
            for (org.w3c.dom.Node c = e.getLastChild(); c != null; c = c.getPreviousSibling()) stack.push(c);
        }
        return sb.toString();
    }

    /**
     * A document that keeps an editor's work and is not valid against jiaokan.rng, the contract for
     * what the converter writes: the editor added TEI beyond it (a table, a figure, verse). That is
     * checked against the TEI as a whole (tei_all.rng, where it is found); what tei_all accepts is a
     * notice naming the additions, what it refuses is a failure.
     */
    private void checkEditorsAdditions(Path input, TeiFiles.Outcome o, List<String> invalid, List<String> failures,
                                       Listener listener) throws IOException {
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Pattern element = java.util.regex.Pattern.compile("^\\d+:\\d+: (?:element|attribute) \"([^\"]+)\"");
        for (String e : invalid) {
            java.util.regex.Matcher m = element.matcher(e);
            if (m.find()) names.add(m.group(1));
        }
        String what = "an editor's additions that jiaokan.rng does not describe"
                + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")") + " are kept";
        java.util.Optional<org.jiaokan.validate.RelaxNgValidator> all = teiAll();
        if (all.isEmpty()) {
            listener.noticed(o.file(), what + "; " + teiAll + " was not found to check them");
            return;
        }
        List<String> errors = all.get().validate(o.bytes(), o.file().toUri().toString());
        if (errors.isEmpty()) {
            listener.noticed(o.file(), what + "; valid against tei_all.rng");
        } else {
            fail(input, "the TEI in " + o.file() + " (with an editor's changes) is not valid against tei_all.rng: " + errors.get(0),
                    failures, listener);
        }
    }

    /** Reads a source; when another input has its file name, the header records the folders that tell them apart. */
    private SourceDocument readSource(Path input) throws ReadException {
        SourceDocument src = Readers.read(input, forced);
        DocumentNames.Name name = name(input);
        if (!name.suffixed()) return src;
        return new SourceDocument(name.sourceName(), src.size(), src.sha256(), src.mediaType(), src.encoding(),
                src.encodingEvidence(), src.lines(), src.properties());
    }

    /** The ids and kept sources' names of this run's inputs (see {@link DocumentNames}). */
    private Map<Path, DocumentNames.Name> names = Map.of();

    /** The TEI file names ({@code ID.xml}) of the last run's inputs, converted or not: a file among them has its source. */
    public java.util.Set<String> teiFileNames() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (DocumentNames.Name n : names.values()) out.add(n.id() + ".xml");
        return out;
    }

    private DocumentNames.Name name(Path input) {
        DocumentNames.Name n = names.get(input);
        if (n != null) return n;
        String file = input.getFileName() == null ? input.toString() : input.getFileName().toString();
        return new DocumentNames.Name(edition.documentId(file), file);
    }

    /** Inputs refused before reading (symbolic links out of their folder), with their reasons. */
    private Map<Path, String> refused = Map.of();

    /** Refuses these inputs with these reasons, each in its place among the others' lines. */
    public Conversion withRefusals(Map<Path, String> refusals) {
        this.refused = Map.copyOf(refusals);
        return this;
    }

    /** Where tei_all.rng is looked for (see {@link Schemas#TEI_ALL}); editions may name another. */
    private Path teiAll = Schemas.TEI_ALL;
    private java.util.Optional<org.jiaokan.validate.RelaxNgValidator> teiAllValidator;

    /** Checks editors' additions against {@code rng} instead of the default tei_all.rng. */
    private boolean wholeEdition;

    /** The inputs are the whole edition: the registers keep no mentions of other documents (see {@link Registers#wholeEdition()}). */
    public Conversion wholeEdition() {
        this.wholeEdition = true;
        return this;
    }

    /** Where the CPU time of each document's steps is added ({@link ConversionSteps#OFF}: not measured). */
    private ConversionSteps steps = ConversionSteps.OFF;

    /** Adds the CPU time of each document's steps to {@code s} (see {@link ConversionSteps}). */
    public Conversion withSteps(ConversionSteps s) {
        this.steps = s == null ? ConversionSteps.OFF : s;
        return this;
    }

    /** The cache of recognised documents, or null for none. */
    private Path cacheDir;
    private String codeIdentity;
    private BuildCache cache;

    /**
     * Keeps what the recogniser made of each source in {@code dir} (see {@link BuildCache}), so that a
     * later run converts again only the sources whose bytes, name or conversion changed.
     */
    public Conversion withCache(Path dir) {
        return withCache(dir, null);
    }

    /** As {@link #withCache(Path)}, with the code's identity given (null: the running code's). */
    Conversion withCache(Path dir, String codeIdentity) {
        this.cacheDir = dir;
        this.codeIdentity = codeIdentity;
        return this;
    }

    /** Sources of the last run taken from the cache, and sources converted. */
    public record CacheCounts(int fromCache, int converted) {}

    /** How the last run used its cache; without a cache every source read counts as converted. */
    public CacheCounts cacheCounts() {
        return cache == null ? new CacheCounts(0, convertedCount.get()) : new CacheCounts(cache.hits(), cache.misses());
    }

    private final java.util.concurrent.atomic.AtomicInteger convertedCount = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger teiReused = new java.util.concurrent.atomic.AtomicInteger();

    /** TEI files of the last run that the cache's second level showed unchanged: not made, checked or parsed again. */
    public int teiFromCache() {
        return teiReused.get();
    }

    public Conversion withTeiAll(Path rng) {
        if (rng != null) this.teiAll = rng;
        return this;
    }

    private java.util.Optional<org.jiaokan.validate.RelaxNgValidator> teiAll() throws IOException {
        if (teiAllValidator == null) teiAllValidator = Schemas.teiAll(teiAll);
        return teiAllValidator;
    }

    /**
     * The reason for a failure nothing anticipated. It names the kind of failure, since a bare
     * message ("Index 3 out of bounds") says nothing about where it came from.
     */
    private static String unexpected(Throwable e) {
        if (e instanceof StackOverflowError) return "elements nested too deeply to process (thousands of levels)";
        return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void fail(Path input, String reason, List<String> failures, Listener listener) {
        // One line per failure, whatever a library put in its message.
        reason = reason.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("failed");
        failures.add(input + ": " + reason);
        listener.failed(input, reason);
    }
}
