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

    public Conversion(Toolkit toolkit, Edition edition) {
        this.toolkit = toolkit;
        this.edition = edition;
    }

    /**
     * Converts {@code inputs} into {@code outDir}. With {@code keepSources}, each raw input is also
     * copied byte for byte into {@code outDir/sources/}, so the edition keeps its sources beside it.
     */
    public Result run(List<Path> inputs, Path outDir, Charset forced, boolean keepSources, Listener listener) throws IOException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new IOException(outDir + ": output folder is a file");
        Files.createDirectories(outDir);
        convertedCount.set(0);
        cache = cacheDir == null ? null
                : new BuildCache(cacheDir, "forced " + (forced == null ? "" : forced.name()) + "\n", codeIdentity);
        Path regFile = TeiFiles.inside(outDir, Toolkit.REGISTER_FILE);
        Document existing = null;
        if (Files.exists(regFile)) {
            try {
                existing = Xml.parse(regFile);
            } catch (SAXException e) {
                throw new IOException(regFile + ": not well-formed XML: " + e.getMessage());
            }
        }
        List<String> failures = new ArrayList<>();
        List<Path> converted = new ArrayList<>();
        List<EditionDocument> docs = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        int threads = Ordered.threads();
        names = DocumentNames.assign(inputs, edition);
        // Reading and converting run on every core; the checks that depend on the inputs before it
        // (a TEI file name taken already), the messages and the list of documents follow the inputs' order.
        Ordered.map(inputs, threads, input -> read(input, forced), r -> {
            Path input = r.input();
            r.notices().forEach(n -> listener.noticed(input, n));
            if (r.failure() != null) {
                fail(input, r.failure(), failures, listener);
                return;
            }
            String id = r.doc().id();
            // Ignoring case: on case-insensitive file systems Registers.xml is the same file.
            if ((id + ".xml").equalsIgnoreCase(Toolkit.REGISTER_FILE)) {
                fail(input, "its TEI file " + id + ".xml would overwrite the folder's registers; rename it",
                        failures, listener);
                return;
            }
            Path clash = ids.putIfAbsent(id, input);
            if (clash != null) {
                fail(input, "its TEI file " + id + ".xml would overwrite the one made from " + clash
                        + "; rename one of them", failures, listener);
                return;
            }
            r.warnings().forEach(w -> listener.warned(input, w));
            docs.add(r.doc());
            converted.add(input);
        });

        // The dictionary is a reduction over every document's names; applying it is per document again.
        NamePropagation dictionary = new NamePropagation();
        dictionary.addConfirmed(existing);
        dictionary.addRecognised(docs);

        TeiWriter writer = toolkit.writer(edition);
        Registers registers = wholeEdition ? new Registers().wholeEdition() : new Registers();
        List<TeiFiles.Outcome> outcomes = new ArrayList<>();
        List<Integer> order = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) order.add(i);
        Ordered.map(order, threads, i -> write(docs.get(i), converted.get(i), name(converted.get(i)).sourceName(), i, dictionary,
                writer, outDir, keepSources), w -> {
            Path input = converted.get(w.index());
            docs.set(w.index(), null); // written: its model is not needed any more
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
                registers.add(w.tei(), o.file().getFileName().toString(), w.codes());
                // The TEI's bytes were for the checks above; a run over many documents keeps only where they went.
                outcomes.add(new TeiFiles.Outcome(o.file(), o.written(), o.keptUnits(), new byte[0]));
                listener.converted(w.index() + 1, docs.size(), input, o);
            } catch (IOException e) {
                fail(input, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), failures, listener);
            } catch (RuntimeException | StackOverflowError e) {
                fail(input, unexpected(e), failures, listener);
            }
        });
        TeiFiles.writeIfChanged(regFile, XmlWriter.bytes(registers.write(existing, edition.title())));
        if (cache != null) cache.prune();
        return new Result(outcomes, failures, regFile);
    }

    /** One input read and converted, or why not. */
    private record Read(Path input, EditionDocument doc, List<String> warnings, List<String> notices, String failure) {
        Read(Path input, EditionDocument doc, List<String> warnings, String failure) {
            this(input, doc, warnings, List.of(), failure);
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
        if (refusal != null) return new Read(input, null, List.of(), refusal);
        try {
            String key = null;
            if (cache != null) {
                // The document's id comes from the edition's metadata and the file name; it is part of the key.
                key = cache.key(input, name(input).id()).orElse(null);
                java.util.Optional<BuildCache.Recognised> hit = key == null ? java.util.Optional.empty() : cache.find(input, key);
                if (hit.isPresent()) {
                    EditionDocument doc = hit.get().doc();
                    return new Read(input, doc, new ArrayList<>(hit.get().warnings()), damageNotices(doc.source()), null);
                }
            } else {
                convertedCount.incrementAndGet();
            }
            SourceDocument src = Readers.read(input, forced);
            DocumentNames.Name name = name(input);
            if (name.suffixed()) {
                // Another input has this file name: the header records the folders that tell them apart.
                src = new SourceDocument(name.sourceName(), src.size(), src.sha256(), src.mediaType(), src.encoding(),
                        src.encodingEvidence(), src.lines(), src.properties());
            }
            List<String> notices = damageNotices(src);
            String id = name.id();
            List<String> warnings = new ArrayList<>();
            // Names of a file that would clash are refused afterwards, in the inputs' order; converting it costs only time.
            if ((id + ".xml").equalsIgnoreCase(Toolkit.REGISTER_FILE)) return new Read(input, new EditionDocument(id, src, null, List.of()), warnings, notices, null);
            EditionDocument doc = toolkit.converter().convert(src, id, warnings::add);
            if (key != null) cache.store(input, new BuildCache.Recognised(key, doc, List.copyOf(warnings)));
            return new Read(input, doc, warnings, notices, null);
        } catch (ReadException e) {
            return new Read(input, null, List.of(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new Read(input, null, List.of(), unexpected(e));
        }
    }

    /** One document written and checked: what the reduction after it needs (its TEI tree for the registers), or why not. */
    private record Written(int index, TeiFiles.Outcome outcome, List<String> invalid, Document tei,
                           Map<String, String> codes, String failure) {}

    private static Written write(EditionDocument recognised, Path input, String sourceName, int index, NamePropagation dictionary, TeiWriter writer,
                                 Path outDir, boolean keepSources) {
        try {
            EditionDocument doc = dictionary.apply(recognised);
            String name = doc.id() + ".xml";
            TeiFiles.Outcome o = TeiFiles.write(TeiFiles.inside(outDir, name), date -> writer.write(doc, date));
            List<String> invalid = Schemas.jiaokanForThisThread().validate(o.bytes(), o.file().toUri().toString());
            Document tei = Xml.parse(o.bytes());
            if (keepSources) {
                Path copy = TeiFiles.inside(outDir.resolve("sources"), sourceName);
                Files.createDirectories(copy.getParent());
                TeiFiles.writeIfChanged(copy, Files.readAllBytes(input));
            }
            return new Written(index, o, invalid, tei, Registers.codes(doc), null);
        } catch (IOException | SAXException e) {
            return new Written(index, null, null, null, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new Written(index, null, null, null, null, unexpected(e));
        }
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

    /** The ids and kept sources' names of this run's inputs (see {@link DocumentNames}). */
    private Map<Path, DocumentNames.Name> names = Map.of();

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
        if (e instanceof StackOverflowError) return "internal error: structure nested too deeply to process";
        return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void fail(Path input, String reason, List<String> failures, Listener listener) {
        // One line per failure, whatever a library put in its message.
        reason = reason.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("failed");
        failures.add(input + ": " + reason);
        listener.failed(input, reason);
    }
}
