package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.jiaokan.io.AtomicFiles;
import org.jiaokan.io.OutputLock;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build killed with SIGKILL while it writes leaves every file old or new and well-formed; its
 * lock is stale, and the next run takes it over and completes the edition. A run started while
 * another holds the folder is refused.
 */
class KillMidwayTest {
    @TempDir
    Path tmp;

    @Test
    void aBuildKilledMidwayLeavesOldOrNewFilesAndTheNextRunCompletesIt() throws Exception {
        Path ed = Forked.edition(tmp.resolve("ed"), 8);
        CliRun first = CliRun.of("build", "-q", "--no-site", ed.toString());
        assertEquals(0, first.exit(), first.err());
        Map<Path, byte[]> old = contents(ed);
        // Every source changes, so every TEI file is rewritten.
        for (Path s : Forked.files(ed.resolve("sources"))) Files.writeString(s, Files.readString(s) + "附件：检查表。\n".repeat(1) + "请各单位按照要求逐项检查，发现问题及时整改。".repeat(150) + "\n");

        // Documents are written in order: the kill comes as soon as the first one is new.
        Path firstDoc = Forked.files(ed.resolve("docs")).get(0);
        Process p = Forked.start(List.of(), Map.of(), tmp.resolve("killed.log"), "build", "-q", "--no-site", ed.toString());
        boolean sawLock = false, killedMidway = false, refused = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (!sawLock && Files.exists(ed.resolve(OutputLock.NAME)) && p.isAlive()) {
                sawLock = true;
                // A second run while the first holds the folder is refused, naming the holder.
                CliRun second = CliRun.of("build", "-q", "--no-site", ed.toString());
                if (p.isAlive()) {
                    assertEquals(2, second.exit(), second.err());
                    assertEquals(List.of("jiaokan: error: " + ed + ": output folder is in use by another jiaokan run (pid " + p.pid()
                            + ", build); wait for it to finish, or remove .jiaokan.lock if no such run exists"), second.errLines());
                    refused = true;
                }
            }
            if (sawLock) {
                if (changed(firstDoc, old)) {
                    p.destroyForcibly();
                    killedMidway = true;
                    break;
                }
            }
            Thread.sleep(1);
        }
        p.waitFor(30, TimeUnit.SECONDS);
        assertTrue(sawLock, "the build took the lock: " + Files.readString(tmp.resolve("killed.log")));
        assertTrue(refused, "a second build was tried while the first ran");
        Map<Path, byte[]> afterKill = contents(ed);
        assertTrue(!killedMidway || afterKill.containsKey(ed.resolve(OutputLock.NAME)), "the killed run's lock is left behind, stale");
        for (Map.Entry<Path, byte[]> e : afterKill.entrySet()) {
            if (AtomicFiles.isTemporary(e.getKey()) || e.getKey().getFileName().toString().equals(OutputLock.NAME)) continue;
            if (e.getKey().toString().endsWith(".xml")) Xml.parse(e.getValue());
        }

        CliRun again = CliRun.of("build", "-q", "--no-site", ed.toString());
        assertEquals(0, again.exit(), again.err());
        Map<Path, byte[]> complete = contents(ed);
        for (Path f : complete.keySet()) {
            assertFalse(AtomicFiles.isTemporary(f), "a temporary file is left: " + f);
            assertFalse(f.getFileName().toString().equals(OutputLock.NAME), "the lock is left");
        }
        for (Map.Entry<Path, byte[]> e : afterKill.entrySet()) {
            Path f = e.getKey();
            // A temporary file the killed run left is gone after the next run (checked above): judged by its name.
            String name = f.getFileName().toString();
            if ((name.startsWith(".jiaokan-") && name.endsWith(".tmp")) || name.equals(OutputLock.NAME)) continue;
            boolean isOld = old.containsKey(f) && Arrays.equals(old.get(f), e.getValue());
            boolean isNew = complete.containsKey(f) && Arrays.equals(complete.get(f), e.getValue());
            assertTrue(isOld || isNew, f + " is neither the old file nor the new one after the kill");
        }
        assertEquals(9, Forked.files(ed.resolve("docs")).size(), "8 documents and the registers");
        // The completed documents are what an uninterrupted build makes.
        Path clean = Forked.edition(tmp.resolve("clean"), 8);
        for (Path s : Forked.files(clean.resolve("sources"))) Files.writeString(s, Files.readString(s) + "附件：检查表。\n".repeat(1) + "请各单位按照要求逐项检查，发现问题及时整改。".repeat(150) + "\n");
        assertEquals(0, CliRun.of("build", "-q", "--no-site", clean.toString()).exit());
        for (Path f : Forked.files(clean.resolve("docs"))) {
            if (f.getFileName().toString().equals("registers.xml")) continue; // it keeps the entries of earlier builds
            assertArrayEquals(Files.readAllBytes(f), complete.get(ed.resolve("docs").resolve(f.getFileName())), f.getFileName().toString());
        }
        System.out.println("kill midway: killed while writing=" + killedMidway + ", second run refused=" + refused + ", files changed before the kill="
                + afterKill.entrySet().stream().filter(e -> old.containsKey(e.getKey()) && !Arrays.equals(old.get(e.getKey()), e.getValue())).count());
    }

    private static boolean changed(Path file, Map<Path, byte[]> old) {
        try {
            return !Arrays.equals(old.get(file), Files.readAllBytes(file));
        } catch (java.io.IOException e) {
            return false; // renamed while read
        }
    }

    private static Map<Path, byte[]> contents(Path dir) throws Exception {
        Map<Path, byte[]> m = new HashMap<>();
        for (Path f : Forked.files(dir)) m.put(f, Files.readAllBytes(f));
        return m;
    }
}
