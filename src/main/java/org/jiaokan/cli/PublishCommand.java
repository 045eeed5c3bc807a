package org.jiaokan.cli;

import org.jiaokan.publish.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code jiaokan publish}: a static HTML site from TEI. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publishes TEI as a static HTML site: one page per document (in its script and converted to the other), "
                + "one page per register entry, the document list, the register indexes, an about page, the search page and a sitemap.",
                "Inputs are TEI files or folders: an edition folder (edition.xml, docs/, sources/), the output of convert "
                + "(TEI files and registers.xml), or any TEI. An edition's site/ folder overrides files of the bundled theme."})
final class PublishCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEI", arity = "1..*", description = "TEI files or folders.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "target/site",
            description = "The site folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "Output formats, comma-separated: any of ${COMPLETION-CANDIDATES} (default: all).",
            completionCandidates = Formats.class)
    List<String> formats;

    /** The formats {@code publish} knows, for the help text. */
    static final class Formats extends java.util.ArrayList<String> {
        Formats() { super(Publisher.FORMATS); }
    }

    @Option(names = {"-q", "--quiet"}, description = "No summary; errors only.")
    boolean quiet;

    @Option(names = "--no-cache", description = "Make every output again, neither using nor updating the publish manifest "
            + "(kept beside the output folder DIR in .DIR.jiaokan/, it lets a run skip the outputs whose inputs are unchanged).")
    boolean noCache;

    @Override
    public Integer call() throws Exception {
        return publish(inputs, out, formats == null ? new LinkedHashSet<>(Publisher.FORMATS) : new LinkedHashSet<>(formats), quiet,
                !noCache);
    }

    /** Publishes and reports: one error line per file that failed; exit code 1 if any did. */
    static int publish(List<Path> inputs, Path out, Set<String> formats, boolean quiet, boolean incremental) {
        Publisher.Result r;
        try (org.jiaokan.io.OutputLock lock = org.jiaokan.io.OutputLock.acquire(out, "publish")) {
            r = new Publisher(new Publisher.Options(out, formats, null, 0, incremental)).publish(inputs);
        } catch (java.io.IOException e) {
            Output.error(e.getMessage());
            return 2;
        }
        r.errors().forEach(Output::error);
        if (!quiet) {
            System.out.printf("jiaokan: published %d documents, %d pages in %s (%.1f pages/s)%n", r.documents(), r.pages(), out,
                    r.millis() == 0 ? 0.0 : r.pages() * 1000.0 / r.millis());
        }
        return r.ok() ? 0 : 1;
    }
}
