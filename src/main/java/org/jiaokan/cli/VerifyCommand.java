package org.jiaokan.cli;

import org.jiaokan.deposit.BagChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code jiaokan verify}: a bag's completeness and fixity, every failing file named. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks a BagIt bag: every file its manifests list is present and matches its checksum under every "
                + "algorithm, every payload file is listed, the tag manifests match and Payload-Oxum agrees.",
                "Each failing file is one line, jiaokan: error: BAG/FILE: reason. Exit code 0 when the bag is valid, "
                + "1 when it is not, 2 when BAG is not a bag."})
final class VerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "BAG", description = "The bag folder.")
    Path bag;

    @Override
    public Integer call() {
        BagChecker.Report r;
        try {
            r = BagChecker.check(bag);
        } catch (BagChecker.NotABagException e) {
            Output.error(bag + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            Output.error(bag + ": " + e.getMessage());
            return 1;
        }
        String base = bag.toString().replaceAll("/+$", "");
        for (BagChecker.Problem p : r.problems()) Output.error(base + (p.file().isEmpty() ? "" : "/" + p.file()) + ": " + p.reason());
        if (!r.ok()) return 1;
        System.out.printf("jiaokan: %s: valid bag: %d payload files, %d bytes, %s verified%n", bag, r.files(), r.bytes(),
                String.join(" and ", r.algorithms()));
        return 0;
    }
}
