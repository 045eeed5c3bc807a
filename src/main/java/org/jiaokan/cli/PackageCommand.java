package org.jiaokan.cli;

import org.jiaokan.deposit.BagPackager;
import org.jiaokan.deposit.EditionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jiaokan package}: the edition as a BagIt bag for an archive. */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"Packages an edition as a BagIt 1.0 bag for an archive: data/sources/ (the raw sources), data/tei/ "
                + "(edition.xml, docs/ with the registers, schema/) and data/site/ (the published output), with SHA-256 and "
                + "SHA-512 manifests and tag manifests and a bag-info.txt from the edition's metadata.",
                "The published folder is taken from --site; when it does not exist, the edition is published first into a "
                + "temporary folder. The same inputs give the same manifests and bag-info.txt."})
final class PackageCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EDITION_DIR", arity = "0..1", defaultValue = "tei",
            description = "The edition folder (default: ${DEFAULT-VALUE}).")
    Path editionDir;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "The bag folder (default: target/package/NAME-VERSION-bag, NAME from the edition's URI). "
                    + "An existing bag there is replaced; any other existing folder is not.")
    Path out;

    @Option(names = "--site", paramLabel = "DIR", defaultValue = "target/site",
            description = "The published output to deposit (default: ${DEFAULT-VALUE}); published afresh when absent.")
    Path site;

    @Option(names = {"-q", "--quiet"}, description = "No summary; errors only.")
    boolean quiet;

    @Override
    public Integer call() {
        Path bag = out;
        if (bag == null) {
            Path editionXml = editionDir.resolve("edition.xml");
            if (!Files.isRegularFile(editionXml)) {
                Output.error(editionDir + ": not an edition folder (no edition.xml)");
                return 2;
            }
            try {
                bag = BagPackager.defaultBag(Path.of("target", "package"), editionDir, EditionInfo.read(editionXml));
            } catch (IOException e) {
                Output.error(editionXml + ": " + e.getMessage());
                return 2;
            }
        }
        BagPackager.Result r;
        // The bag is made beside BAG and moved into place: the folder that holds it is the output folder.
        Path parent = bag.toAbsolutePath().normalize().getParent();
        try (org.jiaokan.io.OutputLock lock = org.jiaokan.io.OutputLock.acquire(parent, "package")) {
            r = BagPackager.pack(editionDir, site, bag);
        } catch (org.jiaokan.io.OutputLock.LockedException e) {
            Output.error(e.getMessage());
            return 2;
        } catch (BagPackager.PackageException e) {
            Output.error(e.getMessage());
            return 2;
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            // The lock's own messages name the folder already.
            Output.error(m.startsWith(parent + ": ") ? m : bag + ": " + m);
            return 2;
        }
        r.notices().forEach(Output::notice);
        r.errors().forEach(Output::error);
        if (!r.ok()) {
            Output.error(bag + ": not written" + (r.publishing() ? ": the edition could not be published in full" : ""));
            return 1;
        }
        if (!quiet) System.out.printf("jiaokan: packaged %s: %d payload files, %d bytes%n", bag, r.files(), r.bytes());
        return 0;
    }
}
