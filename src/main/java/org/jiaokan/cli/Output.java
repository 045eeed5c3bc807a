package org.jiaokan.cli;

import org.jiaokan.edition.Conversion;
import org.jiaokan.edition.TeiFiles;

import java.nio.file.Path;

/** How the command line talks: one line per error on stderr, progress only on a terminal. */
final class Output implements Conversion.Listener {
    private final boolean terminal = System.console() != null;
    private final boolean quiet;

    Output(boolean quiet) {
        this.quiet = quiet;
    }

    /** {@code jiaokan: error: FILE: reason}, or {@code jiaokan: error: reason}. */
    static void error(String message) {
        System.err.println("jiaokan: error: " + message);
    }

    @Override
    public void converted(int done, int total, Path input, TeiFiles.Outcome outcome) {
        if (terminal && !quiet) {
            System.err.printf("\r[%d/%d] %s%s", done, total, input.getFileName(), done == total ? "\n" : "\033[K");
        }
        if (!quiet && !outcome.keptUnits().isEmpty()) {
            System.err.println((terminal ? "\r" : "") + "jiaokan: " + outcome.file().getFileName()
                    + ": kept the editor's version of " + String.join(", ", outcome.keptUnits()));
        }
    }

    @Override
    public void warned(Path input, String message) {
        if (quiet) return;
        if (terminal) System.err.print("\r\033[K");
        System.err.println("jiaokan: warning: " + input + ": " + message);
    }

    @Override
    public void noticed(Path file, String message) {
        if (terminal && !quiet) System.err.print("\r\033[K");
        System.err.println("jiaokan: notice: " + file + ": " + message);
    }

    @Override
    public void failed(Path input, String reason) {
        if (terminal && !quiet) System.err.print("\r\033[K");
        error(input + ": " + reason);
    }
}
