package org.jiaokan.publish;

import net.sf.saxon.dom.NodeOverNodeInfo;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmMap;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.jiaokan.edition.Ordered;
import org.jiaokan.edition.TeiFiles;
import org.jiaokan.publish.search.SearchIndexBuilder;
import org.jiaokan.publish.html.EntryPages;
import org.jiaokan.publish.html.Mentions;
import org.jiaokan.publish.html.PageWriter;
import org.jiaokan.publish.html.Stylesheets;
import org.jiaokan.publish.html.TwinPages;
import org.jiaokan.script.ScriptDetector;
import org.w3c.dom.Document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Publishes TEI as a static HTML site: one page per document (and its other-script twin), one per
 * register entry, the index pages, the search page shell and a sitemap. Works on an edition folder
 * ({@code edition.xml}, {@code docs/}, {@code sources/}), on {@code convert}'s output (TEI files
 * and {@code registers.xml}) and on any TEI. Documents are transformed in parallel, each parsed,
 * published and dropped on its own; the edition-level pages are made from small per-document
 * summaries. A file that cannot be published is an error value; the others are still published.
 */
public final class Publisher {
    /**
     * The outputs made beside the site, each from the same inputs: the print edition, the catalogue
     * records. Each is its own class; the site is always made first, so that they may link to it.
     */
    static final List<OutputFormat> OUTPUTS = List.of(new org.jiaokan.publish.pdf.PdfFormat(),
            new org.jiaokan.publish.catalog.CatalogFormat());
    /** Output formats this publisher knows, in the order they are made. */
    public static final List<String> FORMATS = formats();
    /** Theme files copied to {@code assets/} as they are. */
    private static final List<String> ASSETS = List.of("css/jiaokan.css", "js/jiaokan.js", "js/search.js");
    private static final List<String> UI_LANGUAGES = List.of("zh-Hans", "en");

    /** How to publish. */
    public record Options(Path out, Set<String> formats, CitationProvider citations, int threads, boolean incremental) {
        public Options {
            if (threads < 1) threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        }

        /** Without the publish manifest: everything is made, nothing is recorded beside the output. */
        public Options(Path out, Set<String> formats, CitationProvider citations, int threads) {
            this(out, formats, citations, threads, false);
        }

        public static Options defaults(Path out) { return new Options(out, Set.of("html"), null, 0); }
    }

    /** What a run did: pages written, documents published, one error line per file that failed. */
    public record Result(int pages, int documents, List<String> errors, long millis) {
        public boolean ok() { return errors.isEmpty(); }
    }

    private static List<String> formats() {
        List<String> f = new ArrayList<>(List.of("html"));
        OUTPUTS.forEach(o -> f.add(o.name()));
        return List.copyOf(f);
    }

    /**
     * The inputs, sorted into their roles: the edition header ({@code edition.xml}, or null), the
     * registers (or null), the TEI documents in a stable order, the folders of raw sources and an
     * edition's theme folder (or null).
     */
    public record Inputs(Path edition, Path registers, List<Path> documents, List<Path> sourceDirs, Path themeDir,
                         DocumentClaims.LeftOut leftOut) {
        public Inputs(Path edition, Path registers, List<Path> documents, List<Path> sourceDirs, Path themeDir) {
            this(edition, registers, documents, sourceDirs, themeDir, DocumentClaims.LeftOut.NONE);
        }

        /** Whether the edition's theme has stylesheets of its own (which may read anything of the registers). */
        boolean ownStylesheets() {
            return themeDir != null && Files.isDirectory(themeDir.resolve("xslt"));
        }
    }

    private final Options options;
    /** The search indexes written in this run whose old generations are being removed (see {@link #publish}). */
    private final List<SearchIndexBuilder.InOrder> cleanings = new ArrayList<>();
    /** The run's formats, sorted, as the stylesheets' {@code $formats}: the pages link to what is made beside them. */
    private final XdmValue formatsParam;

    public Publisher(Options options) {
        this.options = options;
        this.formatsParam = new XdmValue(options.formats().stream().sorted().map(XdmAtomicValue::new).toList());
    }

    /** Publishes {@code inputs} (TEI files or folders) into the output folder. */
    public Result publish(List<Path> inputs) throws IOException {
        long t0 = System.nanoTime();
        Result r;
        try {
            r = publishAll(inputs);
        } catch (IOException | RuntimeException | Error e) {
            // Stopped by an error: the removal is still waited for; the run's own error is the one reported (the
            // next run removes what is left).
            try {
                awaitCleanings();
            } catch (IOException cleaning) {
                e.addSuppressed(cleaning);
            }
            throw e;
        }
        awaitCleanings();
        return new Result(r.pages(), r.documents(), r.errors(), (System.nanoTime() - t0) / 1_000_000);
    }

    private Result publishAll(List<Path> inputs) throws IOException {
        for (String f : options.formats()) {
            if (!FORMATS.contains(f)) throw new IOException("unknown format " + f + " (known: " + String.join(", ", FORMATS) + ")");
        }
        Inputs in = sort(inputs);
        // compiled while the manifest and the documents' digests are read
        if (options.formats().contains("html")) Stylesheets.compileAhead(new Theme(in.themeDir()));
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        Path out = options.out();
        Files.createDirectories(out);
        int pages = 0, documents = 0;
        // A document over a format's size limit is left out of that format, with one line.
        Map<String, Inputs> byFormat = DocumentLimits.split(in, options.formats(), errors);
        Incremental inc = Incremental.of(options, in);
        if (options.formats().contains("html")) {
            // The print edition's volumes, as PdfFormat divides its own inputs (those within the pdf size limit).
            int pdfVolumes = options.formats().contains("pdf")
                    ? org.jiaokan.publish.pdf.PdfFormat.volumes(byFormat.get("pdf").documents().size()) : 1;
            Result site = publishSite(byFormat.get("html"), inc, pdfVolumes);
            errors.addAll(site.errors());
            pages = site.pages();
            documents = site.documents();
        }
        for (OutputFormat o : OUTPUTS) {
            if (!options.formats().contains(o.name())) continue;
            String key = inc == null ? null : inc.formatKey(o.name());
            java.util.Optional<PublishManifest.Entry> same = key == null ? java.util.Optional.empty()
                    : inc.manifest().find("format " + o.name(), key);
            if (same.isPresent()) {
                documents = Math.max(documents, Integer.parseInt(new String(same.get().payload(), StandardCharsets.UTF_8)));
                continue;
            }
            if (key != null) inc.manifest().clear("format " + o.name());
            // The other formats may walk the output folder: the search index's old generation is gone before they run.
            awaitCleanings();
            Map<String, String> before = key == null ? null : PublishManifest.snapshot(out);
            OutputFormat.Result r = o.publish(byFormat.get(o.name()), out, options.formats(), options.threads());
            errors.addAll(r.errors());
            documents = Math.max(documents, r.documents());
            if (key != null && r.errors().isEmpty()) {
                inc.manifest().put("format " + o.name(), key, Integer.toString(r.documents()).getBytes(StandardCharsets.UTF_8),
                        PublishManifest.changed(before, PublishManifest.snapshot(out)));
            }
        }
        if (inc != null) {
            // Files of pages made again that are no longer made, and of documents no longer published, go
            // (a format made again has had its earlier files removed first).
            Set<String> current = new java.util.HashSet<>();
            for (Path d : in.documents()) current.add("doc " + inc.name(d));
            inc.manifest().prune(name -> name.startsWith("doc ") || name.equals("site") || name.equals("search"),
                    name -> name.startsWith("doc ") && !current.contains(name));
            // The manifest (tens of megabytes at 10,000 documents) is written on a thread of its own beside the rest.
            java.util.concurrent.FutureTask<Void> saving = background("jiaokan-manifest", () -> {
                inc.manifest().save();
                return null;
            });
            try {
                inc.digests().save();
                // What is kept beside the manifest per document, of documents no longer among the inputs, goes.
                List<String> names = new ArrayList<>();
                for (Path d : in.documents()) names.add(inc.name(d));
                if (inc.search() != null) inc.search().prune(names);
                if (inc.summaries() != null) inc.summaries().prune(names);
            } finally {
                await(saving);
            }
        }
        // One line per input file: the first output's reason (the site's, as the site is made first);
        // a file every output failed on is not reported once per output.
        List<String> inputNames = new ArrayList<>();
        in.documents().forEach(d -> inputNames.add(d.toString()));
        if (in.edition() != null) inputNames.add(in.edition().toString());
        if (in.registers() != null) inputNames.add(in.registers().toString());
        Set<String> reported = new java.util.HashSet<>();
        Set<String> kept = new java.util.TreeSet<>();
        for (String e : errors) {
            String file = inputNames.stream().filter(n -> e.startsWith(n + ": ")).findFirst().orElse(null);
            // a clash of identifiers is said beside a size limit's line, which names only the formats over it
            if (file == null || reported.add(file) || e.startsWith(file + ": another document has the identifier ")) kept.add(e);
        }
        List<String> sorted = new ArrayList<>(kept);
        return new Result(pages, documents, sorted, 0);
    }

