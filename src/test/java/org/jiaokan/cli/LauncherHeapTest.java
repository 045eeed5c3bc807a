package org.jiaokan.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's default heap ({@code default_heap}, sourced from the launcher): 4 GB where the memory the process
 * may use, the machine's or its container's limit, is at least 15 GiB; else, or where it cannot be read, 2 GB. And
 * its JIT option ({@code code_cache}): compiled code kept unless the options choose.
 */
class LauncherHeapTest {
    static final Path LAUNCHER = Path.of("jiaokan").toAbsolutePath();
    static final long GIB_KB = 1024L * 1024;

    @TempDir
    Path dir;

    @BeforeAll
    static void bash() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "skipped: no bash");
    }

    private Path meminfo(String totalKb) throws Exception {
        Path f = Files.createTempFile(dir, "meminfo", "");
        Files.writeString(f, "MemTotal:       " + totalKb + " kB\nMemFree:         1000000 kB\nMemAvailable:   2000000 kB\n");
        return f;
    }

    private Path file(String content) throws Exception {
        Path f = Files.createTempFile(dir, "cgroup", "");
        Files.writeString(f, content);
        return f;
    }

    /** What one of the launcher's functions prints, called with these arguments in a bash that sourced the launcher. */
    private static String launcherFunction(String function, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\"; " + function + " \"$@\"", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), function + " answers");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** default_heap with these files (a missing one: a path that does not exist). */
    private String heap(Path meminfo, Path v2, Path v1) throws Exception {
        Path none = dir.resolve("none");
        return launcherFunction("default_heap", String.valueOf(meminfo == null ? none : meminfo),
                String.valueOf(v2 == null ? none : v2), String.valueOf(v1 == null ? none : v1));
    }

    @Test
    void byTheMachinesMemory() throws Exception {
        assertEquals("-Xmx4g", heap(meminfo(String.valueOf(24 * GIB_KB)), null, null));
        // a machine of 16 GB shows a little less than 16 GiB
        assertEquals("-Xmx4g", heap(meminfo("16333000"), null, null));
        assertEquals("-Xmx4g", heap(meminfo(String.valueOf(15 * GIB_KB)), null, null));
        assertEquals("-Xmx2g", heap(meminfo(String.valueOf(15 * GIB_KB - 1)), null, null));
        assertEquals("-Xmx2g", heap(meminfo(String.valueOf(8 * GIB_KB)), null, null));
    }

    @Test
    void byAContainersLimit() throws Exception {
        Path big = meminfo(String.valueOf(64 * GIB_KB));
        // cgroup v2: a limit of 4 GiB; none ("max"); a limit above the machine's memory
        assertEquals("-Xmx2g", heap(big, file(String.valueOf(4L << 30) + "\n"), null));
        assertEquals("-Xmx4g", heap(big, file("max\n"), null));
        assertEquals("-Xmx4g", heap(big, file(String.valueOf(100L << 30) + "\n"), null));
        assertEquals("-Xmx4g", heap(big, file(String.valueOf(20L << 30) + "\n"), null));
        // cgroup v1: no limit (near 2^63), and a limit of 8 GiB
        assertEquals("-Xmx4g", heap(big, null, file("9223372036854771712\n")));
        assertEquals("-Xmx2g", heap(big, null, file(String.valueOf(8L << 30) + "\n")));
    }

    @Test
    void twoGigabytesWhereTheMemoryCannotBeRead() throws Exception {
        assertEquals("-Xmx2g", heap(null, null, null));
        assertEquals("-Xmx2g", heap(file("nothing of the kind\n"), null, null));
        assertEquals("-Xmx2g", heap(meminfo("a lot"), null, null));
        // a limit that is not a number of bytes is not one
        assertEquals("-Xmx4g", heap(meminfo(String.valueOf(32 * GIB_KB)), file("unlimited"), file("")));
    }

    /** code_cache with these options: what it adds to the JVM's command line. */
    private static String codeCache(String javaOpts) throws Exception {
        return launcherFunction("code_cache", javaOpts);
    }

    /**
     * Compiled code is kept (the sweeper's flushing of idle methods off) unless the options choose for themselves,
     * and this JVM takes the option (an option it did not know would stop every launch).
     */
    @Test
    void compiledCodeIsKept() throws Exception {
        assertEquals("-XX:-UseCodeCacheFlushing", codeCache(""));
        assertEquals("-XX:-UseCodeCacheFlushing", codeCache("-Xmx2g -XX:+UseParallelGC"));
        assertEquals("", codeCache("-Xmx1g -XX:+UseCodeCacheFlushing"));
        assertEquals("", codeCache("-XX:-UseCodeCacheFlushing"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), codeCache(""), "-XX:+PrintFlagsFinal", "-version").redirectErrorStream(true).start();
        String flags = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS), "java -version answers");
        assertEquals(0, p.exitValue(), flags);
        assertEquals(true, flags.lines().anyMatch(l -> l.matches("\\s*bool UseCodeCacheFlushing\\s+= false\\b.*")), flags);
    }
}
