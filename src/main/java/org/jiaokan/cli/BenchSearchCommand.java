package org.jiaokan.cli;

import org.jiaokan.publish.search.SearchBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jiaokan bench search}: our static search index against Pagefind on the same generated pages. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Generates Chinese pages (the example edition's paragraphs recombined with varied names, half of "
                + "them in traditional script), indexes them with Jiaokan's search index and with Pagefind "
                + "(npm `pagefind`, installed into the tools folder when absent), runs a fixed list of queries "
                + "(names, two-character words, mid-word substrings, phrases, queries in the other script) through "
                + "both engines' own search code under node, and prints side by side: index build time, peak "
                + "memory, index bytes, recall and false hits against the pages that contain each query in either "
                + "script. Also writes the figures as JSON."})
final class BenchSearchCommand implements Callable<Integer> {

    @Option(names = "--docs", paramLabel = "N", defaultValue = "3000", description = "Pages to generate (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench-search",
            description = "Working folder for pages and indexes, emptied first (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--tools", paramLabel = "DIR", defaultValue = "target/bench-tools",
            description = "Where Pagefind is (or gets) installed with npm (default: ${DEFAULT-VALUE}).")
    Path tools;

    @Option(names = "--edition", paramLabel = "DIR", defaultValue = "tei/docs",
            description = "TEI whose paragraphs the pages recombine (default: ${DEFAULT-VALUE}; invented text when absent).")
    Path edition;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the figures (default: WORK/bench-search.json).")
    Path json;

    @Option(names = "--seed", defaultValue = "9", description = "Seed of the page generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-pagefind", description = "Measure Jiaokan's index only.")
    boolean noPagefind;

    @Override
    public Integer call() throws Exception {
        return run(System.out);
    }

    int run(PrintStream out) throws IOException, InterruptedException {
        if (docs < 1) {
            Output.error("--docs must be at least 1");
            return 2;
        }
        Path searchJs = searchJs(work);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        SearchBench bench = new SearchBench(work, docs, seed, out);
        List<SearchBench.EngineResult> results = bench.run(edition, searchJs, tools, java,
                absoluteClassPath(), !noPagefind);
        bench.print(results);
        Path file = json != null ? json : work.resolve("bench-search.json");
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, bench.json(results), StandardCharsets.UTF_8);
        out.println("figures written to " + file);
        return 0;
    }

    /** The class path with absolute entries: the indexer's child JVM runs in the working folder. */
    static String absoluteClassPath() {
        StringBuilder sb = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.isEmpty()) continue;
            if (sb.length() > 0) sb.append(java.io.File.pathSeparator);
            sb.append(Path.of(e).toAbsolutePath());
        }
        return sb.toString();
    }

    /** site/js/search.js of the working copy, else the copy bundled in the jar (written next to the pages). */
    static Path searchJs(Path work) throws IOException {
        Path local = Path.of("site", "js", "search.js");
        if (Files.isRegularFile(local)) return local;
        try (InputStream in = BenchSearchCommand.class.getResourceAsStream("/org/jiaokan/site/js/search.js")) {
            if (in == null) return null;
            Path tmp = Files.createTempFile("jiaokan-search", ".js");
            tmp.toFile().deleteOnExit();
            Files.write(tmp, in.readAllBytes());
            return tmp;
        }
    }
}
