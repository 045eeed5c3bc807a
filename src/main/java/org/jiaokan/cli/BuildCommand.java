package org.jiaokan.cli;

import org.jiaokan.edition.EditionBuilder;
import org.jiaokan.edition.EditionHeader;
import org.jiaokan.edition.TeiFiles;
import org.jiaokan.edition.Toolkit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jiaokan build}: the whole edition from its sources. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds an edition folder: converts every file in EDITION_DIR/sources/ into EDITION_DIR/docs/*.xml, "
                + "updates EDITION_DIR/docs/registers.xml and the document list in EDITION_DIR/edition.xml, and checks "
                + "every TEI file against Jiaokan's schema.",
                "Editors' corrections in existing TEI files are kept.", "Then publishes the edition as an HTML site (see publish)."})
final class BuildCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EDITION_DIR", arity = "0..1", defaultValue = "tei",
            description = "The edition folder (default: ${DEFAULT-VALUE}, the example edition).")
    Path editionDir;

    @Option(names = {"-o", "--site"}, paramLabel = "DIR", defaultValue = "target/site",
            description = "Where the edition's HTML site is published after the build (default: ${DEFAULT-VALUE}).")
    Path siteDir;

    @Option(names = "--no-site", description = "Build the TEI only; do not publish the site.")
    boolean noSite;

    @Option(names = "--formats", split = ",", paramLabel = "FORMAT",
            description = "Output formats of the publication, comma-separated (default: all; see publish).")
    java.util.List<String> formats;

    @Option(names = "--no-cache", description = "Convert every source again, neither using nor updating the cache in "
            + "EDITION_DIR/.jiaokan/cache (which keeps what the recogniser made of each unchanged source), and publish "
            + "every output again without the publish manifest (see publish --no-cache).")
    boolean noCache;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary; errors only.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        EditionBuilder.Result r;
        if (!java.nio.file.Files.isDirectory(editionDir)) {
            Output.error(editionDir + ": not an edition folder (no " + EditionBuilder.HEADER + ")");
            return 2;
        }
        try (org.jiaokan.io.OutputLock lock = org.jiaokan.io.OutputLock.acquire(editionDir, "build")) {
            r = new EditionBuilder(Toolkit.get()).withCache(!noCache).build(editionDir, new Output(quiet));
        } catch (EditionHeader.EditionException | java.io.IOException e) {
            Output.error(e.getMessage());
            return 2;
        }
        r.duplicateIds().forEach(d -> Output.error(editionDir.resolve(EditionBuilder.HEADER) + ": " + d));
        r.skipped().forEach(p -> System.err.println("jiaokan: notice: " + p + " is not a file; skipped"));
        r.orphans().forEach(p -> System.err.println("jiaokan: notice: " + p + " has no source in "
                + editionDir.resolve(EditionBuilder.SOURCES) + " any more; it is kept but no longer listed in edition.xml"));
        if (!quiet) {
            long written = r.conversion().outcomes().stream().filter(TeiFiles.Outcome::written).count();
            System.out.printf("jiaokan: built %s: %d documents (%d changed; %d converted, %d from cache), %d failed, registers in %s%n",
                    editionDir, r.conversion().outcomes().size(), written, r.cache().converted(), r.cache().fromCache(),
                    r.conversion().failures().size(), r.conversion().registers());
        }
        if (noSite) return r.ok() ? 0 : 1;
        int site = PublishCommand.publish(java.util.List.of(editionDir), siteDir, 
                new java.util.LinkedHashSet<>(formats == null ? org.jiaokan.publish.Publisher.FORMATS : formats), quiet, !noCache);
        return r.ok() && site == 0 ? 0 : Math.max(1, site);
    }
}
