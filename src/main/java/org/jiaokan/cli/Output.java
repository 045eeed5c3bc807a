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
        System.err.println("jiaokan: error: " + oneLine(message));
    }

    /** {@code jiaokan: notice: message}. */
    static void notice(String message) {
        System.err.println("jiaokan: notice: " + oneLine(message));
    }

    /**
     * {@code s} on one line: a line end or other control character (from a file's name: a name may hold any byte
     * but {@code /}) written as an escape ({@code \n}, {@code \u001B}), so that no name breaks its line in two or
     * makes a line of its own that reads like the tool's.
     */
    static String oneLine(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F;
            if (!control) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
        }
        return b == null ? s : b.toString();
    }

    @Override
    public void converted(int done, int total, Path input, TeiFiles.Outcome outcome) {
        if (terminal && !quiet) {
            System.err.printf("\r[%d/%d] %s%s", done, total, oneLine(String.valueOf(input.getFileName())), done == total ? "\n" : "\033[K");
        }
        if (!quiet && !outcome.keptUnits().isEmpty()) {
            System.err.println((terminal ? "\r" : "") + "jiaokan: " + oneLine(outcome.file().getFileName()
                    + ": kept the editor's version of " + String.join(", ", outcome.keptUnits())));
        }
    }

    @Override
    public void warned(Path input, String message) {
        if (quiet) return;
        if (terminal) System.err.print("\r\033[K");
        System.err.println("jiaokan: warning: " + oneLine(input + ": " + message));
    }

    @Override
    public void noticed(Path file, String message) {
        if (terminal && !quiet) System.err.print("\r\033[K");
        notice(file + ": " + message);
    }

    @Override
    public void failed(Path input, String reason) {
        if (terminal && !quiet) System.err.print("\r\033[K");
        error(input + ": " + reason);
    }
}
