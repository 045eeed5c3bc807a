package org.jiaokan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code jiaokan bench}: measurements of the toolkit's stages against gold data. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures a stage against gold data.",
        subcommands = {BenchNerCommand.class, BenchSearchCommand.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
