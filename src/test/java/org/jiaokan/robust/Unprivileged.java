package org.jiaokan.robust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How to run the command line so that file permissions hold: as a plain user, directly; as root (CI runs
 * as root, and root reads a mode-000 file and writes into a read-only folder), under
 * {@code setpriv --inh-caps=-all --bounding-set=-all}, which keeps the user but drops every capability,
 * so that root is refused as its files' modes say. Null when neither works (no setpriv, or it may not
 * drop capabilities here): the tests that need it skip with {@link #WHY}.
 */
final class Unprivileged {
    private Unprivileged() {}

    static final String WHY = "skipped: running as root, and setpriv cannot drop root's capabilities here (util-linux's setpriv is needed)";

    private static List<String> prefix;
    private static boolean probed;

    /** The command's prefix ({@code []} for a plain user), or null when permissions cannot be made to hold. */
    static synchronized List<String> prefix(Path tmp) {
        if (probed) return prefix;
        probed = true;
        try {
            Path probe = Files.writeString(tmp.resolve("probe-000"), "x");
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("---------"));
            if (!Files.isReadable(probe)) return prefix = List.of();
            List<String> drop = List.of("setpriv", "--inh-caps=-all", "--bounding-set=-all", "--");
            Process p = new ProcessBuilder(concat(drop, List.of("cat", probe.toString()))).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            boolean done = p.waitFor(20, TimeUnit.SECONDS);
            // Refused to read the file: capabilities are dropped, and the modes hold.
            return prefix = done && p.exitValue() != 0 && works(drop) ? drop : null;
        } catch (Exception e) {
            return prefix = null;
        }
    }

    /** The prefix itself runs a program (so a failure above was the file's mode, not setpriv's). */
    private static boolean works(List<String> drop) throws Exception {
        Process p = new ProcessBuilder(concat(drop, List.of("true"))).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Runs {@code jiaokan ARGS} in a JVM of its own with the prefix; returns exit code and output (stderr and stdout). */
    static Result run(List<String> prefix, Path log, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.jiaokan.cli.Main");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jiaokan " + String.join(" ", args) + ": timed out");
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    record Result(int exit, String output) {
        List<String> errors() {
            return output.lines().filter(l -> l.startsWith("jiaokan: error: ")).toList();
        }
    }
}
