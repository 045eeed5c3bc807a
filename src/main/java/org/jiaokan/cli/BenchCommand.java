package org.jiaokan.cli;

import org.jiaokan.bench.PipelineBench;
import org.jiaokan.publish.search.SearchBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code jiaokan bench}: the whole pipeline on a generated corpus, stage by stage, against the naive way
 * and Pagefind; {@code bench ner} and {@code bench search} measure one stage against gold data.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a corpus of N documents (the example edition's paragraphs recombined, with other names, "
                + "dates and script, as text, HTML and DOCX) and measures on it: each per-document stage (decode, clean, "
                + "recognition, conversion, TEI writing) in documents and characters per second, the recogniser alone on one "
                + "thread, the edition build, every publish format (cold and warm) in pages per second, peak heap and cores "
                + "used; then the naive way (one JVM per document for convert and for publish) on a sample, and the search "
                + "index against Pagefind. Prints a table and writes the figures as JSON.",
                "The subcommands measure one stage against gold data."},
        subcommands = {BenchNerCommand.class, BenchSearchCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--docs", paramLabel = "N", defaultValue = "2000", description = "Documents to generate (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--seed", defaultValue = "13", description = "Seed of the corpus generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench",
            description = "Working folder (corpus, edition, site), emptied first (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the figures (default: WORK/bench.json).")
    Path json;

    @Option(names = "--example", paramLabel = "DIR", defaultValue = "tei",
            description = "The edition whose sources, register and header the corpus is made from (default: ${DEFAULT-VALUE}).")
    Path example;

    @Option(names = "--naive", paramLabel = "N", defaultValue = "3",
            description = "Documents converted and published the naive way, one JVM each (default: ${DEFAULT-VALUE}; 0 skips).")
    int naive;

    @Option(names = "--search-docs", paramLabel = "N", defaultValue = "0",
            description = "Pages for the search comparison with Pagefind (default: as --docs; 0 with --no-search skips).")
    int searchDocs;

    @Option(names = "--no-search", description = "Skip the search comparison.")
    boolean noSearch;

    @Option(names = "--no-pagefind", description = "Measure Jiaokan's search index without Pagefind.")
    boolean noPagefind;

    @Option(names = "--stages", paramLabel = "LIST", split = ",",
            description = "Parts to run, any of convert (the per-document stages, the recogniser alone, the build), incremental, "
                    + "publish, naive (with publish), search (default: all). The corpus is always generated, and the build "
                    + "always runs before incremental, publish and naive.")
    List<String> stages;

    @Option(names = "--formats", paramLabel = "LIST", split = ",",
            description = "Publish formats to measure, e.g. pdf (default: every format).")
    Set<String> formats;

    @Option(names = "--warm-rounds", paramLabel = "N", defaultValue = "" + PipelineBench.Settings.DEFAULT_WARM_ROUNDS,
            description = "Warm rounds of each publish format, and warm builds with convert, at most: they repeat until one is less "
                    + "than 3 %% faster than the one before (the JIT has settled); the last is the warm figure (default: ${DEFAULT-VALUE}).")
    int warmRounds;

    @Option(names = "--tools", paramLabel = "DIR", defaultValue = "target/bench-tools",
            description = "Where Pagefind is (or gets) installed with npm (default: ${DEFAULT-VALUE}).")
    Path tools;

    @Override
    public Integer call() throws Exception {
        return run(System.out);
    }

    int run(PrintStream out) throws Exception {
        if (docs < 1) {
            Output.error("--docs must be at least 1");
            return 2;
        }
        if (warmRounds < 1) {
            Output.error("--warm-rounds must be at least 1");
            return 2;
        }
        if (formats != null) {
            for (String f : formats) {
                if (!org.jiaokan.publish.Publisher.FORMATS.contains(f)) {
                    Output.error("--formats: unknown format " + f + " (known: " + String.join(", ", org.jiaokan.publish.Publisher.FORMATS) + ")");
                    return 2;
                }
            }
        }
        Path header = example.resolve("edition.xml");
        if (!Files.isRegularFile(header)) {
            Output.error(example + ": not an edition folder (no edition.xml)");
            return 2;
        }
        Set<String> parts = new TreeSet<>(PipelineBench.Settings.ALL);
        parts.add("search");
        if (stages != null) {
            Set<String> known = parts;
            parts = new TreeSet<>();
            for (String part : stages) {
                String p = part.strip();
                if (!known.contains(p)) {
                    Output.error("--stages: unknown part " + p + " (known: " + String.join(", ", known) + ")");
                    return 2;
                }
                parts.add(p);
            }
        }
        try (org.jiaokan.io.OutputLock lock = org.jiaokan.io.OutputLock.acquire(work, "bench")) {
            return measure(out, header, parts);
        } catch (org.jiaokan.io.OutputLock.LockedException e) {
            Output.error(e.getMessage());
            return 2;
        }
    }

    private int measure(PrintStream out, Path header, Set<String> parts) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        PipelineBench bench = new PipelineBench(new PipelineBench.Settings(work, docs, seed, example.resolve("sources"),
                example.resolve("docs").resolve("registers.xml"), header, naive, java, BenchSearchCommand.absoluteClassPath(),
                Set.copyOf(parts), formats == null || formats.isEmpty() ? null : Set.copyOf(formats), warmRounds), out);
        bench.run();
        if (!noSearch && parts.contains("search")) {
            int pages = searchDocs > 0 ? searchDocs : docs;
            Path searchWork = work.resolve("search");
            out.printf("search index against Pagefind on %d pages%n", pages);
            SearchBench search = new SearchBench(searchWork, pages, seed, out);
            List<SearchBench.EngineResult> results = search.run(example.resolve("docs"), BenchSearchCommand.searchJs(searchWork),
                    tools, java, BenchSearchCommand.absoluteClassPath(), !noPagefind);
            search.print(results);
            bench.put("search", search.json(results));
        }
        bench.print();
        Path file = json != null ? json : work.resolve("bench.json");
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, bench.json(), StandardCharsets.UTF_8);
        out.println("figures written to " + file);
        return 0;
    }
}
