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
                "Editors' corrections in existing TEI files are kept.", "Then publishes the edition as an HTML site (see publish).",
                "With --watch, keeps running and builds again (with its caches) each time a file of the edition folder changes."})
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

    @Option(names = "--watch", description = "After the build, watch the edition folder (its sources, TEI, edition.xml and "
            + "theme; not its dot-folders) and build and publish again each time a file there changes, redoing only what "
            + "the change affects, until stopped (Ctrl-C). One JVM serves every round, so a round after a one-document "
            + "change takes seconds where a new run also loads and compiles the code.")
    boolean watch;

    /** How long the file system must be quiet before a round starts: a save, or a copy of many files, is one change. */
    static final long QUIET_MILLIS = 300;

    @Override
    public Integer call() throws Exception {
        if (watch && noCache) {
            Output.error("--watch builds again with the caches: it cannot be given with --no-cache");
            return 2;
        }
        int status = once();
        if (!watch || status == 2 && !java.nio.file.Files.isDirectory(editionDir)) return status;
        try (org.jiaokan.edition.EditionWatch w = new org.jiaokan.edition.EditionWatch(editionDir, noSite ? java.util.List.of() : java.util.List.of(siteDir))) {
            while (true) {
                System.out.println("jiaokan: watching " + editionDir + " for changes (Ctrl-C stops)");
                System.out.flush();
                java.util.List<String> changed = w.next(QUIET_MILLIS, 0);
                System.out.println("jiaokan: changed: " + String.join(", ", changed.size() <= 5 ? changed : changed.subList(0, 5))
                        + (changed.size() > 5 ? " and " + (changed.size() - 5) + " more" : ""));
                long t0 = System.nanoTime();
                status = once();
                // What the build itself writes is not a change; a source or the theme changed meanwhile is.
                w.settle(rel -> rel.startsWith(EditionBuilder.DOCS + "/") || rel.equals(EditionBuilder.HEADER));
                System.out.printf(java.util.Locale.ROOT, "jiaokan: built again in %.2f s%s%n", (System.nanoTime() - t0) / 1e9,
                        status == 0 ? "" : " (with errors, above)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return status;
        }
    }

    /** One build, and its publication unless --no-site: 0 when all went well, 1 when some input failed, 2 when the build could not run. */
    private int once() {
        EditionBuilder.Result r;
        if (!java.nio.file.Files.isDirectory(editionDir)) {
            Output.error(editionDir + ": not an edition folder (no " + EditionBuilder.HEADER + ")");
            return 2;
        }
        // The site's stylesheets are compiled on a core the build leaves free (all of it, after a change of a few documents).
        if (!noSite && (formats == null || formats.contains("html"))) org.jiaokan.publish.Publisher.compileSiteAhead(editionDir);
        try (org.jiaokan.io.OutputLock lock = org.jiaokan.io.OutputLock.acquire(editionDir, "build")) {
            r = new EditionBuilder(Toolkit.get()).withCache(!noCache).build(editionDir, new Output(quiet));
        } catch (EditionHeader.EditionException | java.io.IOException e) {
            Output.error(e.getMessage());
            return 2;
        }
        r.duplicateIds().forEach(d -> Output.error(editionDir.resolve(EditionBuilder.HEADER) + ": " + d));
        r.skipped().forEach(p -> Output.notice(p + " is not a file; skipped"));
        r.orphans().forEach(p -> Output.notice(p + " has no source in "
                + editionDir.resolve(EditionBuilder.SOURCES) + " any more; it is kept but no longer listed in edition.xml"
                + " (it is still published with the folder's other documents: remove it from " + editionDir.resolve("docs") + " to withdraw it)"));
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
