package org.jiaokan.bench;

import org.jiaokan.annotate.ChineseAnnotator;
import org.jiaokan.clean.ByteShiftMojibakeRepair;
import org.jiaokan.clean.Cleaner;
import org.jiaokan.clean.LineContext;
import org.jiaokan.edition.Conversion;
import org.jiaokan.edition.ConversionSteps;
import org.jiaokan.edition.EditionBuilder;
import org.jiaokan.edition.Ordered;
import org.jiaokan.edition.TeiFiles;
import org.jiaokan.edition.Toolkit;
import org.jiaokan.io.FileTrees;
import org.jiaokan.model.Edition;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.Script;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.jiaokan.publish.Publisher;
import org.jiaokan.read.ReadException;
import org.jiaokan.read.Readers;
import org.jiaokan.script.ScriptDetector;
import org.jiaokan.tei.TeiWriter;
import org.jiaokan.xml.XmlWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * {@code jiaokan bench}: the whole pipeline on a generated corpus. Measures each per-document stage on
 * its own (decode, clean, recognition, conversion, TEI writing; CPU time per stage, so the figures hold
 * on a busy machine), the recogniser alone on one thread, the edition build (conversion with registers
 * and checks), every publish format {@link Publisher#FORMATS} knows (cold and warm), and the naive way:
 * one JVM per document for convert and then for publish.
 */
public final class PipelineBench {
    /** What to run. */
    public record Settings(Path work, int docs, long seed, Path exampleSources, Path exampleRegisters, Path exampleHeader,
                           int naiveSample, String javaCommand, String classPath, Set<String> parts,
                           Set<String> formats, int warmRounds) {
        /** Every part of the run, in the order they run: {@link #parts} is a subset of these. */
        public static final List<String> ALL = List.of("convert", "incremental", "publish", "naive");

        public Settings(Path work, int docs, long seed, Path exampleSources, Path exampleRegisters, Path exampleHeader,
                        int naiveSample, String javaCommand, String classPath) {
            this(work, docs, seed, exampleSources, exampleRegisters, exampleHeader, naiveSample, javaCommand, classPath, Set.copyOf(ALL), null,
                    DEFAULT_WARM_ROUNDS);
        }

        /** Warm rounds of a publish format, and warm builds, at most (see {@link PipelineBench#publishRounds}, {@link PipelineBench#warmBuild}). */
        public static final int DEFAULT_WARM_ROUNDS = 8;

        boolean runs(String part) { return parts.contains(part); }
    }

    private final Settings s;
    private final PrintStream out;
    private final List<Meter.Figures> figures = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    public PipelineBench(Settings settings, PrintStream out) {
        this.s = settings;
        this.out = out;
    }

    /** Runs every measurement; returns the JSON of the figures. */
    public String run() throws IOException, InterruptedException {
        Path work = s.work().toAbsolutePath().normalize();
        clearKeepingLock(work);
        Path edition = work.resolve("edition");
        Path sources = edition.resolve(EditionBuilder.SOURCES);
        Files.createDirectories(sources);
        extra.put("threads", Ordered.threads());
        extra.put("cores", Runtime.getRuntime().availableProcessors());
        extra.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        // The collector the JVM runs (the launcher picks the throughput collector for heaps of 2 GB or more).
        extra.put("collectors", collectors());
        // Whether the JVM throws away the compiled code of methods idle for a while (the launcher turns that off).
        extra.put("codeCacheFlushing", codeCacheFlushing());
        extra.put("loadAverageBefore", Meter.loadAverage());

        out.printf("generating %d documents into %s%n", s.docs(), sources);
        Meter m = Meter.startSettled();
        BenchCorpus.Generated corpus = BenchCorpus.from(s.exampleSources(), s.exampleRegisters()).generate(sources, s.docs(), s.seed());
        figures.add(m.stop("generate corpus", s.docs(), corpus.characters(), 0));
        extra.put("corpusCharacters", corpus.characters());
        extra.put("corpusFormats", Map.of("text", corpus.text(), "html", corpus.html(), "docx", corpus.docx()));
        Files.copy(s.exampleHeader(), edition.resolve(EditionBuilder.HEADER));

        if (s.runs("convert")) {
            stages(corpus.files());
            recogniserAlone(corpus.files());
            unseen(s.exampleSources());
        }
        // the build is the conversion measured as a whole; the later parts need its edition
        boolean later = s.runs("incremental") || s.runs("publish") || s.runs("naive");
        if (!s.runs("convert") && !later) {
            extra.put("loadAverageAfter", Meter.loadAverage());
            return json();
        }

        out.println("building the edition (convert, registers, checks)");
        Meter.Figures build = measuredBuild(edition, "build (convert all)", "build", corpus.characters());
        if (s.runs("convert")) {
            warmBuild(work, edition, corpus.characters());
            recogniserAgain();
        }
        if (s.runs("incremental")) incremental(edition, corpus.files(), corpus.characters());

        Path site = work.resolve("site");
        long publishNanos = 0;
        for (String format : s.runs("publish") ? Publisher.FORMATS : List.<String>of()) {
            if (s.formats() != null && !s.formats().contains(format)) continue;
            publishNanos += publishRounds(edition, site, format, corpus.characters());
        }
        if (s.runs("publish") && (s.formats() == null || s.formats().contains("html"))) {
            out.println("publishing html twice with the publish manifest, the second time nothing changed (incremental)");
            new Publisher(new Publisher.Options(site, Set.of("html"), null, 0, true)).publish(List.of(edition));
            m = Meter.startSettled();
            Publisher.Result again = new Publisher(new Publisher.Options(site, Set.of("html"), null, 0, true)).publish(List.of(edition));
            figures.add(m.stop("publish html (incremental, unchanged)", again.documents(), corpus.characters(), again.pages()));
        }
        if (s.runs("incremental") && s.runs("publish") && (s.formats() == null || s.formats().contains("html"))) {
            rebuildAndPublish(edition, work.resolve("site-incremental"), corpus.files(), corpus.characters());
        }
        double perDocBatch = (build.wallNanos() + publishNanos) / 1e9 / Math.max(1, build.documents());
        if (s.runs("naive") && s.runs("publish")) naive(corpus.files(), work.resolve("naive"), perDocBatch);
        extra.put("loadAverageAfter", Meter.loadAverage());
        return json();
    }

    /**
     * One format published cold, then warm until the JIT has settled: warm rounds repeat, at most
     * {@code warmRounds}, until one is less than 3 % faster than the one before it (on two cores the
     * compiler keeps working through the second and third rounds; a figure taken from the first warm
     * round would measure it as much as the publication). The last round is the warm row; every round's
     * seconds are in the JSON ({@code publishRounds FORMAT}). Each round publishes everything: without
     * the publish manifest, nothing is skipped. Returns the warm round's wall time.
     */
    private long publishRounds(Path edition, Path site, String format, long characters) throws IOException {
        List<Double> seconds = new ArrayList<>();
        long warmNanos = 0;
        long before = 0;
        int warm = Math.max(1, s.warmRounds());
        for (int round = 0; round <= warm; round++) {
            String name = round == 0 ? "cold" : "warm";
            out.printf("publishing %s (%s%s)%n", format, name, round == 0 ? "" : ", round " + round);
            Meter m = Meter.startSettled();
            Publisher.Result r = new Publisher(new Publisher.Options(site, Set.of(format), null, 0)).publish(List.of(edition));
            int pages = r.pages();
            if (format.equals("pdf")) {
                // The pages of every PDF written (the documents' and the edition's), counted in the files.
                int[] pdfPages = pdfPages(site.resolve("pdf"));
                pages = pdfPages[0] + pdfPages[1];
                extra.put("pdfDocumentPages", pdfPages[0]);
                extra.put("pdfEditionPages", pdfPages[1]);
            }
            Meter.Figures f = m.stop("publish " + format + " (" + name + ")", r.documents(), characters, pages);
            seconds.add(f.wallNanos() / 1e9);
            extra.put("publishRounds " + format, List.copyOf(seconds));
            if (!r.errors().isEmpty()) extra.put("publishErrors " + format, r.errors().size());
            // a round before the last has added no row yet: nothing gives way
            if (round > 0 && !lastRound(round, warm, before, f.wallNanos(), figures.size())) {
                before = f.wallNanos();
                continue;
            }
            figures.add(f);
            org.jiaokan.publish.pdf.PdfFormat.EditionTiming e = org.jiaokan.publish.pdf.PdfFormat.lastEdition();
            if (format.equals("pdf") && e != null) {
                // The edition PDF alone: one FOP rendering on one thread, after the documents' PDFs.
                figures.add(new Meter.Figures("publish pdf edition.pdf only (" + name + ")", e.wallNanos(), e.cpuNanos(),
                        f.peakHeapBytes(), r.documents(), characters, (Integer) extra.get("pdfEditionPages")));
                extra.put("pdfEditionLayouts " + name, e.layouts());
            }
            if (round > 0) {
                warmNanos = f.wallNanos();
                break;
            }
        }
        return warmNanos;
    }

    /**
     * Whether round {@code round} of at most {@code warm} rounds, taking {@code nanos}, is the last: the last allowed, or
     * {@link #settled}. If not, the rows it added (from {@code rows} on) give way to the next round's.
     */
    private boolean lastRound(int round, int warm, long before, long nanos, int rows) {
        return lastRound(round >= warm || settled(round, before, nanos), rows);
    }

    /** {@code last}, and if not, the rows the round added (from {@code rows} on) give way to the next round's. */
    private boolean lastRound(boolean last, int rows) {
        if (!last) figures.subList(rows, figures.size()).clear();
        return last;
    }

    /**
     * The share of a warm build's CPU time above which the JIT compilers are still at work on its code ({@link #warmBuild}
     * goes on to another round, up to its cap): in one run, the seventh build of 2,000 documents left them 0.29 CPU s.
     */
    static final double JIT_SETTLED_SHARE = 0.05;

    /**
     * Whether warm build {@code round} of at most {@code warm}, taking {@code nanos} of wall time and {@code cpuNanos} of
     * the process's CPU time, of which {@code jitSeconds} the JIT compilers', is the last: the last allowed, or
     * {@link #settled} with the compilers at most {@link #JIT_SETTLED_SHARE} of its CPU time. A round 3 % faster than the
     * one before or less while the compilers still took more is the spread of a shared machine, not a settled JIT.
     */
    static boolean warmBuildIsLast(int round, int warm, long before, long nanos, double jitSeconds, long cpuNanos) {
        if (round >= warm) return true;
        return settled(round, before, nanos) && jitSeconds <= JIT_SETTLED_SHARE * cpuNanos / 1e9;
    }

    /**
     * Whether warm round {@code round} (the first is 1), taking {@code nanos}, is less than 3 % faster than the one before
     * it, which took {@code before}: the JIT has settled, and the rounds stop.
     */
    private static boolean settled(int round, long before, long nanos) {
        return round >= 2 && before < nanos * 1.03;
    }

    /**
     * The same build again in this JVM, each time into an edition of its own (the same sources and header, no cache,
     * no TEI before it): the conversion once the build's own code is compiled, as the recogniser alone is measured
     * after its pass. The first build's figure includes the JIT's first compilation of the build's code (XML parsing,
     * the schema check, the cache, the files), which a long build or a JVM that stays up ({@code --watch},
     * {@code serve}) pays once; on two cores the compiler is still at work through the second build. As the publish
     * formats' warm rounds do, the builds repeat, at most {@code warmRounds}, until one is less than 3 % faster than
     * the one before while the JIT compilers took at most {@link #JIT_SETTLED_SHARE} of its CPU time; the last is the
     * row {@code build (convert all, warm)} with its steps, and every build's seconds and its compilers' are in the JSON
     * ({@code warmBuildRounds}, {@code warmBuildJitRounds}).
     */
    private void warmBuild(Path work, Path edition, long characters) throws IOException {
        int warm = Math.max(1, s.warmRounds());
        List<Double> seconds = new ArrayList<>();
        List<Double> jits = new ArrayList<>();
        long before = 0;
        Path last = work.resolve("edition-warm");
        FileTrees.delete(last);
        List<Path> made = new ArrayList<>();
        for (int round = 1; round <= warm; round++) {
            // Each build into a new folder, and the folders removed only after the last build: files made after a
            // whole edition's were removed cost several times their CPU, even 15 s after the removal (for 2,000
            // documents the cache's entries 2.9–4.3 CPU s against 0.8–1.2, the system's time 3.3–4.2 s against
            // 0.8–1.4 s), which a build into a fresh folder does not pay: ext4 without a journal, as here, gives no
            // new file an inode freed in the last minute, and tests the free inodes one by one for it.
            Path again = work.resolve("edition-warm-" + round);
            FileTrees.delete(again);
            made.add(again);
            Path sources = again.resolve(EditionBuilder.SOURCES);
            Files.createDirectories(sources);
            Files.copy(edition.resolve(EditionBuilder.HEADER), again.resolve(EditionBuilder.HEADER));
            try (java.util.stream.Stream<Path> list = Files.list(edition.resolve(EditionBuilder.SOURCES))) {
                for (Path p : list.toList()) Files.copy(p, sources.resolve(p.getFileName()));
            }
            // The recogniser alone just before each build: with the one just after the last build (recogniserAgain),
            // the yardstick of the minutes the last build ran in (recogniserAround).
            Meter.Figures recBefore = recogniserSample.isEmpty() ? null
                    : recogniserOnThisThread(new ChineseAnnotator(), recogniserSample, "recogniser alone, 1 thread, just before the last warm build");
            out.println("building the edition again in this JVM, into a new folder (convert all, warm, round " + round + ")");
            int rows = figures.size();
            Meter.Figures f = measuredBuild(again, "build (convert all, warm)", "warmBuild", characters);
            recogniserBeforeLastWarmBuild = recBefore;
            seconds.add(f.wallNanos() / 1e9);
            extra.put("warmBuildRounds", List.copyOf(seconds));
            double jit = extra.get("warmBuildJitCpuSeconds") instanceof Double d ? d : 0;
            jits.add(jit);
            extra.put("warmBuildJitRounds", List.copyOf(jits));
            if (lastRound(warmBuildIsLast(round, warm, before, f.wallNanos(), jit, f.cpuNanos()), rows)) break;
            before = f.wallNanos();
        }
        // the last build's edition stays, as WORK/edition-warm
        Files.move(made.remove(made.size() - 1), last);
        for (Path p : made) FileTrees.delete(p);
    }

    /**
     * One build of {@code edition} with its cache, measured as {@code stage}: its figures, then rows {@code of which …}
     * with the CPU time of each step of its documents (their threads' CPU time), and in the JSON, under names that
     * begin with {@code key}, those steps, the JIT's and the collector's CPU time during it and its failures.
     */
    private Meter.Figures measuredBuild(Path edition, String stage, String key, long characters) throws IOException {
        ConversionSteps steps = new ConversionSteps();
        Meter m = Meter.startSettled();
        long[] vm0 = Meter.vmThreadsCpu(); // after the collection before the stage
        EditionBuilder.Result built;
        try {
            built = new EditionBuilder(Toolkit.get()).withSteps(steps).build(edition, new Quiet());
        } catch (org.jiaokan.edition.EditionHeader.EditionException e) {
            throw new IOException(e.getMessage(), e);
        }
        Meter.Figures build = m.stop(stage, built.conversion().outcomes().size(), characters, 0);
        figures.add(build);
        long[] vm1 = Meter.vmThreadsCpu();
        if (vm0 != null && vm1 != null) {
            // The process's CPU time includes the JIT compilers' and the collector's; the recogniser alone's does not.
            extra.put(key + "JitCpuSeconds", (vm1[0] - vm0[0]) / 1e9);
            extra.put(key + "GcCpuSeconds", (vm1[1] - vm0[1]) / 1e9);
        }
        Map<String, Double> bySteps = new LinkedHashMap<>();
        steps.nanos().forEach((step, nanos) -> {
            addCpuStage("  of which " + step.label(), nanos, build.documents(), build.characters(), build.cores());
            bySteps.put(step.name().toLowerCase(Locale.ROOT), nanos / 1e9);
        });
        extra.put(key + "StepsCpuSeconds", bySteps);
        extra.put(key + "Failures", built.conversion().failures().size());
        return build;
    }

    /**
     * The build again after one source changed (a sentence added to the first plain-text source): only
     * that source is converted, the rest comes from the build's cache, and the names and registers are
     * reduced again over all documents.
     */
    private void incremental(Path edition, List<Path> files, long characters) throws IOException {
        Path changed = files.stream().filter(p -> p.getFileName().toString().endsWith(".txt")).findFirst().orElse(null);
        if (changed == null) return;
        out.println("building the edition again, nothing changed (incremental)");
        Meter m = Meter.startSettled();
        try {
            EditionBuilder.Result same = new EditionBuilder(Toolkit.get()).build(edition, new Quiet());
            figures.add(m.stop("build (incremental, nothing changed)", same.conversion().outcomes().size(), characters, 0));
        } catch (org.jiaokan.edition.EditionHeader.EditionException e) {
            throw new IOException(e.getMessage(), e);
        }
        changeOne(changed, 0);
        out.println("building the edition again after one source changed (incremental)");
        m = Meter.startSettled();
        EditionBuilder.Result again;
        try {
            again = new EditionBuilder(Toolkit.get()).build(edition, new Quiet());
        } catch (org.jiaokan.edition.EditionHeader.EditionException e) {
            throw new IOException(e.getMessage(), e);
        }
        figures.add(m.stop("build (incremental, 1 changed)", again.conversion().outcomes().size(), characters, 0));
        extra.put("incrementalConverted", again.cache().converted());
        extra.put("incrementalFromCache", again.cache().fromCache());
        extra.put("incrementalWritten", again.conversion().outcomes().stream().filter(o -> o.written()).count());
        extra.put("incrementalTeiFromCache", again.teiFromCache());
    }

    /** One source changed: the n-th of the sentences added to it (a new sentence each time, so each is a change). */
    private static void changeOne(Path source, int n) throws IOException {
        String[] sentences = {"会议还通报了近期工作检查的情况。", "会议要求各单位认真抓好贯彻落实。", "会后，与会人员进行了分组讨论。"};
        Files.writeString(source, Files.readString(source, java.nio.charset.StandardCharsets.UTF_8)
                + "\n" + sentences[n % sentences.length] + "\n", java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The round after one change (build and publication of the site) and what of its CPU time the JIT and the collector took. */
    private record ChangedRound(Meter.Figures figures, double jitCpuSeconds, double gcCpuSeconds) {}

    private ChangedRound changedRound;

    /**
     * The build and the publication of the site with its manifest, as an editor rebuilds after a correction
     * ({@code jiaokan build --formats html}): once with nothing changed, once after one source changed.
     */
    private void rebuildAndPublish(Path edition, Path site, List<Path> files, long characters) throws IOException {
        Path changed = files.stream().filter(p -> p.getFileName().toString().endsWith(".txt")).findFirst().orElse(null);
        if (changed == null) return;
        out.println("building and publishing html with the caches (the first time to fill the publish manifest)");
        buildAndPublish(edition, site);
        // Nothing changed once; then one source changed, again with another change each round, as an editor corrects
        // one document after another with the edition watched (build --watch): the rounds repeat, at most warmRounds,
        // until one is less than 3 % faster than the one before (the first rounds pay the JIT's compiling of the
        // incremental paths, which the builds and publications before them did not take); the last is the row, and
        // every round's seconds are in the JSON (rebuildOneChangedRounds).
        List<Double> changedSeconds = new ArrayList<>();
        long before = 0;
        int warm = Math.max(1, s.warmRounds());
        for (int round = 0; round <= warm; round++) {
            if (round >= 1) changeOne(changed, round);
            String what = round == 0 ? "nothing changed" : "1 changed";
            int rows = figures.size();
            out.println("building and publishing html again, " + what + " (incremental" + (round >= 1 ? ", round " + round : "") + ")");
            Meter m = Meter.startSettled();
            long[] vm0 = Meter.vmThreadsCpu(); // after the collection before the round
            Meter.Figures[] parts = new Meter.Figures[2];
            int docs = buildAndPublish(edition, site, parts, characters);
            long[] vm1 = Meter.vmThreadsCpu();
            double[] jitGc = null;
            if (vm0 != null && vm1 != null) {
                // What of the round's CPU time the JIT compilers and the collector took (see measuredBuild).
                jitGc = new double[]{(vm1[0] - vm0[0]) / 1e9, (vm1[1] - vm0[1]) / 1e9};
                extra.put("rebuild " + what + " JitCpuSeconds", jitGc[0]);
                extra.put("rebuild " + what + " GcCpuSeconds", jitGc[1]);
            }
            Meter.Figures both = m.stop("build + publish html (incremental, " + what + ")", docs, characters, 0);
            // The parts' meters reset the heap's peaks: the whole's peak is the larger of theirs.
            Meter.Figures whole = new Meter.Figures(both.stage(), both.wallNanos(), both.cpuNanos(),
                    Math.max(both.peakHeapBytes(), parts[0].peakHeapBytes()), docs, characters, 0);
            figures.add(whole);
            // the JIT's and the collector's part of the round that is the row: the last one
            if (round >= 1 && jitGc != null) changedRound = new ChangedRound(whole, jitGc[0], jitGc[1]);
            // The two parts of the figure above: the build (with its caches) and the publication (with its manifest).
            figures.add(rename(parts[0], "  of which build (" + what + ")"));
            figures.add(rename(parts[1], "  of which publish html (" + what + ")"));
            extra.put("loadAverage rebuild " + what, Meter.loadAverage());
            if (round == 0) continue;
            changedSeconds.add(whole.wallNanos() / 1e9);
            extra.put("rebuildOneChangedRounds", List.copyOf(changedSeconds));
            if (lastRound(round, warm, before, whole.wallNanos(), rows)) break;
            before = whole.wallNanos();
        }
        if (!changedSeconds.isEmpty()) {
            out.printf(Locale.ROOT, "build + publish html after one change, round by round: %s s (the first after the JVM's other work, the last the row)%n",
                    changedSeconds.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    private static Meter.Figures rename(Meter.Figures f, String stage) {
        return new Meter.Figures(stage, f.wallNanos(), f.cpuNanos(), f.peakHeapBytes(), f.documents(), f.characters(), f.pages());
    }

    private int buildAndPublish(Path edition, Path site) throws IOException {
        return buildAndPublish(edition, site, new Meter.Figures[2], 0);
    }

    /** The build and then the site's publication with their caches; {@code parts} receives each one's figures. */
    private int buildAndPublish(Path edition, Path site, Meter.Figures[] parts, long characters) throws IOException {
        EditionBuilder.Result r;
        Meter m = Meter.start();
        try {
            r = new EditionBuilder(Toolkit.get()).build(edition, new Quiet());
        } catch (org.jiaokan.edition.EditionHeader.EditionException e) {
            throw new IOException(e.getMessage(), e);
        }
        int docs = r.conversion().outcomes().size();
        parts[0] = m.stop("build", docs, characters, 0);
        m = Meter.start();
        Publisher.Result p = new Publisher(new Publisher.Options(site, Set.of("html"), null, 0, true)).publish(List.of(edition));
        parts[1] = m.stop("publish html", p.documents(), characters, p.pages());
        return docs;
    }

    /**
     * Each per-document stage on its own, on all cores: CPU time is summed per stage, so per-core rates
     * come out right however busy the machine is.
     */
    private void stages(List<Path> files) {
        out.println("measuring the per-document stages");
        Toolkit toolkit = Toolkit.get();
        Cleaner cleaner = toolkit.converter().cleaner();
        ChineseAnnotator recogniser = new ChineseAnnotator();
        TeiWriter writer = toolkit.writer(Edition.standalone());
        LongAdder decode = new LongAdder(), clean = new LongAdder(), recognise = new LongAdder(), convert = new LongAdder(),
                write = new LongAdder(), chars = new LongAdder(), docs = new LongAdder(), teiBytes = new LongAdder();
        Meter m = Meter.startSettled();
        Ordered.map(files, Ordered.threads(), file -> {
            long t0 = Meter.threadCpu();
            SourceDocument src;
            try {
                src = Readers.read(file, null);
            } catch (ReadException e) {
                return null;
            }
            long t1 = Meter.threadCpu();
            Script script = ScriptDetector.detect(src.text());
            List<SourceLine> lines = src.lines();
            for (int i = 0; i < lines.size(); i++) {
                cleaner.clean(lines.get(i), new LineContext(script, i, lines.size(), lines.get(i).hint()));
            }
            long t2 = Meter.threadCpu();
            for (SourceLine line : lines) {
                try {
                    recogniser.annotate(line.text(), script);
                } catch (RuntimeException | StackOverflowError e) {
                    // as the converter does: that line has no names
                }
            }
            long t3 = Meter.threadCpu();
            EditionDocument doc = toolkit.converter().convert(src, "bench");
            long t4 = Meter.threadCpu();
            byte[] tei = XmlWriter.bytes(writer.write(doc, "2024-01-01"));
            long t5 = Meter.threadCpu();
            decode.add(t1 - t0);
            clean.add(t2 - t1);
            recognise.add(t3 - t2);
            convert.add(t4 - t3);
            write.add(t5 - t4);
            chars.add(src.text().length());
            docs.increment();
            teiBytes.add(tei.length);
            return null;
        }, ignored -> {});
        Meter.Figures pass = m.stop("per-document stages (all)", docs.intValue(), chars.sum(), 0);
        figures.add(pass);
        double cores = pass.cores();
        addCpuStage("decode", decode.sum(), docs.intValue(), chars.sum(), cores);
        addCpuStage("clean", clean.sum(), docs.intValue(), chars.sum(), cores);
        addCpuStage("recognition", recognise.sum(), docs.intValue(), chars.sum(), cores);
        addCpuStage("conversion (clean, structure, recognition, metadata)", convert.sum(), docs.intValue(), chars.sum(), cores);
        addCpuStage("TEI writing", write.sum(), docs.intValue(), chars.sum(), cores);
        extra.put("teiBytes", teiBytes.sum());
    }

    /** A stage measured by CPU time alone: its wall time is what it would take on the cores the pass used. */
    private void addCpuStage(String name, long cpu, int docs, long chars, double cores) {
        long wall = (long) (cpu / Math.max(1e-9, cores));
        figures.add(new Meter.Figures("  " + name, wall, cpu, 0, docs, chars, 0));
    }

    /** The recogniser alone on one thread, measured just before the last warm build ({@link #warmBuild}); null before. */
    private Meter.Figures recogniserBeforeLastWarmBuild;

    /**
     * The recogniser alone on one thread around the last warm build: its measurements just before that build and just
     * after the builds, pooled (their characters over their CPU time). The machine's speed drifts by up to a quarter
     * between measurements minutes apart (the first one is taken before the first build, a minute or more earlier),
     * so this is the yardstick of the minutes the build itself ran in. Null where either was not measured.
     */
    private Meter.Figures recogniserAround() {
        Meter.Figures after = find("recogniser alone, 1 thread, after the builds");
        Meter.Figures before = recogniserBeforeLastWarmBuild;
        if (before == null || after == null) return null;
        return new Meter.Figures("recogniser alone, 1 thread, around the last warm build", before.wallNanos() + after.wallNanos(),
                before.cpuNanos() + after.cpuNanos(), 0, before.documents() + after.documents(), before.characters() + after.characters(), 0);
    }

    /** The documents the recogniser alone is measured on, kept for its second measurement ({@link #recogniserAgain}). */
    private List<SourceDocument> recogniserSample = List.of();

    /** The recogniser on one thread over the corpus's lines: the ceiling conversion is compared with. */
    private void recogniserAlone(List<Path> files) {
        out.println("measuring the recogniser alone on one thread");
        ChineseAnnotator recogniser = new ChineseAnnotator();
        List<SourceDocument> sample = new ArrayList<>();
        long chars = 0;
        // up to about a million characters, enough for a steady figure
        for (Path f : files) {
            if (chars > 1_000_000) break;
            try {
                SourceDocument d = Readers.read(f, null);
                sample.add(d);
                chars += d.text().length();
            } catch (ReadException e) {
                // skipped, as the build skips it
            }
        }
        recogniserSample = sample;
        figures.add(recogniserOnThisThread(recogniser, sample, "recogniser alone, 1 thread"));
        int threads = Ordered.threads();
        if (threads <= 1 || sample.size() < 2) return;
        // The same lines on the run's threads, measured as the build is (the process's CPU time): what the
        // recogniser itself makes of the cores, the ceiling of a conversion on them.
        List<java.util.concurrent.Callable<Void>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<SourceDocument> part = new ArrayList<>();
            for (int i = t; i < sample.size(); i += threads) part.add(sample.get(i));
            parts.add(() -> {
                recognise(recogniser, part);
                return null;
            });
        }
        Meter m = Meter.startSettled();
        try {
            Ordered.all(threads, parts);
        } catch (IOException e) {
            return;
        }
        figures.add(m.stop("recogniser alone, " + threads + " threads", sample.size(), chars, 0));
        machineScaling(threads);
    }

    /**
     * The mojibake judge on text it has not seen, against the recogniser on the same lines: the example edition's own
     * sources, each line judged with the judge's memo of windows off, on one thread, the best of five passes after one
     * that compiles. The corpus recombines those sources' paragraphs, so in the build the judge answers most of its
     * windows from the memo; an archive whose documents share little pays what this measures.
     */
    private void unseen(Path exampleSources) {
        List<SourceDocument> docs = new ArrayList<>();
        if (exampleSources == null || !Files.isDirectory(exampleSources)) return;
        try (Stream<Path> list = Files.list(exampleSources)) {
            for (Path p : list.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    docs.add(Readers.read(p, null));
                } catch (ReadException e) {
                    // skipped, as the build skips it
                }
            }
        } catch (IOException e) {
            return;
        }
        if (docs.isEmpty()) return;
        out.println("measuring the mojibake judge on text it has not seen (the example edition's sources, its memo off)");
        ByteShiftMojibakeRepair judge = ByteShiftMojibakeRepair.withoutMemo();
        ChineseAnnotator recogniser = new ChineseAnnotator();
        List<Script> scripts = new ArrayList<>();
        long chars = 0;
        for (SourceDocument d : docs) {
            scripts.add(ScriptDetector.detect(d.text()));
            chars += d.text().length();
        }
        long judging = Long.MAX_VALUE;
        long recognising = Long.MAX_VALUE;
        for (int pass = 0; pass < 6; pass++) {
            long t0 = Meter.threadCpu();
            for (int i = 0; i < docs.size(); i++) {
                List<SourceLine> lines = docs.get(i).lines();
                for (int j = 0; j < lines.size(); j++) {
                    judge.find(lines.get(j).text(), new LineContext(scripts.get(i), j, lines.size(), lines.get(j).hint()));
                }
            }
            long t1 = Meter.threadCpu();
            recognise(recogniser, docs);
            long t2 = Meter.threadCpu();
            if (pass == 0) continue;
            judging = Math.min(judging, t1 - t0);
            recognising = Math.min(recognising, t2 - t1);
        }
        figures.add(new Meter.Figures("mojibake judge, text not seen (example sources, memo off)", judging, judging, 0, docs.size(), chars, 0));
        figures.add(new Meter.Figures("recogniser alone, the same lines", recognising, recognising, 0, docs.size(), chars, 0));
        double times = (double) judging / Math.max(1, recognising);
        extra.put("unseenJudgeCpuSeconds", judging / 1e9);
        extra.put("unseenRecogniserCpuSeconds", recognising / 1e9);
        extra.put("unseenJudgeTimesRecogniser", times);
        out.printf(Locale.ROOT, "the mojibake judge on text it has not seen: %.3f CPU s on the example edition's %d sources (%d characters), "
                + "%.2f x the recogniser's %.3f s on the same lines (the corpus's recurring windows are answered from its memo)%n",
                judging / 1e9, docs.size(), chars, times, recognising / 1e9);
    }

    /** The recogniser over {@code sample}'s lines on the calling thread, as row {@code stage}. */
    private static Meter.Figures recogniserOnThisThread(ChineseAnnotator recogniser, List<SourceDocument> sample, String stage) {
        long chars = 0;
        for (SourceDocument d : sample) chars += d.text().length();
        long cpu0 = Meter.threadCpu();
        long wall0 = System.nanoTime();
        recognise(recogniser, sample);
        return new Meter.Figures(stage, System.nanoTime() - wall0, Meter.threadCpu() - cpu0, 0, sample.size(), chars, 0);
    }

    /**
     * The recogniser alone on one thread again, on the same lines, straight after the warm builds: the machine's speed
     * drifts over the minutes between its first measurement and the last warm build (by up to a third on a shared
     * virtual machine), so the warm build is also compared with this one, taken in the same minute
     * ({@code warmConversionShareOfRecogniserAfterTimesCores}).
     */
    private void recogniserAgain() {
        if (recogniserSample.isEmpty()) return;
        out.println("measuring the recogniser alone on one thread again, after the warm builds");
        if (recogniserBeforeLastWarmBuild != null) figures.add(recogniserBeforeLastWarmBuild);
        figures.add(recogniserOnThisThread(new ChineseAnnotator(), recogniserSample, "recogniser alone, 1 thread, after the builds"));
    }

    /**
     * What the machine itself makes of its cores: a loop sharing nothing with the other threads (integer work on an
     * array of its own that the core's caches hold, no allocation, no lock) timed in its thread's CPU time, on one thread
     * and then on {@code threads} at once. Where cores slow each other down (hyperthreads of one core, a virtual
     * machine's cores on a busy host, a clock that drops with the load), its speed per core falls on {@code threads}:
     * the share below is the most any work, the recogniser's too, can keep of its one-thread speed per core there.
     */
    private void machineScaling(int threads) {
        // compiled first, then sized to about a second on one thread
        long work = spin(2000);
        long t0 = Meter.threadCpu();
        work += spin(2000);
        double per = Math.max(1e-6, (Meter.threadCpu() - t0) / 1e9 / 2000);
        int n = (int) Math.max(100, Math.min(1_000_000, 1.0 / per));
        double one = Double.MAX_VALUE;
        double all = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long c0 = Meter.threadCpu();
            work += spin(n);
            one = Math.min(one, (Meter.threadCpu() - c0) / 1e9);
            List<java.util.concurrent.Callable<Double>> jobs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                jobs.add(() -> {
                    long c = Meter.threadCpu();
                    SPUN.addAndGet(spin(n));
                    return (Meter.threadCpu() - c) / 1e9;
                });
            }
            try {
                double sum = 0;
                for (double d : Ordered.all(threads, jobs)) sum += d;
                all = Math.min(all, sum / threads);
            } catch (IOException e) {
                return;
            }
        }
        SPUN.addAndGet(work);
        double share = 100 * one / all;
        extra.put("machineOneThreadLoopCpuSeconds", one);
        extra.put("machineAllThreadsLoopCpuSecondsPerThread", all);
        extra.put("machineSpeedPerCoreOnAllThreadsShare", share);
        out.printf(Locale.ROOT, "the machine: a loop sharing nothing took %.2f CPU s on one thread, %.2f s per thread on %d at once: %.1f %% of its speed per core%n",
                one, all, threads, share);
    }

    /** Keeps the loop's result, so that the compiler cannot drop the loop. */
    private static final java.util.concurrent.atomic.AtomicLong SPUN = new java.util.concurrent.atomic.AtomicLong();

    private static long spin(int rounds) {
        int[] a = new int[16384];
        long s = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] * 31 + i + r;
                s += a[(i * 7) & 16383];
            }
        }
        return s;
    }

    private static void recognise(ChineseAnnotator recogniser, List<SourceDocument> docs) {
        for (SourceDocument d : docs) {
            Script script = ScriptDetector.detect(d.text());
            for (SourceLine line : d.lines()) {
                try {
                    recogniser.annotate(line.text(), script);
                } catch (RuntimeException | StackOverflowError e) {
                    // no names on that line
                }
            }
        }
    }

    /** One JVM per document, for convert and then for publish: what shell and Ant scripts around the tools do. */
    private void naive(List<Path> files, Path dir, double perDocBatch) throws IOException, InterruptedException {
        int n = Math.min(s.naiveSample(), files.size());
        if (n <= 0 || s.classPath() == null) return;
        out.printf("the naive way on %d documents (one JVM per document and step)%n", n);
        long total = 0;
        for (int i = 0; i < n; i++) {
            Path file = files.get(i * files.size() / n);
            Path one = dir.resolve("doc" + i);
            Files.createDirectories(one);
            long t0 = System.nanoTime();
            run(List.of(s.javaCommand(), "-cp", s.classPath(), "org.jiaokan.cli.Main", "convert", "-q", "-o", one.resolve("tei").toString(), file.toString()));
            run(List.of(s.javaCommand(), "-cp", s.classPath(), "org.jiaokan.cli.Main", "publish", "-q", "-o", one.resolve("site").toString(), one.resolve("tei").toString()));
            total += System.nanoTime() - t0;
        }
        double perDoc = total / 1e9 / n;
        figures.add(new Meter.Figures("naive: 2 JVMs per document", total, 0, 0, n, 0, 0));
        extra.put("naiveSecondsPerDocument", perDoc);
        extra.put("batchSecondsPerDocument", perDocBatch);
        extra.put("batchSpeedupPerDocument", perDocBatch == 0 ? 0 : perDoc / perDocBatch);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
    }

    /** The pages of the documents' PDFs and of {@code edition.pdf} (or its volumes) in a folder: the page objects of each file. */
    static int[] pdfPages(Path folder) throws IOException {
        int[] pages = new int[2];
        if (!Files.isDirectory(folder)) return pages;
        java.util.regex.Pattern page = java.util.regex.Pattern.compile("/Type\\s*/Page(?![a-zA-Z])");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList()) {
                java.util.regex.Matcher m = page.matcher(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
                int n = 0;
                while (m.find()) n++;
                pages[p.getFileName().toString().matches("edition(-[1-9][0-9]*)?\\.pdf") ? 1 : 0] += n;
            }
        }
        return pages;
    }

    /**
     * A build's throughput as a share of the recogniser alone on one thread times the cores the build used: a line
     * beginning with {@code label}, and {@code key} in the JSON. Nothing where either was not measured.
     */
    private void shareOfRecogniser(Meter.Figures build, Meter.Figures rec, String label, String key) {
        if (rec == null || build == null || rec.charsPerCpuSecond() <= 0) return;
        double ceiling = rec.charsPerCpuSecond() * build.cores();
        double share = 100 * build.charsPerSecond() / ceiling;
        extra.put(key, share);
        out.printf(Locale.ROOT, "%s: %.0f chars/s on %.2f cores = %.1f %% of the recogniser's %.0f chars/s x %.2f cores%n",
                label, build.charsPerSecond(), build.cores(), share, rec.charsPerCpuSecond(), build.cores());
    }

    /**
     * A build's CPU time in two parts, each as a multiple of the recogniser alone's CPU time on the build's characters
     * ({@code rec}'s speed): the recognition step (the recogniser on the documents' blocks, in the build's threads) and
     * everything else (the other steps, the JIT, the collector, the run's reduction). The build's share of the
     * recogniser times the cores is one over their sum, so the first part alone bounds it, whatever the rest costs. A
     * line beginning with {@code label}, and {@code key}{@code RecognitionTimesRecogniserAlone} and
     * {@code key}{@code RestTimesRecogniserAlone} in the JSON; nothing where the steps were not measured.
     */
    private void split(Meter.Figures build, Meter.Figures rec, String key, String label) {
        split(build, rec, key, key, label);
    }

    /** As {@link #split(Meter.Figures, Meter.Figures, String, String)}, with the build's steps under {@code stepsKey} and the figures under {@code key}. */
    private void split(Meter.Figures build, Meter.Figures rec, String stepsKey, String key, String label) {
        Double recognition = recognitionCpuSeconds(stepsKey);
        if (build == null || rec == null || rec.charsPerCpuSecond() <= 0 || build.cpuNanos() <= 0 || recognition == null) return;
        double alone = build.characters() / rec.charsPerCpuSecond();
        double cpu = build.cpuNanos() / 1e9;
        double inside = recognition / alone;
        double rest = (cpu - recognition) / alone;
        extra.put(key + "RecognitionTimesRecogniserAlone", inside);
        extra.put(key + "RestTimesRecogniserAlone", rest);
        out.printf(Locale.ROOT, "%s: the recogniser in it %.1f CPU s = %.2f x its %.1f s alone on the corpus's characters, the rest of the build %.1f CPU s = %.2f x;"
                        + " 1 / (%.2f + %.2f) = %.1f %%, at most %.1f %% however little the rest cost%n",
                label, recognition, inside, alone, cpu - recognition, rest, inside, rest, 100 / (inside + rest), 100 / inside);
    }

    /** The CPU seconds of the recognition step of the build whose steps are under {@code stepsKey}; null where they were not measured. */
    private Double recognitionCpuSeconds(String stepsKey) {
        return extra.get(stepsKey + "StepsCpuSeconds") instanceof Map<?, ?> steps && steps.get("recognition") instanceof Double d ? d : null;
    }

    /**
     * The recognition step's part of a build's CPU time: the build's share of the recogniser's throughput times the
     * cores it used, where its recogniser runs at its speed alone. Both times are taken in the same seconds, so the
     * machine's drift, which moves the recogniser measured alone by a third within minutes, cancels out of it. It is
     * that share only where the recogniser runs in the build as fast, per character of the corpus, as alone (the lines
     * above compare the two; the step sees the cleaned blocks, a few per cent fewer characters than the sources' lines
     * the recogniser alone is given); where it runs slower there, this figure is above the build's share. A line
     * beginning with {@code label}, and {@code key}{@code RecognitionShareOfCpu} in the JSON; nothing where the steps
     * were not measured.
     */
    private void recognitionShare(Meter.Figures build, String key, String label) {
        Double recognition = recognitionCpuSeconds(key);
        if (build == null || build.cpuNanos() <= 0 || recognition == null) return;
        double cpu = build.cpuNanos() / 1e9;
        double share = 100 * recognition / cpu;
        extra.put(key + "RecognitionShareOfCpu", share);
        out.printf(Locale.ROOT, "%s: the recognition step took %.1f of the build's %.1f CPU s = %.1f %%, the share of the recogniser x cores"
                        + " the build reaches where its recogniser runs at its speed alone (both taken in the same seconds: the machine's drift cancels out)%n",
                label, recognition, cpu, share);
    }

    /** The table of the figures. */
    public void print() {
        out.println();
        out.printf("%-55s %9s %6s %9s %11s %11s %9s %9s%n", "stage", "seconds", "cores", "docs/s", "chars/s", "chars/s/cpu", "pages/s", "peak MB");
        for (Meter.Figures f : figures) {
            out.printf(Locale.ROOT, "%-55s %9.2f %6.2f %9.1f %11.0f %11.0f %9s %9s%n", f.stage(), f.seconds(), f.cores(), f.docsPerSecond(),
                    f.charsPerSecond(), f.charsPerCpuSecond(), f.pages() == 0 ? "" : String.format(Locale.ROOT, "%.1f", f.pagesPerSecond()),
                    f.peakHeapBytes() == 0 ? "" : String.valueOf(f.peakHeapBytes() >> 20));
        }
        Meter.Figures rec = find("recogniser alone, 1 thread");
        Meter.Figures build = find("build (convert all)");
        Meter.Figures warm = find("build (convert all, warm)");
        Meter.Figures recAfter = find("recogniser alone, 1 thread, after the builds");
        shareOfRecogniser(build, rec, "conversion", "conversionShareOfRecogniserTimesCores");
        shareOfRecogniser(warm, rec, "conversion, warm", "warmConversionShareOfRecogniserTimesCores");
        String warmAfter = "conversion, warm, against the recogniser measured after it";
        shareOfRecogniser(warm, recAfter, warmAfter, "warmConversionShareOfRecogniserAfterTimesCores");
        String warmAround = "conversion, warm, against the recogniser measured around it (just before it and after the builds)";
        Meter.Figures recAround = recogniserAround();
        shareOfRecogniser(warm, recAround, warmAround, "warmConversionShareOfRecogniserAroundTimesCores");
        split(build, rec, "build", "conversion");
        split(warm, recAfter, "warmBuild", warmAfter);
        split(warm, recAround, "warmBuild", "warmBuildAround", warmAround);
        recognitionShare(warm, "warmBuild", "conversion, warm, in the build's own seconds");
        Meter.Figures recAll = figures.stream().filter(f -> f.stage().startsWith("recogniser alone, ") && f.stage().endsWith(" threads"))
                .findFirst().orElse(null);
        if (recAll != null && build != null && recAll.charsPerCpuSecond() > 0) {
            double same = 100 * build.charsPerCpuSecond() / recAll.charsPerCpuSecond();
            extra.put("conversionShareOfRecogniserOnTheSameThreads", same);
            out.printf(Locale.ROOT, "conversion: %.0f chars per CPU second = %.1f %% of the recogniser's %.0f on %s (the process's CPU time in both)%n",
                    build.charsPerCpuSecond(), same, recAll.charsPerCpuSecond(), recAll.stage().substring("recogniser alone, ".length()));
        }
        if (rec != null && build != null && rec.charsPerCpuSecond() > 0 && extra.get("buildJitCpuSeconds") instanceof Double jit
                && extra.get("buildGcCpuSeconds") instanceof Double gc) {
            double cpu = build.cpuNanos() / 1e9;
            double rest = Math.max(1e-9, cpu - jit - gc);
            double share = 100 * build.characters() / rest / rec.charsPerCpuSecond();
            extra.put("conversionShareWithoutJitAndGc", share);
            out.printf(Locale.ROOT, "build: %.1f CPU seconds, of which JIT compilation %.1f and garbage collection %.1f; without them %.1f %% of the recogniser x cores%n",
                    cpu, jit, gc, share);
        }
        if (changedRound != null) {
            out.printf(Locale.ROOT, "round after one change: %.1f CPU seconds, of which JIT compilation %.1f and garbage collection %.1f%n",
                    changedRound.figures().cpuNanos() / 1e9, changedRound.jitCpuSeconds(), changedRound.gcCpuSeconds());
        }
        if (extra.containsKey("batchSpeedupPerDocument")) {
            out.printf(Locale.ROOT, "naive way: %.2f s per document; batch build and publish: %.4f s per document; %.0fx faster%n",
                    (Double) extra.get("naiveSecondsPerDocument"), (Double) extra.get("batchSecondsPerDocument"),
                    (Double) extra.get("batchSpeedupPerDocument"));
        }
        for (Meter.Figures f : figures) {
            if (f.stage().startsWith("publish pdf") && f.pages() > 0 && f.cpuNanos() > 0) {
                // On a shared machine the wall clock says little: pages per second of CPU time, and on all cores.
                out.printf(Locale.ROOT, "%s: %d pages (documents %s, edition %s), %.1f pages per CPU second (%.1f pages/s with %d free cores)%n",
                        f.stage(), f.pages(), extra.get("pdfDocumentPages"), extra.get("pdfEditionPages"), f.pages() / (f.cpuNanos() / 1e9),
                        Runtime.getRuntime().availableProcessors() * f.pages() / (f.cpuNanos() / 1e9), Runtime.getRuntime().availableProcessors());
            }
        }
        out.printf(Locale.ROOT, "load average: %.2f before, %.2f after (%s cores)%n", (Double) extra.get("loadAverageBefore"),
                (Double) extra.getOrDefault("loadAverageAfter", -1.0), extra.get("cores"));
        out.printf(Locale.ROOT, "heap: %d MB at most; collectors: %s; idle compiled code thrown away: %s%n",
                Runtime.getRuntime().maxMemory() >> 20, collectors(), codeCacheFlushing());
    }

    /** The JVM's option UseCodeCacheFlushing ("true", "false"), or "unknown" where the JVM has no such option. */
    static String codeCacheFlushing() {
        try {
            return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseCodeCacheFlushing").getValue();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** The JVM's collectors, by name ("PS Scavenge, PS MarkSweep" for the throughput collector, "G1 …" for G1). */
    private static String collectors() {
        return String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    }

    private Meter.Figures find(String stage) {
        return figures.stream().filter(f -> f.stage().equals(stage)).findFirst().orElse(null);
    }

    /** Extra figures from elsewhere (the search comparison), kept in the JSON. */
    public void put(String key, Object value) {
        extra.put(key, value);
    }

    /** The figures as JSON. */
    public String json() {
        StringBuilder sb = new StringBuilder("{\n  \"stages\": [\n");
        for (int i = 0; i < figures.size(); i++) {
            Meter.Figures f = figures.get(i);
            sb.append(String.format(Locale.ROOT, "    {\"stage\": %s, \"seconds\": %.3f, \"cpuSeconds\": %.3f, \"cores\": %.3f, "
                            + "\"documents\": %d, \"characters\": %d, \"pages\": %d, \"docsPerSecond\": %.2f, \"charsPerSecond\": %.0f, "
                            + "\"charsPerCpuSecond\": %.0f, \"pagesPerSecond\": %.2f, \"pagesPerCpuSecond\": %.2f, \"peakHeapBytes\": %d}%s%n",
                    quote(f.stage().strip()), f.seconds(), f.cpuNanos() / 1e9, f.cores(), f.documents(), f.characters(), f.pages(),
                    f.docsPerSecond(), f.charsPerSecond(), f.charsPerCpuSecond(), f.pagesPerSecond(),
                    f.cpuNanos() <= 0 ? 0.0 : f.pages() / (f.cpuNanos() / 1e9), f.peakHeapBytes(),
                    i + 1 < figures.size() ? "," : ""));
        }
        sb.append("  ]");
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            sb.append(",\n  ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
        }
        return sb.append("\n}\n").toString();
    }

    private static String value(Object v) {
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.4f", d);
        if (v instanceof Number) return v.toString();
        if (v instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().toString())).forEach(e -> {
                if (sb.length() > 1) sb.append(", ");
                sb.append(quote(e.getKey().toString())).append(": ").append(value(e.getValue()));
            });
            return sb.append("}").toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : list) sb.append(sb.length() > 1 ? ", " : "").append(value(o));
            return sb.append("]").toString();
        }
        if (v == null) return "null";
        return v instanceof String str && str.startsWith("{") ? str : quote(v.toString());
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** Removes everything in {@code dir} but the lock of the run that holds it. */
    static void clearKeepingLock(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            FileTrees.delete(dir);
            return;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                if (!p.getFileName().toString().equals(org.jiaokan.io.OutputLock.NAME)) FileTrees.delete(p);
            }
        }
    }

    /** Progress and problems of the build are not shown: the bench prints its own figures. */
    private static final class Quiet implements Conversion.Listener {
        final AtomicLong failed = new AtomicLong();

        @Override
        public void converted(int done, int total, Path input, TeiFiles.Outcome outcome) {}

        @Override
        public void failed(Path input, String reason) { failed.incrementAndGet(); }
    }
}
