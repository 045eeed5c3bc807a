package org.jiaokan.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same build in new JVMs writes the same bytes, down to the cache's entries and keys. The JVM draws the iteration
 * order of {@code Map.of} and {@code Set.of} anew at each start (and enums' hash codes), so an order taken from one of
 * them is the same within a JVM, where {@link RepeatableOutputTest} and the incremental tests run, and differs between
 * runs of the command: the registers' key did (a document's contributions listed the kinds in {@code Map.of}'s order),
 * and a build after a change that touched no name made the registers again in 5 new JVMs in 6.
 */
class NewJvmRepeatabilityTest {
    @TempDir
    Path tmp;

    /** Four JVMs: an order that differs between runs passes them all unnoticed once in 216 at most (3 kinds). */
    private static final int RUNS = 4;

    @Test
    void buildsFromScratchInNewJvmsWriteTheSameFiles() throws Exception {
        Path ed = Forked.edition(tmp.resolve("ed"), 4);
        Map<String, byte[]> first = null;
        for (int run = 1; run <= RUNS; run++) {
            clear(ed.resolve("docs"));
            clear(ed.resolve(".jiaokan"));
            Path site = tmp.resolve("site");
            clear(site);
            build(run, ed, "--formats", "html", "-o", site.toString());
            Map<String, byte[]> files = snapshot(ed, "ed/");
            files.putAll(snapshot(site, "site/"));
            assertTrue(files.containsKey("ed/.jiaokan/registers-key"), "the registers' key is remembered: " + files.keySet());
            assertTrue(files.containsKey("ed/docs/registers.xml"));
            if (first == null) {
                first = files;
                continue;
            }
            assertEquals(first.keySet(), files.keySet(), "run " + run + " wrote other files");
            for (var e : first.entrySet()) assertArrayEquals(e.getValue(), files.get(e.getKey()), e.getKey() + " differs in run " + run);
        }
    }

    /** After a change that touches no name, a build in a new JVM keeps the registers and their key as they were. */
    @Test
    void aChangeWithoutNamesLeavesTheRegistersKeyInNewJvms() throws Exception {
        Path ed = Forked.edition(tmp.resolve("ed"), 3);
        build(0, ed, "--no-site");
        Path key = ed.resolve(".jiaokan/registers-key");
        byte[] before = Files.readAllBytes(key);
        for (int run = 1; run < RUNS; run++) {
            Files.writeString(ed.resolve("sources/n00.txt"), "会后进行了分组讨论，共" + run + "组。\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
            String out = build(run, ed, "--no-site");
            assertTrue(out.contains("1 changed; 1 converted"), out);
            assertArrayEquals(before, Files.readAllBytes(key), "the registers' key after the change in run " + run);
        }
    }

    private String build(int run, Path ed, String... options) throws Exception {
        Path log = tmp.resolve("run" + run + "-" + System.nanoTime() + ".log");
        List<String> args = new java.util.ArrayList<>(List.of("build"));
        args.addAll(List.of(options));
        args.add(ed.toString());
        Process p = Forked.start(List.of(), Map.of("SOURCE_DATE_EPOCH", "1764892800"), log, args.toArray(String[]::new));
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the build in run " + run + " did not end in 180 s: " + Files.readString(log));
        }
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Every file below {@code dir} but the memo of files' sizes and times, by its path below it after {@code prefix}. */
    private static Map<String, byte[]> snapshot(Path dir, String prefix) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        Forked.contents(dir).forEach((name, bytes) -> m.put(prefix + name, bytes));
        m.remove("ed/.jiaokan/digests"); // the files' times, which differ from run to run
        return m;
    }

    private static void clear(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
