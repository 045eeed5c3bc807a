package org.jiaokan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code jiaokan} command line: a thin layer over the pipeline stages. */
@Command(name = "jiaokan", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns raw documents into a citable scholarly edition: TEI P5 with metadata, "
                + "editorial interventions and annotations.",
        subcommands = {ConvertCommand.class, ValidateCommand.class, BuildCommand.class, PublishCommand.class, ServeCommand.class, PackageCommand.class, VerifyCommand.class, NerCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        // Apache POI logs through Log4j's API; without a provider it complains on stderr. Jiaokan reports its own errors.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        // `bench --stages search` names a stage, not the subcommand `bench search`.
        cl.setAllowSubcommandsAsOptionParameters(true);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Output.error(ex.getMessage() == null ? ex.toString() : ex.getMessage());
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // What the run held is unreachable once the error has come up here: one line, not a stack trace.
            Output.error("out of memory: the Java heap (" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB) is too small for this run; give Java more, e.g. JIAOKAN_JAVA_OPTS=-Xmx4g");
            return 2;
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The version shown by --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"jiaokan " + org.jiaokan.edition.Toolkit.VERSION};
        }
    }
}