    /** Runs {@code work} on a daemon thread of this name; {@link #await} takes its result. */
    private static <T> java.util.concurrent.FutureTask<T> background(String name, java.util.concurrent.Callable<T> work) {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The result of work started by {@link #background}; what it threw is thrown here. */
    private static <T> T await(java.util.concurrent.FutureTask<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IOException(c);
        }
    }

    /** Waits for the removal of the search indexes' old generations. */
    private void awaitCleanings() throws IOException {
        try {
            for (SearchIndexBuilder.InOrder s : cleanings) s.awaitCleaned();
        } finally {
            cleanings.clear();
        }
    }

    /**
     * What an incremental run needs: the output folder's manifest, the key of the run's shared inputs
     * (theme and code, formats, registers, edition.xml), the TEI files' SHA-256 and the folder the inputs'
     * names in the manifest are relative to; null where publishing is not incremental (not asked for, or a
     * caller's own citation provider, whose identity is unknown).
     */
    private record Incremental(PublishManifest manifest, String run, String shared, Map<Path, String> teiSha, org.jiaokan.io.Lazy<String> sources, Path base,
                               boolean ownStylesheets, SearchCache search, SummaryStore summaries, org.jiaokan.io.FileDigests digests,
                               String registersSha, Map<Path, String> names) {
        static Incremental of(Options options, Inputs in) throws IOException {
            if (options.citations() != null || !options.incremental() || PublishManifest.location(options.out()) == null) return null;
            // The manifest is read on a thread of its own while this one looks at the documents' digests.
            java.util.concurrent.FutureTask<PublishManifest> manifest = background("jiaokan-manifest", () -> PublishManifest.load(options.out()));
            Path base = commonFolder(in);
            List<String> sourceDirs = new ArrayList<>();
            for (Path d : in.sourceDirs()) sourceDirs.add(relative(base, d));
            // What every page is made from but the registers (document and entry pages key the entries they show).
            String shared = PublishManifest.key("run", PublishManifest.themeIdentity(in.themeDir(), options.out()),
                    String.join(",", new java.util.TreeSet<>(options.formats())), configuration(options.formats()),
                    PublishManifest.sha(in.edition()), sourceDirs, in.registers() == null ? "" : relative(base, in.registers()),
                    in.edition() == null ? "" : relative(base, in.edition()));
            // The TEI files' and the registers' digests, remembered beside the manifest with their sizes and times (an unchanged file is not read).
            Path folder = PublishManifest.folder(options.out());
            org.jiaokan.io.FileDigests digests = org.jiaokan.io.FileDigests.load(folder == null ? null : folder.resolve("digests"));
            String registersSha = in.registers() == null || !Files.isRegularFile(in.registers()) ? "none"
                    : digests.hex(in.registers(), relative(base, in.registers()));
            String run = PublishManifest.key("run", shared, registersSha);
            Map<Path, String> names = new java.util.HashMap<>(in.documents().size() * 4 / 3 + 1);
            Map<Path, String> sha = teiShas(in.documents(), base, digests, names);
            // The raw sources' names, sizes and times, read when an output other than the site asks (they may copy or describe them).
            org.jiaokan.io.Lazy<String> sources = org.jiaokan.io.Lazy.of(() -> {
                StringBuilder sb = new StringBuilder();
                for (Path dir : in.sourceDirs()) sb.append(relative(base, dir)).append(PublishManifest.snapshot(dir)).append('\n');
                return sb.toString();
            });
            return new Incremental(await(manifest), run, shared, sha, sources, base, in.ownStylesheets(),
                    SearchCache.of(options.out()), SummaryStore.of(options.out()), digests, registersSha, names);
        }

        /** Per document its name (relative to {@code base}, put in {@code names}) and its SHA-256. */
        private static Map<Path, String> teiShas(List<Path> documents, Path base, org.jiaokan.io.FileDigests digests, Map<Path, String> names) {
            Map<Path, String> sha = new TreeMap<>();
            for (Path d : documents) {
                String name = relative(base, d);
                names.put(d, name);
                sha.put(d, name + " " + digests.hex(d, name));
            }
            return sha;
        }

        private static String configuration(Set<String> formats) throws IOException {
            return Publisher.configuration(formats, System.getProperties(), System.getenv());
        }

        /** The key of what the search index takes of a document. */
        String searchKey(Path doc) {
            return PublishManifest.key("search", shared, teiSha.get(doc));
        }

        /** The key of an output format made from every document. */
        String formatKey(String format) throws IOException {
            return PublishManifest.key("format", format, run, teiSha.values().toString(), sources.get());
        }

        /** The SHA-256 of a raw source (as {@link PublishManifest#sha}: "none" for none), from the digests' memo where it is unchanged. */
        String rawSha(Path raw) {
            // The memo looks at the file once: "none" for what is not a regular file.
            return raw == null ? "none" : digests.hex(raw, relative(base, raw));
        }

        /** A document's name in the manifest: its path relative to the inputs' common folder. */
        String name(Path doc) {
            String name = names.get(doc);
            return name != null ? name : relative(base, doc);
        }

        /** The folder every input is in (the edition folder, or the folder of convert's output). */
        private static Path commonFolder(Inputs in) {
            // The documents, the edition header and the registers are files (sort found them so); the source
            // folders and the theme, folders. Of the documents only each folder is looked at once.
            Set<Path> dirs = new java.util.LinkedHashSet<>();
            for (Path d : in.documents()) dirs.add(d.toAbsolutePath().normalize().getParent());
            if (in.edition() != null) dirs.add(in.edition().toAbsolutePath().normalize().getParent());
            if (in.registers() != null) dirs.add(in.registers().toAbsolutePath().normalize().getParent());
            for (Path d : in.sourceDirs()) dirs.add(d.toAbsolutePath().normalize());
            if (in.themeDir() != null) dirs.add(in.themeDir().toAbsolutePath().normalize());
            Path common = null;
            for (Path dir : dirs) {
                if (dir == null) continue;
                if (common == null) common = dir;
                while (common != null && !dir.startsWith(common)) common = common.getParent();
            }
            return common == null ? Path.of("").toAbsolutePath() : common;
        }

        private static String relative(Path base, Path p) {
            return base.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
        }
    }

    /** The HTML site: pages, assets, search index; {@code pdfVolumes}: the print edition's volumes the pages link to (1: pdf/edition.pdf). */
    /**
     * The settings an output may read besides its inputs: Jiaokan's system properties and environment variables
     * and, for the print edition, the fonts where the launcher keeps them or {@code JIAOKAN_FONTS} names. Left out,
     * as they never change a byte: the number of threads, {@code jiaokan.rehash} and the JVM's options
     * ({@code JIAOKAN_JAVA_OPTS}: another heap size must not make every page again).
     */
    static String configuration(Set<String> formats, Map<?, ?> properties, Map<String, String> env) throws IOException {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(properties).forEach((k, v) -> {
            if (k.toString().startsWith("jiaokan.") && !k.equals("jiaokan.threads") && !k.equals("jiaokan.rehash")) {
                sb.append(k).append('=').append(v).append('\n');
            }
        });
        new TreeMap<>(env).forEach((k, v) -> {
            if ((k.startsWith("JIAOKAN_") && !k.equals("JIAOKAN_JAVA_OPTS")) || k.equals("XDG_CACHE_HOME")) {
                sb.append(k).append('=').append(v).append('\n');
            }
        });
        if (formats.contains("pdf")) {
            for (Path root : org.jiaokan.publish.fonts.CjkFonts.roots()) {
                if (root.getParent() != null && Files.isDirectory(root)) sb.append(root).append(PublishManifest.snapshot(root)).append('\n');
            }
        }
        return PublishManifest.key(sb.toString());
    }

    private Result publishSite(Inputs in, Incremental inc, int pdfVolumes) throws IOException {
        Theme theme = new Theme(in.themeDir());
        Stylesheets xsl;
        try {
            xsl = Stylesheets.of(theme);
        } catch (SaxonApiException e) {
            throw new IOException("the site theme does not compile: " + e.getMessage(), e);
        }
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        Path out = options.out();
        Files.createDirectories(out);

        // Incremental, with the bundled stylesheets, a document's pages read the entries it names from those remembered
        // beside the manifest, and the registers are parsed whole only when something else needs them.
        Path folder = PublishManifest.folder(out);
        // The memos of the registers are of these registers, made by this code and theme.
        String registersMemoKey = inc == null ? null : inc.registersSha() + " " + inc.shared();
        Path registerEntries = folder == null ? null : folder.resolve("register-entries");
        // With the bundled stylesheets, a document's pages get the entries it names: remembered beside the manifest,
        // or without the manifest taken from the whole tree once for the run.
        boolean entryByEntry = !in.ownStylesheets();
        RegisterTrees registers = new RegisterTrees(in.registers(), xsl, errors,
                inc != null && entryByEntry ? registerEntries : null, registersMemoKey, inc == null && entryByEntry);
        if (inc == null) {
            // Parsed at once on a thread of its own (tens of megabytes for a large edition): meanwhile this thread reads
            // the edition's other files and the documents' jobs parse their TEI and make their citations; a job waits
            // for the registers only when it asks for its entries (RegisterTrees is synchronized).
            background("jiaokan-registers", registers::whole);
        }
        XdmNode edition = null;
        if (in.edition() != null) {
            try {
                edition = xsl.parse(in.edition());
            } catch (SaxonApiException | IOException e) {
                errors.add(in.edition() + ": " + reason(e));
            }
        }
        Map<String, XdmNode> i18n = new LinkedHashMap<>();
        for (String lang : UI_LANGUAGES) {
            try {
                i18n.put(lang, xsl.parse(theme.bytes("i18n/" + lang + ".xml"), Theme.uri("i18n/" + lang + ".xml").toString()));
            } catch (SaxonApiException e) {
                throw new IOException(theme.origin("i18n/" + lang + ".xml") + ": " + reason(e), e);
            }
        }
        CitationProvider cite = options.citations() != null ? options.citations() : citationsFor(edition);
        Context ctx = new Context(xsl, out, registers, edition, i18n.get("zh-Hans"), uiSpans(xsl, i18n.get("zh-Hans")), pdfVolumes,
                in.sourceDirs(), errors, cite);

        RegisterKeys registerKeys = inc == null ? null
                : RegisterKeys.of(registers::whole, inc.ownStylesheets() ? inc.registersSha() : null,
                        folder == null ? null : folder.resolve("register-keys"), registerEntries, registersMemoKey);
        // The entries as the document pages show them are those of the run before: no page's register key is to be checked.
        boolean sameEntries = false;
        if (registerKeys != null) {
            String entries = registerKeys.digest();
            sameEntries = inc.manifest().find("register entries", entries).isPresent();
            if (!sameEntries) inc.manifest().put("register entries", entries, null, List.of());
        }
        boolean checkEntries = !sameEntries;
        // Of two documents with one identifier the earlier in the inputs is published, whichever job gets there first.
        DocumentClaims ids = new DocumentClaims(in.documents(), in.leftOut());
        Map<Path, XdmNode> summaries = new ConcurrentHashMap<>();
        // Incremental: the SHA-256 of every document's summary (made in this run or kept), the summaries being kept beside the manifest.
        Map<Path, String> summaryShas = new ConcurrentHashMap<>();
        // The full-text index, read from the trees the pages are made from, and added in input order as they come;
        // not made again when the documents it would hold are those of the index there.
        String searchKey = inc == null ? null : searchKey(in, inc);
        boolean sameSearch = searchKey != null && inc.manifest().find("search", searchKey).isPresent();
        // Made again, the index there is updated in place where few documents changed (the manifest keeps its state).
        List<String> searchKeys = null;
        byte[] searchBefore = null;
        if (inc != null && !sameSearch) {
            searchKeys = searchKeys(in, inc);
            searchBefore = inc.manifest().recordedIntact("search").map(PublishManifest.Entry::payload).orElse(null);
        }
        SearchIndexBuilder.InOrder search = sameSearch ? null : SearchIndexBuilder.inOrder(out, searchKeys, searchBefore);
        int pages = new DocumentJobs(ctx, inc, checkEntries, registerKeys, ids, summaries, summaryShas, search)
                .run(in.documents(), options.threads());
        // the registers read on their own thread, and their error line if they could not be, whatever the jobs asked
        if (inc == null) registers.whole();

        // Documents kept from the manifest have their summaries beside it, read only when the edition pages are made.
        Set<Path> publishedDocs = new java.util.HashSet<>(summaries.keySet());
        publishedDocs.addAll(summaryShas.keySet());
        // Updated in place (few documents changed), the search index's new generation is made on a thread of its own
        // while this one makes the edition pages (one core was idle there); built from every document, after them, so
        // that its memory and theirs are not held at once.
        int documents = in.documents().size();
        java.util.concurrent.FutureTask<SearchIndexBuilder.Stats> searched = search != null && search.inPlace()
                ? background("jiaokan-search-index", () -> search.finish(documents)) : null;
        try {
            pages += editionPages(ctx, inc, registers, publishedDocs, summaries, summaryShas, theme, i18n);
        } catch (IOException | RuntimeException | Error e) {
            if (searched != null) {
                try {
                    await(searched);
                    cleanings.add(search);
                } catch (IOException | RuntimeException | Error s) {
                    e.addSuppressed(s);
                }
            }
            throw e;
        }
        // The full-text index of the documents that were published.
        if (search != null) {
            List<String> searchErrors = (searched != null ? await(searched) : search.finish(documents)).errors();
            // The old generation is removed beside the rest of the run, which waits for it before it ends.
            cleanings.add(search);
            errors.addAll(searchErrors);
            if (searchKey != null && searchErrors.isEmpty()) {
                // The index is the whole of search/ (a generation made again with the same name is not written again).
                List<String> written = new ArrayList<>();
                for (String f : search.files()) written.add("search/" + f);
                inc.manifest().put("search", searchKey, search.state(), written);
            }
        }
        return new Result(pages, publishedDocs.size(), new ArrayList<>(errors), 0);
    }

    /**
     * The edition pages (made again, or kept when every summary is as it was) and the theme's assets; returns the
     * pages. {@code summaries}: those made in this run (emptied here); {@code summaryShas}: those of the documents
     * published in an incremental run, made or kept.
     */
    private int editionPages(Context ctx, Incremental inc, RegisterTrees registers, Set<Path> publishedDocs, Map<Path, XdmNode> summaries,
                             Map<Path, String> summaryShas, Theme theme, Map<String, XdmNode> i18n) throws IOException {
        Path out = ctx.out();
        int pages = 0;
        String siteKey = inc == null || summaryShas.size() != publishedDocs.size() ? null : siteKey(inc, summaryShas);
        java.util.Optional<PublishManifest.Entry> sameSite = siteKey == null ? java.util.Optional.empty()
                : inc.manifest().find("site", siteKey);
        List<XdmNode> ordered = sameSite.isEmpty() ? orderedSummaries(ctx, inc, publishedDocs, summaries, summaryShas) : List.of();
        summaries.clear();
        if (sameSite.isPresent()) {
            pages += Integer.parseInt(new String(sameSite.get().payload(), StandardCharsets.UTF_8));
            inc.manifest().carry(name -> name.startsWith("entry "));
        } else {
            pages += listingsAndEntries(ctx, inc, registers, ordered, siteKey);
        }
        for (String a : ASSETS) {
            TeiFiles.atomicWrite(TeiFiles.inside(out, "assets/" + a.substring(a.indexOf('/') + 1)), theme.bytes(a));
        }
        for (Map.Entry<String, XdmNode> e : i18n.entrySet()) {
            TeiFiles.atomicWrite(TeiFiles.inside(out, "assets/i18n-" + e.getKey() + ".js"), i18nScript(e.getKey(), e.getValue()));
        }
        return pages;
    }

    // The parts of publishSite that go over every document are methods of their own: a loop of tens of thousands of
    // turns in a long method has the JIT compile all of that method (on the stack, then again whole), which took
    // seconds of a compiler thread in the round after one change.

    /** The key of the search index: the run's and every document's TEI. */
    private static String searchKey(Inputs in, Incremental inc) {
        List<Object> parts = new ArrayList<>(in.documents().size() + 2);
        parts.add("search");
        parts.add(inc.run());
        // the documents a document over the size limit keeps out
        parts.add(in.leftOut().key());
        for (Path p : in.documents()) parts.add(inc.teiSha().get(p));
        return PublishManifest.key(parts.toArray());
    }

    /** Each document's key in the search index, in the documents' order. */
    private static List<String> searchKeys(Inputs in, Incremental inc) {
        List<String> keys = new ArrayList<>(in.documents().size());
        for (Path p : in.documents()) keys.add(inc.searchKey(p));
        return keys;
    }

    /** The key of the edition pages: the run's and every published document's summary. */
    private static String siteKey(Incremental inc, Map<Path, String> summaryShas) {
        List<Object> parts = new ArrayList<>(summaryShas.size() + 2);
        parts.add("site");
        parts.add(inc.run());
        parts.addAll(new TreeMap<>(summaryShas).values());
        return PublishManifest.key(parts.toArray());
    }

    /**
     * The summaries of the published documents in the documents' order, each in a tree made in that order: XPath
     * orders nodes of different trees by the trees' creation, which the parallel jobs (and summaries read from the
     * manifest) leave to chance. A summary made in this run is copied (the original let go); a kept one is parsed
     * here, in its turn, and not copied (at 10,000 documents the copies took about 0.1 s of the round after one change).
     */
    private List<XdmNode> orderedSummaries(Context ctx, Incremental inc, Set<Path> publishedDocs, Map<Path, XdmNode> summaries,
                                           Map<Path, String> summaryShas) throws IOException {
        List<XdmNode> ordered = new ArrayList<>(publishedDocs.size());
        net.sf.saxon.s9api.DocumentBuilder copier = ctx.xsl().processor().newDocumentBuilder();
        for (Path doc : new java.util.TreeSet<>(publishedDocs)) {
            try {
                XdmNode summary = summaries.remove(doc);
                ordered.add(summary == null ? keptSummary(ctx, inc, doc, summaryShas.get(doc)) : copier.build(summary.asSource()));
            } catch (SaxonApiException e) {
                throw new IOException("the edition pages failed: " + reason(e), e);
            }
        }
        return ordered;
    }

    /** The edition pages (listings, register entries, index, search shell, sitemap) made from the summaries; returns the pages. */
    private int listingsAndEntries(Context ctx, Incremental inc, RegisterTrees registers, List<XdmNode> ordered, String siteKey) throws IOException {
        try {
            // The listings are made again; of the register entries' pages, those whose entry, mentions or
            // mentioning documents changed, or whose file is not as it was written.
            List<RegisterKeys.EntryPage> entryPages = siteKey == null ? null : RegisterKeys.entryPages(registers.whole(), ordered, inc.shared());
            Set<String> only = null;
            List<String> keptFiles = new ArrayList<>();
            if (entryPages != null) {
                only = new java.util.HashSet<>();
                for (RegisterKeys.EntryPage e : entryPages) {
                    if (inc.manifest().find("entry " + e.id(), e.key()).isPresent()) keptFiles.add(e.file());
                    else only.add(e.id());
                }
            }
            List<String> written = new ArrayList<>();
            int n = sitePages(ctx, ordered, written, only);
            if (entryPages != null) {
                for (RegisterKeys.EntryPage e : entryPages) {
                    if (only.contains(e.id())) inc.manifest().put("entry " + e.id(), e.key(), null, List.of(e.file()));
                }
            }
            n += keptFiles.size();
            written.addAll(keptFiles);
            if (siteKey != null) inc.manifest().put("site", siteKey, Integer.toString(n).getBytes(StandardCharsets.UTF_8), written);
            return n;
        } catch (SaxonApiException e) {
            throw new IOException("the edition pages failed: " + reason(e), e);
        }
    }

    /** The documents' jobs of one publication of the site and what they share; each job publishes its document or keeps its pages. */
    private final class DocumentJobs {
        private final Context ctx;
        private final Incremental inc;
        /** Whether a kept document's record is checked against the register keys (false: every entry is as the run before showed it). */
        private final boolean checkEntries;
        private final RegisterKeys registerKeys;
        private final DocumentClaims ids;
        private final Map<Path, XdmNode> summaries;
        private final Map<Path, String> summaryShas;
        private final SearchIndexBuilder.InOrder search;

        DocumentJobs(Context ctx, Incremental inc, boolean checkEntries, RegisterKeys registerKeys, DocumentClaims ids,
                     Map<Path, XdmNode> summaries, Map<Path, String> summaryShas, SearchIndexBuilder.InOrder search) {
            this.ctx = ctx;
            this.inc = inc;
            this.checkEntries = checkEntries;
            this.registerKeys = registerKeys;
            this.ids = ids;
            this.summaries = summaries;
            this.summaryShas = summaryShas;
            this.search = search;
        }

        /** Runs a job per document on {@code threads} threads; returns the pages made or kept. */
        int run(List<Path> documents, int threads) throws IOException {
            List<Callable<Integer>> jobs = new ArrayList<>(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                Path doc = documents.get(i);
                int place = i;
                jobs.add(() -> publishOrKeep(doc, place));
            }
            int pages = 0;
            // a job skipped after another failed passes its place: the jobs at work after it wait for its claim
            for (Integer n : Ordered.all(threads, jobs, ids::pass)) pages += n == null ? 0 : n;
            return pages;
        }

        /** The document at {@code place}: its pages kept (their inputs unchanged) or made; a failure is its error line. */
        private int publishOrKeep(Path doc, int place) {
            SearchIndexBuilder.Read indexed = null;
            try {
                String key = inc == null ? null : PublishManifest.key("doc", inc.shared(), inc.teiSha().get(doc));
                if (key != null) {
                    Integer kept = unchangedDocument(ctx, inc, "doc " + inc.name(doc), doc, place, key, checkEntries ? registerKeys : null, ids, summaryShas);
                    if (kept != null) {
                        if (search != null && summaryShas.containsKey(doc)) {
                            indexed = search.kept(place) ? SearchIndexBuilder.KEPT : indexOnly(ctx, doc, inc);
                        }
                        return kept;
                    }
                }
                DocPages p = publishDocument(ctx, doc, place, ids, inc != null);
                if (p == null) {
                    if (inc != null && ids.heldByLeftOut(place)) dropPages(inc, "doc " + inc.name(doc));
                    return 0;
                }
                summaries.put(doc, p.summary());
                indexed = p.search();
                if (inc != null && indexed != null) inc.search().put(inc.name(doc), inc.searchKey(doc), indexed.doc());
                if (key != null) {
                    byte[] summary = serialise(ctx, p.summary());
                    String summarySha = SummaryStore.sha(summary);
                    if (inc.summaries() != null) inc.summaries().put(inc.name(doc), summarySha, summary);
                    summaryShas.put(doc, summarySha);
                    inc.manifest().put("doc " + inc.name(doc), key,
                            DocRecord.bytes(p.docid(), p.pages(), p.rawName(), inc.rawSha(p.raw()), p.registerIds(),
                                    registerKeys.documentKey(p.registerIds()), summarySha),
                            p.files());
                }
                return p.pages();
            } catch (SaxonApiException | IOException | RuntimeException | InterruptedException e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                ctx.errors().add(doc + ": " + reason(e));
                if (inc != null) inc.manifest().forget("doc " + inc.name(doc));
                if (search != null) search.failed(place);
                return 0;
            } finally {
                // first: the documents after this one wait for its claim
                ids.pass(place);
                if (search != null) search.put(place, indexed);
            }
        }
    }

    /**
     * The registers as the stylesheets read them: the whole tree, parsed on its first use (a parse that fails is one
     * error line, and the pages are made without registers), or, for a document's pages and summary, where the
     * entries are remembered beside the manifest for these registers ({@code entries}, see {@link RegisterKeys#entries}),
     * a tree of the entries the document names only.
     */
    private static final class RegisterTrees {
        private final Path file;
        private final Stylesheets xsl;
        private final List<String> errors;
        private final Path entriesFile;
        private final String sha;
        private XdmNode whole;
        private boolean parsed;
        private final boolean entriesOfWhole;
        private Map<String, String> entries;
        private boolean loaded;

        /**
         * @param entriesFile    the entries remembered beside the manifest (or null)
         * @param entriesOfWhole without such a file, whether the entries are taken from the whole tree (the bundled
         *                       stylesheets, which read of the registers only the entries a document names)
         */
        RegisterTrees(Path file, Stylesheets xsl, List<String> errors, Path entriesFile, String sha, boolean entriesOfWhole) {
            this.file = file;
            this.xsl = xsl;
            this.errors = errors;
            this.entriesFile = entriesFile;
            this.sha = sha;
            this.entriesOfWhole = entriesOfWhole;
        }

        /** The whole registers, or null (none, or not well-formed). */
        synchronized XdmNode whole() {
            if (!parsed && file != null) {
                parsed = true;
                try {
                    whole = xsl.parse(file);
                } catch (SaxonApiException | IOException e) {
                    errors.add(file + ": " + reason(e));
                }
            }
            return whole;
        }

        private synchronized Map<String, String> entries() {
            if (!loaded) {
                loaded = true;
                if (entriesFile != null) entries = RegisterKeys.entries(entriesFile, sha);
                else if (entriesOfWhole && whole() != null) entries = RegisterKeys.entriesOf(whole());
            }
            return entries;
        }

        /**
         * The registers as the pages and summary of a document naming these ids ({@link RegisterKeys#idsOf}) read
         * them: those entries, or the whole (no entries at hand, or no ids given). A document's few entries instead
         * of the whole spare each of its transformations indexing every entry of the edition.
         */
        XdmNode forDocument(Set<String> ids) throws SaxonApiException {
            if (file == null) return null;
            Map<String, String> e = ids == null ? null : entries();
            if (e == null) return whole();
            return RegisterKeys.subsetTree(xsl.processor(), e, ids, file.toAbsolutePath().toUri().toString(), entryTrees);
        }

        /** The entries' trees, each parsed once in the run (see {@link RegisterKeys#subsetTree}). */
        private final Map<String, net.sf.saxon.om.NodeInfo> entryTrees = new ConcurrentHashMap<>();
    }

    private record Context(Stylesheets xsl, Path out, RegisterTrees registers, XdmNode edition, XdmNode ui, XdmMap uiSpans, int pdfVolumes,
                           List<Path> sourceDirs, List<String> errors, CitationProvider citations) {}

    /**
     * The stylesheets' {@code $ui-spans}: each interface string ({@code <s k="key">text</s>}) as the span
     * {@code f:ui} writes, {@code <span data-i18n="key">text</span>}, made once for the run instead of once per use.
     * The first string of a key wins, as {@code f:t} takes it.
     */
    private static XdmMap uiSpans(Stylesheets xsl, XdmNode ui) throws IOException {
        Map<XdmAtomicValue, XdmValue> m = new HashMap<>();
        try {
            net.sf.saxon.s9api.BuildingStreamWriter w = xsl.processor().newDocumentBuilder().newBuildingStreamWriter();
            w.writeStartDocument();
            w.writeStartElement("spans");
            Set<String> keys = new LinkedHashSet<>();
            for (XdmNode s : ui.select(net.sf.saxon.s9api.streams.Steps.descendant()).toList()) {
                if (s.getNodeKind() != XdmNodeKind.ELEMENT || !"s".equals(s.getNodeName().getLocalName())) continue;
                String k = s.getAttributeValue(new QName("k"));
                if (k == null || !keys.add(k)) continue;
                w.writeStartElement("span");
                w.writeAttribute("data-i18n", k);
                w.writeCharacters(s.getStringValue());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            for (XdmNode root : w.getDocumentNode().children()) {
                for (XdmNode span : root.children()) m.put(new XdmAtomicValue(span.getAttributeValue(new QName("data-i18n"))), span);
            }
        } catch (SaxonApiException | javax.xml.stream.XMLStreamException e) {
            throw new IOException("the interface strings: " + reason(e), e);
        }
        return new XdmMap(m);
    }

    /**
     * The edition's citations (GB/T 7714, Chicago, APA with citeproc; BibTeX, RIS, CSL-JSON), made once
     * per run; the edition's title, publisher and base URL come from edition.xml when there is one.
     */
    private static CitationProvider citationsFor(XdmNode edition) {
        org.jiaokan.publish.cite.EditionInfo info = edition == null ? org.jiaokan.publish.cite.EditionInfo.NONE
                : org.jiaokan.publish.cite.EditionInfo.fromCorpus((Document) NodeOverNodeInfo.wrap(edition.getUnderlyingNode()));
        org.jiaokan.publish.cite.Citations citations = org.jiaokan.publish.cite.Citations.forEdition(info);
        return (tei, url) -> {
            Map<String, String> all = new LinkedHashMap<>(citations.citations(tei, url));
            // The page names the CSL-JSON download cslJson.
            String json = all.remove("csl-json");
            if (json != null) all.put("cslJson", json);
            return all;
        };
    }

    private record DocPages(XdmNode summary, int pages, SearchIndexBuilder.Read search, String docid, String rawName, Path raw,
                            List<String> files, Set<String> registerIds) {}

    /**
     * What the manifest keeps of a document's pages: its id, its page count, its raw source's name and SHA-256,
     * the register ids its pages may show and the key of those entries (see {@link RegisterKeys}), its summary's
     * SHA-256 (the summary is kept beside the manifest, see {@link SummaryStore}).
     */
    private record DocRecord(String docid, int pages, String rawName, String rawSha, List<String> registerIds, String registerKey,
                             String summarySha) {
        static byte[] bytes(String docid, int pages, String rawName, String rawSha, Set<String> registerIds, String registerKey,
                            String summarySha) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (java.io.DataOutputStream o = new java.io.DataOutputStream(b)) {
                o.writeUTF(docid);
                o.writeInt(pages);
                o.writeUTF(rawName);
                o.writeUTF(rawSha);
                o.writeInt(registerIds.size());
                for (String id : registerIds) o.writeUTF(id);
                o.writeUTF(registerKey);
                o.writeUTF(summarySha);
            }
            return b.toByteArray();
        }

        static DocRecord of(byte[] bytes) throws IOException {
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes));
            String docid = in.readUTF();
            int pages = in.readInt();
            String rawName = in.readUTF();
            String rawSha = in.readUTF();
            int n = in.readInt();
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) ids.add(in.readUTF());
            String registerKey = in.readUTF();
            String summarySha = in.readUTF();
            if (in.available() != 0) throw new IOException("not a document's record");
            return new DocRecord(docid, pages, rawName, rawSha, ids, registerKey, summarySha);
        }
    }

    /**
     * A document whose TEI and shared inputs are those its pages were made from, and whose raw source is
     * unchanged: its pages stay, and its summary's SHA-256 comes from the manifest (the summary itself is kept
     * beside it). Null when it has to be published.
     */
    private Integer unchangedDocument(Context ctx, Incremental inc, String name, Path doc, int place, String key, RegisterKeys registers,
                                      DocumentClaims ids, Map<Path, String> summaryShas) throws IOException, InterruptedException {
        java.util.Optional<PublishManifest.Entry> e = inc.manifest().find(name, key);
        if (e.isEmpty()) return null;
        DocRecord r;
        try {
            r = DocRecord.of(e.get().payload());
            Path raw = r.rawName().isEmpty() ? null : rawCandidate(ctx.sourceDirs(), r.rawName());
            if (!inc.rawSha(raw).equals(r.rawSha())) return null;
            // The register entries the pages show are as they were (the rest of the registers does not matter to them);
            // null: every entry is as the run before showed it.
            if (registers != null && !registers.documentKey(r.registerIds()).equals(r.registerKey())) return null;
        } catch (IOException | RuntimeException ex) {
            return null; // published again
        }
        // Claimed out of the try above: a document that claimed is not published again (it would claim twice).
        Path earlier = ids.claim(place, r.docid());
        if (earlier != null) {
            ctx.errors().add(DocumentClaims.clash(options.formats(), "html", doc, r.docid(), earlier));
            if (ids.heldByLeftOut(place)) dropPages(inc, name);
            return 0;
        }
        summaryShas.put(doc, r.summarySha()); // the summary is read only if the edition pages are made again
        return r.pages();
    }

    /**
     * The pages an earlier run made of a document now left out because a document over the site's size limit has its
     * identifier: removed (where they are as that run left them), as no other document's pages are written over them.
     */
    private static void dropPages(Incremental inc, String name) {
        inc.manifest().forget(name);
        inc.manifest().clear(name);
    }

    /** A summary as bytes, for the manifest and the edition pages' key. */
    private static byte[] serialise(Context ctx, XdmNode node) throws SaxonApiException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Serializer s = serializer(ctx, bos, true);
        s.setOutputProperty(Serializer.Property.OMIT_XML_DECLARATION, "yes");
        s.serializeNode(node);
        return bos.toByteArray();
    }

    /**
     * What the search index takes of a document whose pages are kept: as the last run kept it, else its TEI read
     * again, for the index only.
     */
    private static SearchIndexBuilder.Read indexOnly(Context ctx, Path doc, Incremental inc) {
        org.jiaokan.publish.search.SearchDocument kept = inc.search() == null ? null : inc.search().find(inc.name(doc), inc.searchKey(doc));
        if (kept != null) return SearchIndexBuilder.of(kept);
        try {
            XdmNode tei = ctx.xsl().parse(Files.readAllBytes(doc), doc.toAbsolutePath().toUri().toString());
            SearchIndexBuilder.Read r = SearchIndexBuilder.extract((Document) NodeOverNodeInfo.wrap(tei.getUnderlyingNode()),
                    doc.getFileName().toString());
            if (r != null && inc.search() != null) inc.search().put(inc.name(doc), inc.searchKey(doc), r.doc());
            return r;
        } catch (Exception e) {
            ctx.errors().add(doc + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return null;
        }
    }


    private DocPages publishDocument(Context ctx, Path file, int place, DocumentClaims ids, boolean incremental)
            throws IOException, SaxonApiException, InterruptedException {
        byte[] bytes = Files.readAllBytes(file);
        XdmNode tei = ctx.xsl().parse(bytes, file.toAbsolutePath().toUri().toString());
        Idnos idnos = Idnos.of(tei);
        String docid = docid(idnos, file);
        Path earlier = ids.claim(place, docid);
        if (earlier != null) {
            ctx.errors().add(DocumentClaims.clash(options.formats(), "html", file, docid, earlier));
            return null;
        }
        String script = scriptOf(tei);
        String fileName = idnos.value("filename");
        Path raw = fileName.isEmpty() ? null : rawSource(ctx.sourceDirs(), fileName);
        String canonical = idnos.canonicalUrl();

        Document dom = (Document) NodeOverNodeInfo.wrap(tei.getUnderlyingNode());
        Map<String, String> cites = ctx.citations().citations(dom, canonical);
        Map<String, XdmValue> params = new HashMap<>();
        params.put("docid", new XdmAtomicValue(docid));
        params.put("doc-script", new XdmAtomicValue(script));
        params.put("raw-source", new XdmAtomicValue(raw == null ? "" : rawSourceHref(fileName)));
        params.put("raw-source-name", new XdmAtomicValue(raw == null ? "" : fileName.substring(fileName.lastIndexOf('/') + 1)));
        params.put("citations", citations(cites));
        // A document over a format's size limit is not in that format: its page does not link to it.
        if (options.formats().stream().anyMatch(f -> bytes.length > DocumentLimits.limit(f))) {
            params.put("formats", new XdmValue(options.formats().stream().sorted()
                    .filter(f -> bytes.length <= DocumentLimits.limit(f)).map(XdmAtomicValue::new).toList()));
        }

        int pages = 0;
        List<String> files = new ArrayList<>();
        // The register ids the pages may show: the entries they are made with, kept in the publish manifest.
        Set<String> shownIds = RegisterKeys.idsOf(tei);
        Set<String> registerIds = incremental ? shownIds : null;
        XdmNode registers = ctx.registers().forDocument(shownIds);
        String other = "zh-Hans".equals(script) ? "zh-Hant" : "zh-Hant".equals(script) ? "zh-Hans" : "";
        if (javaMentions && ctx.xsl().mentionsInJava()) {
            Mentions.Entities entities = Mentions.entities(tei, registers, script, other);
            params.put("entities", entities.ids());
            params.put("entity-forms", entities.forms());
        }
        byte[] page;
        byte[] twin = null;
        if (!other.isEmpty() && onePassTwins && ctx.xsl().documentMakesTwin()) {
            // both pages from one transformation; a theme that marked nothing for the twin gets it made on its own
            ByteArrayOutputStream own = new ByteArrayOutputStream();
            ByteArrayOutputStream converted = new ByteArrayOutputStream();
            TwinPages.Marks written = new TwinPages.Marks();
            TwinPages.Marks marks = written;
            Xslt30Transformer t = prepare(ctx, registers, ctx.xsl().documentPage(), tei, params, "", other);
            if (!pageWriter || !writes(() -> t.applyTemplates(tei, PageWriter.twins(own, converted, written)))) {
                own.reset();
                converted.reset();
                marks = new TwinPages.Marks();
                t.applyTemplates(tei, TwinPages.of(serializer(ctx, own, false), serializer(ctx, converted, false), marks));
            }
            page = own.toByteArray();
            if (marks.any()) {
                twin = converted.toByteArray();
                twinsInOnePass.incrementAndGet();
            }
        } else {
            page = transform(ctx, registers, ctx.xsl().documentPage(), tei, params, "");
        }
        write(ctx, "doc/" + docid + ".html", page);
        files.add("doc/" + docid + ".html");
        pages++;
        if (!other.isEmpty()) {
            if (twin == null) twin = transform(ctx, registers, ctx.xsl().documentPage(), tei, params, other);
            write(ctx, "doc/" + docid + "." + other + ".html", twin);
            files.add("doc/" + docid + "." + other + ".html");
            pages++;
        }
        write(ctx, "doc/" + docid + ".xml", bytes);
        files.add("doc/" + docid + ".xml");
        if (raw != null) {
            String copy = "src/" + publishedRawName(fileName);
            write(ctx, copy, Files.readAllBytes(raw));
            files.add(copy);
        }
        for (Map.Entry<String, String> dl : new TreeMap<>(Map.of("bibtex", ".bib", "ris", ".ris", "cslJson", ".json")).entrySet()) {
            String v = cites.get(dl.getKey());
            if (v != null) {
                write(ctx, "cite/" + docid + dl.getValue(), v.getBytes(StandardCharsets.UTF_8));
                files.add("cite/" + docid + dl.getValue());
            }
        }

        XdmNode summary = summary(ctx, registers, tei, docid, script);
        SearchIndexBuilder.Read search;
        try {
            search = SearchIndexBuilder.extract(dom, file.getFileName().toString());
        } catch (RuntimeException e) {
            // as the index's own reading reports a file it cannot read; the pages stand
            ctx.errors().add(file + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            search = null;
        }
        return new DocPages(summary, pages, search, docid, fileName, raw, files, registerIds);
    }

    /** A document's summary, what the edition pages are made from. */
    private XdmNode summary(Context ctx, XdmNode registers, XdmNode tei, String docid, String script) throws SaxonApiException {
        Xslt30Transformer s = ctx.xsl().summary();
        Map<QName, XdmValue> sp = commonParams(ctx, registers);
        sp.put(new QName("docid"), new XdmAtomicValue(docid));
        sp.put(new QName("doc-script"), new XdmAtomicValue(script));
        XdmNode mentions = javaMentions && ctx.xsl().mentionsInJava() ? Mentions.of(ctx.xsl().processor(), tei, registers) : null;
        if (mentions != null) sp.put(new QName("mentions"), mentions);
        s.setStylesheetParameters(sp);
        s.setGlobalContextItem(tei);
        return (XdmNode) ((net.sf.saxon.s9api.XdmDestination) applyTo(s, tei)).getXdmNode();
    }

    /**
     * The summary of a document whose pages were kept: as kept beside the manifest, or, where it is not there as
     * it was made (removed, spoilt), made again from the TEI.
     */
    private XdmNode keptSummary(Context ctx, Incremental inc, Path doc, String sha) throws SaxonApiException, IOException {
        byte[] kept = inc.summaries() == null ? null : inc.summaries().find(inc.name(doc), sha);
        if (kept != null) return ctx.xsl().parse(kept, doc.toAbsolutePath().toUri().toString());
        XdmNode tei = ctx.xsl().parse(Files.readAllBytes(doc), doc.toAbsolutePath().toUri().toString());
        XdmNode summary = summary(ctx, ctx.registers().forDocument(RegisterKeys.idsOf(tei)), tei, docid(tei, doc), scriptOf(tei));
        byte[] bytes = serialise(ctx, summary);
        if (inc.summaries() != null) inc.summaries().put(inc.name(doc), SummaryStore.sha(bytes), bytes);
        return summary;
    }

    private static net.sf.saxon.s9api.Destination applyTo(Xslt30Transformer t, XdmNode source) throws SaxonApiException {
        net.sf.saxon.s9api.XdmDestination d = new net.sf.saxon.s9api.XdmDestination();
        t.applyTemplates(source, d);
        return d;
    }

    private byte[] transform(Context ctx, XdmNode registers, Xslt30Transformer t, XdmNode tei, Map<String, XdmValue> docParams, String convertTo)
            throws SaxonApiException {
        prepare(ctx, registers, t, tei, docParams, convertTo, null);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        if (!pageWriter || !writes(() -> t.applyTemplates(tei, PageWriter.page(bos)))) {
            bos.reset();
            t.applyTemplates(tei, serializer(ctx, bos, false));
        }
        return bos.toByteArray();
    }

    /** {@code t} with a document page's parameters; {@code twin} is set only for a stylesheet that declares it. */
    private Xslt30Transformer prepare(Context ctx, XdmNode registers, Xslt30Transformer t, XdmNode tei, Map<String, XdmValue> docParams,
            String convertTo, String twin) throws SaxonApiException {
        Map<QName, XdmValue> p = commonParams(ctx, registers);
        docParams.forEach((k, v) -> p.put(new QName(k), v));
        p.put(new QName("convert-to"), new XdmAtomicValue(convertTo));
        if (twin != null) p.put(new QName("twin"), new XdmAtomicValue(twin));
        t.setStylesheetParameters(p);
        t.setGlobalContextItem(tei);
        return t;
    }

    /** A transformation writing through {@link PageWriter}. */
    private interface PageRun {
        void run() throws SaxonApiException;
    }

    /**
     * Runs a transformation writing its page or pages through {@link PageWriter}; false where the writer left the
     * page to Saxon's serializer ({@link PageWriter.Unsuited}), which the caller then runs instead.
     */
    private static boolean writes(PageRun run) throws SaxonApiException {
        try {
            run.run();
            return true;
        } catch (SaxonApiException e) {
            if (PageWriter.unsuited(e)) {
                leftToSaxon.incrementAndGet();
                return false;
            }
            throw e;
        }
    }

    /** The parameters of every transformation: the registers as this one reads them, the edition, the interface strings, the formats. */
    private Map<QName, XdmValue> commonParams(Context ctx, XdmNode registers) {
        Map<QName, XdmValue> p = new HashMap<>();
        if (registers != null) p.put(new QName("registers"), registers);
        if (ctx.edition() != null) p.put(new QName("edition"), ctx.edition());
        p.put(new QName("ui"), ctx.ui());
        p.put(new QName("ui-spans"), ctx.uiSpans());
        p.put(new QName("formats"), formatsParam);
        if (ctx.pdfVolumes() > 1) p.put(new QName("pdf-volumes"), new XdmAtomicValue(ctx.pdfVolumes()));
        return p;
    }

    private static Serializer serializer(Context ctx, ByteArrayOutputStream bos, boolean xml) {
        Serializer s = ctx.xsl().processor().newSerializer(bos);
        s.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
        s.setOutputProperty(Serializer.Property.INDENT, "no");
        if (xml) {
            s.setOutputProperty(Serializer.Property.METHOD, "xml");
        } else {
            s.setOutputProperty(Serializer.Property.METHOD, "html");
            s.setOutputProperty(Serializer.Property.HTML_VERSION, "5");
            s.setOutputProperty(Serializer.Property.INCLUDE_CONTENT_TYPE, "no");
        }
        return s;
    }

    /**
     * The edition-level pages, made from the documents' summaries. Where the theme allows ({@link EntryPages}), the
     * register entries' pages are made in Java in small jobs on every thread, beside one transformation making the
     * edition's own pages; else by one transformation per thread: the first makes the edition's own pages and a share
     * of the entries' pages, each other one its share of the entries (the stylesheet's {@code $part} of {@code $parts}).
     */
    private int sitePages(Context ctx, List<XdmNode> summaries, List<String> written, Set<String> onlyEntries)
            throws SaxonApiException, IOException {
        if (pageWriter) {
            try {
                return sitePages(ctx, summaries, written, onlyEntries, true);
            } catch (SaxonApiException e) {
                if (!PageWriter.unsuited(e)) throw e;
                // a page the writer left to Saxon's serializer: every page made again through it (a file already
                // holding its page's bytes is left as it is)
                leftToSaxon.incrementAndGet();
            }
        }
        return sitePages(ctx, summaries, written, onlyEntries, false);
    }

    private int sitePages(Context ctx, List<XdmNode> summaries, List<String> written, Set<String> onlyEntries, boolean viaWriter)
            throws SaxonApiException, IOException {
        // Each page is written when its result document closes, on the thread that made it: the writes overlap
        // the other part's transformation, and no part holds its pages until the end.
        Set<String> outputs = java.util.Collections.synchronizedSet(new TreeSet<>());
        URI base = URI.create("file:///jiaokan-site/");
        XdmValue summaryParam = new XdmValue(summaries);
        int threads = Math.max(1, options.threads());
        java.util.concurrent.atomic.AtomicReference<SaxonApiException> unsuited = new java.util.concurrent.atomic.AtomicReference<>();
        List<Callable<Void>> jobs = new ArrayList<>();
        // The entries' pages made without the stylesheet where it allows (the edition's own pages are still its), in
        // many small jobs beside the one transformation, so that the threads end together.
        EntryPages entryPages = null;
        if (viaWriter && javaEntryPages && ctx.xsl().entryPagesInJava()) {
            Xslt30Transformer frame = ctx.xsl().site();
            frame.setStylesheetParameters(commonParams(ctx, ctx.registers().whole()));
            entryPages = EntryPages.of(frame, ctx.registers().whole(), summaries);
        }
        int parts = entryPages == null ? threads : 1;
        if (entryPages != null) {
            List<EntryPages.Entry> made = new ArrayList<>();
            for (EntryPages.Entry e : entryPages.entries()) if (onlyEntries == null || onlyEntries.contains(e.id())) made.add(e);
            int chunks = Math.min(made.size(), threads * 16);
            EntryPages pages = entryPages;
            for (int c = 0; c < chunks; c++) {
                int chunk = c;
                jobs.add(() -> {
                    for (int i = chunk; i < made.size(); i += chunks) {
                        if (!writeSitePageOrSay(ctx, made.get(i).page(), pages.page(made.get(i)), outputs)) continue;
                        entryPagesMade.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        for (int part = 0; part < parts; part++) {
            Xslt30Transformer t = ctx.xsl().site();
            Map<QName, XdmValue> p = commonParams(ctx, ctx.registers().whole());
            p.put(new QName("summaries"), summaryParam);
            p.put(new QName("part"), new XdmAtomicValue(part));
            p.put(new QName("parts"), new XdmAtomicValue(parts));
            if (entryPages != null) p.put(new QName("entry-pages-elsewhere"), new XdmAtomicValue(true));
            if (onlyEntries != null) {
                Map<XdmAtomicValue, XdmValue> only = new HashMap<>();
                for (String id : onlyEntries) only.put(new XdmAtomicValue(id), new XdmAtomicValue(true));
                p.put(new QName("only"), new XdmMap(only));
            }
            t.setStylesheetParameters(p);
            t.setBaseOutputURI(base.toString());
            // Saxon closes a page's destination also where the stylesheet fails inside it (an edition's own theme
            // calling error() midway), and a page written on its close would be left cut. So a page closed is written
            // when the part goes on to its next page or to its end, which it reaches only if the page was made whole;
            // the page a failure closed is never written, and the failure is the run's error line.
            PendingPage pending = new PendingPage((r, b) -> writeSitePageOrSay(ctx, r, b, outputs));
            t.setResultDocumentHandler(uri -> {
                String rel = base.relativize(URI.create(uri.toString())).getPath();
                ByteArrayOutputStream bos = new ByteArrayOutputStream();
                net.sf.saxon.s9api.Destination page = viaWriter && !rel.endsWith(".xml") ? PageWriter.page(bos)
                        : serializer(ctx, bos, rel.endsWith(".xml"));
                page.onClose(() -> {
                    try {
                        pending.hold(rel, bos.toByteArray());
                    } catch (IOException e) {
                        throw new SaxonApiException(e.getMessage(), e);
                    }
                });
                return page;
            });
            jobs.add(part, () -> {
                try {
                    t.callTemplate(new QName("main"), new net.sf.saxon.s9api.XdmDestination());
                    pending.flush();
                } catch (SaxonApiException e) {
                    // the other parts end theirs before the pages are made again
                    if (!viaWriter || !PageWriter.unsuited(e)) throw e;
                    unsuited.compareAndSet(null, e);
                }
                return null;
            });
        }
        try {
            Ordered.all(threads, jobs);
            if (unsuited.get() != null) throw unsuited.get();
        } catch (IOException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof net.sf.saxon.trans.XPathException x) throw new SaxonApiException(x);
            if (e.getCause() instanceof SaxonApiException s) {
                // a page that could not be written (or would leave the site folder) keeps its own error
                for (Throwable c = s.getCause(); c != null; c = c.getCause()) {
                    if (c instanceof IOException io) throw io;
                }
                throw s;
            }
            throw e;
        }
        int n = 0;
        for (String rel : new ArrayList<>(outputs)) {
            written.add(rel);
            if (rel.endsWith(".html")) n++;
        }
        return n;
    }

    /** The last page a part of the site's transformation closed, written once the part has gone past it. */
    private static final class PendingPage {
        interface Write {
            boolean write(String rel, byte[] bytes) throws IOException;
        }

        private final Write write;
        private String rel;
        private byte[] bytes;

        PendingPage(Write write) {
            this.write = write;
        }

        /** Writes the page held, if any, and holds {@code rel} with {@code bytes} instead. */
        synchronized void hold(String rel, byte[] bytes) throws IOException {
            flush();
            this.rel = rel;
            this.bytes = bytes;
        }

        /** Writes the page held, if any: the part has ended whole. */
        synchronized void flush() throws IOException {
            String held = rel;
            byte[] made = bytes;
            rel = null;
            bytes = null;
            if (held != null) write.write(held, made);
        }
    }

    /**
     * An edition page at {@code rel} in the site folder, recorded in {@code outputs}; whether it was written. A name
     * that would leave the folder (a segment "." or "..", or an empty one) is one error line, and the other pages are
     * made. Two dots inside a name are a name's ({@code org-司法局--jk-a..b.html}, of a source named {@code a..b.txt}).
     */
    private static boolean writeSitePageOrSay(Context ctx, String rel, byte[] bytes, Set<String> outputs) throws IOException {
        if (!org.jiaokan.io.SafePaths.plain(rel)) {
            // one line, and the other pages made
            ctx.errors().add(ctx.out() + ": page " + rel.replaceAll("\\p{Cntrl}", "?") + " not written: its name would leave the site folder");
            return false;
        }
        write(ctx, rel, bytes);
        outputs.add(rel);
        return true;
    }

    /**
     * Writes one file of the site, atomically; a file that already holds these bytes is left as it is (most pages
     * of a site made again are the same, and replacing a file costs much more than reading it).
     */
    private static void write(Context ctx, String rel, byte[] bytes) throws IOException {
        org.jiaokan.io.AtomicFiles.writeIfChanged(TeiFiles.inside(ctx.out(), rel), bytes);
        java.util.function.Consumer<String> made = madeListener;
        if (made != null) made.accept(rel);
    }

    /**
     * Told the site-relative name of each file of the site a run makes, whether written or found already holding
     * its bytes: a file left as it was keeps its time, so the tests of the incremental publication learn here which
     * pages were made again. Null (the default) outside them.
     */
    static volatile java.util.function.Consumer<String> madeListener;

    /**
     * Whether a document page and its twin are made in one pass where the theme can ({@link TwinPages}); the tests
     * turn it off to compare with the twin made by its own transformation. True outside them.
     */
    static volatile boolean onePassTwins = true;
    /**
     * Whether the HTML pages (the documents' and the edition's) are written by {@link PageWriter} where it can; the
     * tests turn it off to compare with Saxon's serializer. True outside them.
     */
    static volatile boolean pageWriter = true;

    /**
     * Whether the names' ids, kinds and twin spellings of the document pages and the summaries' mentions are worked out by
     * {@link Mentions} where the theme allows; the tests turn it off to compare with the stylesheets working them out
     * themselves. True outside them.
     */
    static volatile boolean javaMentions = true;

    /**
     * Whether the register entries' pages are made by {@link EntryPages} where the theme allows; the tests turn it off to
     * compare with the stylesheet making them. True outside them.
     */
    static volatile boolean javaEntryPages = true;

    /** How many entries' pages {@link EntryPages} made (for the tests). */
    static final java.util.concurrent.atomic.AtomicInteger entryPagesMade = new java.util.concurrent.atomic.AtomicInteger();

    /** How many transformations {@link PageWriter} left to Saxon's serializer (for the tests). */
    static final java.util.concurrent.atomic.AtomicInteger leftToSaxon = new java.util.concurrent.atomic.AtomicInteger();

    /** How many twins were made in one pass (for the tests: the one pass was taken). */
    static final java.util.concurrent.atomic.AtomicInteger twinsInOnePass = new java.util.concurrent.atomic.AtomicInteger();

    private static XdmMap citations(Map<String, String> cites) {
        Map<XdmAtomicValue, XdmValue> m = new LinkedHashMap<>();
        cites.forEach((k, v) -> m.put(new XdmAtomicValue(k), new XdmAtomicValue(v)));
        return new XdmMap(m);
    }

    /** {@code window.JiaokanI18n["en"] = {...}}: the interface strings of one language for the language switch. */
    static byte[] i18nScript(String lang, XdmNode strings) {
        StringBuilder sb = new StringBuilder("window.JiaokanI18n = window.JiaokanI18n || {};\nwindow.JiaokanI18n[")
                .append(ScriptStrings.quote(lang)).append("] = {");
        boolean first = true;
        for (XdmNode root : strings.children()) {
            if (root.getNodeKind() != XdmNodeKind.ELEMENT) continue;
            for (XdmNode s : root.children()) {
                if (s.getNodeKind() != XdmNodeKind.ELEMENT) continue;
                String k = s.getAttributeValue(new QName("k"));
                if (k == null) continue;
                sb.append(first ? "\n  " : ",\n  ").append(ScriptStrings.quote(k)).append(": ").append(ScriptStrings.quote(s.getStringValue()));
                first = false;
            }
        }
        return sb.append("\n};\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- inputs

    /** Sorts the command line's files and folders into documents, registers, edition header and sources. */
    public static Inputs sort(List<Path> inputs) throws IOException {
        Path edition = null, registers = null, themeDir = null;
        Set<Path> docs = new LinkedHashSet<>();
        List<Path> sourceDirs = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                Path docsDir = in;
                if (Files.isRegularFile(in.resolve("edition.xml"))) {
                    edition = in.resolve("edition.xml");
                    if (Files.isDirectory(in.resolve("docs"))) docsDir = in.resolve("docs");
                    Path theme = themeOf(in);
                    if (theme != null) themeDir = theme;
                }
                if (Files.isDirectory(in.resolve("sources"))) sourceDirs.add(in.resolve("sources"));
                for (Path f : xmlFiles(docsDir)) {
                    String name = f.getFileName().toString();
                    if (name.equals("registers.xml") && registers == null) registers = f;
                    else if (name.equals("edition.xml") && f.getParent().equals(in)) continue;
                    else docs.add(f);
                }
            } else if (Files.isRegularFile(in)) {
                String name = in.getFileName().toString();
                if (name.equals("registers.xml") && registers == null) registers = in;
                else if (name.equals("edition.xml") && edition == null) edition = in;
                else docs.add(in);
                Path sib = in.toAbsolutePath().getParent().resolve("sources");
                if (Files.isDirectory(sib) && !sourceDirs.contains(sib)) sourceDirs.add(sib);
            } else {
                throw new IOException(in + ": no such file or folder");
            }
        }
        if (registers == null) {
            // convert's output and edition folders keep the registers beside the documents
            for (Path d : docs) {
                Path r = d.toAbsolutePath().getParent().resolve("registers.xml");
                if (Files.isRegularFile(r)) {
                    registers = r;
                    break;
                }
            }
        }
        return new Inputs(edition, registers, new ArrayList<>(docs), sourceDirs, themeDir);
    }

    /** The theme an edition folder overrides the bundled one with (its {@code site} folder), or null. */
    private static Path themeOf(Path editionDir) {
        Path site = editionDir.resolve("site");
        return Files.isDirectory(site) ? site : null;
    }

    /**
     * Begins compiling, on a thread of its own, the site stylesheets that publishing the edition folder {@code editionDir}
     * in HTML will use ({@link Stylesheets#compileAhead}): {@code build} calls it before it converts.
     */
    public static void compileSiteAhead(Path editionDir) {
        Stylesheets.compileAhead(new Theme(Files.isRegularFile(editionDir.resolve("edition.xml")) ? themeOf(editionDir) : null));
    }

    private static List<Path> xmlFiles(Path dir) throws IOException {
        // The walk's own look at each file says what it is; a link is followed to see whether it leads to a file.
        try (Stream<Path> s = Files.find(dir, Integer.MAX_VALUE, (p, a) -> p.getFileName().toString().endsWith(".xml")
                && (a.isRegularFile() || (a.isSymbolicLink() && Files.isRegularFile(p))))) {
            return s.filter(p -> !dir.relativize(p).toString().isEmpty())
                    .filter(p -> {
                        for (Path part : dir.relativize(p)) {
                            String n = part.toString();
                            if (n.startsWith(".") || n.equals("site") || n.equals("schema") || n.equals("sources")) return false;
                        }
                        return true;
                    })
                    .sorted().toList();
        }
    }

    private static final boolean SLASH_ONLY = "/".equals(java.nio.file.FileSystems.getDefault().getSeparator());

    /** The extensions of raw sources no browser runs as a page (a server names their types by them). */
    private static final Set<String> INERT = Set.of("txt", "text", "docx", "doc", "odt", "rtf", "pdf", "md", "csv");

    /**
     * The name under {@code src/} of a raw source named {@code fileName}: its own where its extension is of a kind no
     * browser runs ({@link #INERT}), else with {@code .txt} after it. A web page kept as a source holds its scripts and
     * event handlers byte for byte; published as {@code src/page.html} it would run them in the edition's origin for
     * anyone sent its address. As {@code src/page.html.txt} a server sends it as text, and it is downloaded with its
     * bytes unchanged. A {@code %} in the name is written {@code %25} and a backslash {@code %5C}, so that a name with
     * {@code %5C} in it and one with a backslash keep copies of their own, and no copy's name holds a separator of
     * another system. (A source {@code a.html} and a source {@code a.html.txt} beside it would still share one.)
     */
    static String publishedRawName(String fileName) {
        String last = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        String ext = dot <= 0 ? "" : last.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        String name = fileName.indexOf('%') < 0 && fileName.indexOf('\\') < 0 ? fileName
                : fileName.replace("%", "%25").replace("\\", "%5C");
        return INERT.contains(ext) ? name : name + ".txt";
    }

    /**
     * The link from a document's page to its raw source's copy: each segment of {@link #publishedRawName} as XPath's
     * {@code encode-for-uri} writes it. A name is a file name, not a URI: {@code 50%.txt} is {@code 50%25.txt} in the
     * address, and a {@code #} or {@code ?} in a name does not end its path.
     */
    static String rawSourceHref(String fileName) {
        StringBuilder href = new StringBuilder("../src/");
        String name = publishedRawName(fileName);
        int from = 0;
        for (int to; (to = name.indexOf('/', from)) >= 0; from = to + 1) {
            href.append(org.jiaokan.publish.html.EntryPages.encodeForUri(name.substring(from, to))).append('/');
        }
        return href.append(org.jiaokan.publish.html.EntryPages.encodeForUri(name.substring(from))).toString();
    }

    /**
     * Where a raw source is, to be compared with its digest: as {@link #rawSource}, but with one source folder not
     * looked at first (its digest is "none" when it is not there, as for no source).
     */
    private static Path rawCandidate(List<Path> dirs, String fileName) {
        if (dirs.size() != 1) return rawSource(dirs, fileName);
        return sourceName(fileName) ? dirs.get(0).resolve(fileName) : null;
    }

    private static Path rawSource(List<Path> dirs, String fileName) {
        if (!sourceName(fileName)) return null;
        for (Path d : dirs) {
            Path p = d.resolve(fileName);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** A plain name, or folders and a name (two sources of the same name from different folders: b/report.txt). */
    private static boolean sourceName(String fileName) {
        // A backslash is a character of a name where the separator is '/' (its copy under src/ writes it %5C), a
        // separator elsewhere.
        if (fileName.contains("\\") && !SLASH_ONLY || fileName.startsWith("/") || fileName.indexOf('\0') >= 0) return false;
        for (String segment : fileName.split("/", -1)) if (segment.isEmpty() || segment.startsWith(".")) return false;
        return true;
    }

    // ---- header facts Java needs before the transformation

    private static final String TEI = "http://www.tei-c.org/ns/1.0";

    /** {@code publicationStmt/idno[@type='jiaokan']}, else the file name without {@code .xml}, made safe as a file name. */
    public static String docid(XdmNode tei, Path file) {
        return docid(Idnos.of(tei), file);
    }

    /**
     * The identifier {@link #docid(XdmNode, Path)} gives the document in {@code file}, read as it streams past, without
     * a tree of it (for a document too large for one): the first of its first 2,000 TEI {@code idno} elements with the
     * type {@code jiaokan}. The file is read to its end: null where it cannot be read or is not well-formed XML (or has
     * a DOCTYPE) anywhere, as no output takes it then.
     */
    public static String docid(Path file) {
        StringBuilder[] found = {null};
        org.xml.sax.helpers.DefaultHandler h = new org.xml.sax.helpers.DefaultHandler() {
            int idnos;
            int depth; // within the idno found, its depth below it
            StringBuilder text;

            @Override
            public void startElement(String uri, String local, String qName, org.xml.sax.Attributes atts) throws org.xml.sax.SAXException {
                if (text != null) {
                    depth++;
                    return;
                }
                if (found[0] != null || !"idno".equals(local) || !TEI.equals(uri)) return;
                if (++idnos > 2000) return;
                if ("jiaokan".equals(atts.getValue("", "type"))) text = new StringBuilder();
            }

            @Override
            public void endElement(String uri, String local, String qName) throws org.xml.sax.SAXException {
                if (text == null) return;
                if (depth-- > 0) return;
                found[0] = text;
                text = null;
                depth = 0;
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (text != null) text.append(ch, start, length);
            }
        };
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            org.xml.sax.XMLReader r = org.jiaokan.xml.Xml.newSaxReader(true);
            r.setContentHandler(h);
            r.parse(new org.xml.sax.InputSource(in));
        } catch (IOException | org.xml.sax.SAXException | RuntimeException e) {
            return null;
        }
        return docid(found[0] == null ? "" : found[0].toString().strip(), file);
    }

    private static String docid(Idnos idnos, Path file) {
        return docid(idnos.value("jiaokan"), file);
    }

    /** The identifier of the document in {@code file} whose {@code idno} of the type {@code jiaokan} reads {@code value}. */
    private static String docid(String value, Path file) {
        String id = value;
        if (id.isEmpty() || !id.matches("[\\p{L}\\p{N}_.-]{1,150}") || id.startsWith(".")
                || id.getBytes(StandardCharsets.UTF_8).length > MAX_DOCID_BYTES) {
            id = file.getFileName().toString().replaceFirst("\\.xml$", "");
        }
        id = id.replaceAll("[^\\p{L}\\p{N}_.-]", "-");
        if (id.startsWith(".")) id = "_" + id;
        // a file's own name, too long for the pages' names with their suffixes: cut, and told apart by its digest
        id = org.jiaokan.model.Edition.fitted(id, MAX_DOCID_BYTES, 8);
        return id.isEmpty() ? "_" : id;
    }

    /**
     * The most bytes a document's identifier takes in UTF-8: its pages are named {@code ID.zh-Hant.html}, and a file
     * system takes 255 bytes in a name (150 Han characters are 450).
     */
    static final int MAX_DOCID_BYTES = org.jiaokan.publish.html.Stylesheets.MAX_PAGE_ID_BYTES;

    /**
     * The first 2,000 {@code idno} elements of a document (TEI's), in document order: what its identifier, its raw
     * source's name and its canonical URL are read from, found in one walk of the tree's own iterator instead of one
     * walk of wrapped nodes for each.
     */
    private record Idnos(List<net.sf.saxon.om.NodeInfo> elements) {
        static Idnos of(XdmNode tei) {
            List<net.sf.saxon.om.NodeInfo> found = new ArrayList<>();
            net.sf.saxon.tree.iter.AxisIterator it = tei.getUnderlyingNode().iterateAxis(net.sf.saxon.om.AxisInfo.DESCENDANT,
                    net.sf.saxon.pattern.NodeKindTest.ELEMENT);
            for (net.sf.saxon.om.NodeInfo e; found.size() < 2000 && (e = it.next()) != null; ) {
                if ("idno".equals(e.getLocalPart()) && TEI.equals(e.getURI())) found.add(e);
            }
            return new Idnos(found);
        }

        /** The text of the first {@code idno} with the given type. */
        String value(String type) {
            for (net.sf.saxon.om.NodeInfo n : elements) {
                if (type.equals(n.getAttributeValue("", "type"))) return n.getStringValue().strip();
            }
            return "";
        }

        /** The document's canonical URL: {@code publicationStmt/idno[@type='URI']}, when it is http(s). */
        String canonicalUrl() {
            for (net.sf.saxon.om.NodeInfo n : elements) {
                if (!"URI".equals(n.getAttributeValue("", "type"))) continue;
                net.sf.saxon.om.NodeInfo parent = n.getParent();
                if (parent != null && parent.getNodeKind() == net.sf.saxon.type.Type.ELEMENT && "publicationStmt".equals(parent.getLocalPart())) {
                    String u = n.getStringValue().strip();
                    if (URL.matcher(u).matches()) return u;
                }
            }
            return "";
        }

        private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");
    }

    /** {@code zh-Hans} or {@code zh-Hant} for Chinese text (from {@code xml:lang}, else from the text), else "". */
    static String scriptOf(XdmNode tei) {
        XdmNode root = null;
        for (XdmNode c : tei.children()) if (c.getNodeKind() == XdmNodeKind.ELEMENT) root = c;
        if (root == null) return "";
        String lang = root.getAttributeValue(new QName("http://www.w3.org/XML/1998/namespace", "lang"));
        if (lang != null) {
            String l = lang.toLowerCase();
            if (l.startsWith("zh-hans") || l.equals("zh-cn") || l.equals("zh-sg")) return "zh-Hans";
            if (l.startsWith("zh-hant") || l.equals("zh-tw") || l.equals("zh-hk") || l.equals("zh-mo")) return "zh-Hant";
            if (!l.startsWith("zh") && !l.equals("lzh") && !l.equals("und")) return "";
        }
        String text = root.getStringValue();
        if (text.length() > 50_000) text = text.substring(0, 50_000);
        long han = org.jiaokan.script.Han.count(text);
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (han == 0 || han * 3 < letters) return "";
        return ScriptDetector.detect(text).tag();
    }

    /** The reason of a failure in one line: where XML is not well-formed, its line and column. */
    public static String reason(Exception e) {
        String xml = org.jiaokan.io.XmlErrors.wellFormedness(e);
        if (xml != null) return xml;
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof SaxonApiException)) t = t.getCause();
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.replaceAll("\\s+", " ").replaceFirst("^SXXP0003:? Error reported by XML parser: ", "").strip();
    }
}
