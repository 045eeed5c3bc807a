package org.jiaokan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jiaokan} command line: a thin layer over the pipeline stages. */
@Command(name = "jiaokan", mixinStandardHelpOptions = true, version = "jiaokan 0.1.0",
        description = "Raw documents to a citable scholarly edition (TEI P5).")
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
