package org.jiaokan.io;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One run at a time on an output folder; a killed run's lock and temporary files are taken over; unwritable folders fail in one line. */
class OutputLockTest {
    @TempDir
    Path tmp;

    private Path source() throws Exception {
        return Files.writeString(tmp.resolve("通知 (1).txt"), "关于做好防汛工作的通知\n各区县公安分局：\n请认真落实。\n", StandardCharsets.UTF_8);
    }

    private static List<Path> files(Path dir) throws Exception {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theLockFileIsNeverSeenHalfWritten() throws Exception {
        // Another run that reads the lock between its creation and its content would take it for a killed run's and take it over.
        Path dir = tmp.resolve("contended");
        Path file = dir.resolve(OutputLock.NAME);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger(), halfWritten = new java.util.concurrent.atomic.AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    if (text.startsWith("pid " + ProcessHandle.current().pid() + "\n") && text.endsWith("command build\n")) seen.incrementAndGet();
                    else halfWritten.incrementAndGet();
                } catch (java.io.IOException e) {
                    // not there (let go, or not yet taken)
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 3000 && seen.get() < 200; i++) {
                try (OutputLock lock = OutputLock.acquire(dir, "build")) {
                    Thread.onSpinWait();
                }
            }
        } finally {
            stop.set(true);
            reader.join();
        }
        assertTrue(seen.get() > 0, "the reader saw the lock held");
        assertEquals(0, halfWritten.get(), "reads of a lock file without its holder, against " + seen.get() + " of a whole one");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing is left once the lock is let go");
        }
    }

    @Test
    void aSecondRunOnTheSameOutputIsRefusedWithTheHoldersPid() throws Exception {
        Path out = tmp.resolve("out");
        Path in = source();
        try (OutputLock held = OutputLock.acquire(out, "build")) {
            for (String cmd : List.of("convert", "publish")) {
                CliRun r = cmd.equals("convert") ? CliRun.of("convert", "-q", "-o", out.toString(), in.toString())
                        : CliRun.of("publish", "-q", "-o", out.toString(), in.toString());
                assertEquals(2, r.exit(), r.err());
                assertEquals(1, r.errLines().size(), r.err());
                assertTrue(r.errLines().get(0).startsWith("jiaokan: error: " + out + ": output folder is in use by another jiaokan run (pid "
                        + ProcessHandle.current().pid() + ", build)"), r.err());
            }
            assertEquals(List.of(held.file()), files(out), "the refused runs wrote nothing");
            assertThrows(OutputLock.LockedException.class, () -> OutputLock.acquire(out, "publish"));
        }
        assertEquals(List.of(), files(out), "the lock is gone once released");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(out.resolve(OutputLock.NAME)));
    }

    @Test
    void aStaleLockOfAKilledRunIsTakenOverAndItsTemporaryFilesRemoved() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        Assumptions.assumeFalse(ProcessHandle.of(dead).map(ProcessHandle::isAlive).orElse(false), "pid reused at once");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve(OutputLock.NAME), "pid " + dead + "\nstarted 2026-01-01T00:00:00Z\ncommand build\n");
        Path leftover = Files.writeString(Files.createDirectories(out.resolve("sources")).resolve(".jiaokan-123.tmp"), "half");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), source().toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(leftover), "the killed run's temporary file is removed");
        assertFalse(Files.exists(out.resolve(OutputLock.NAME)));
        // A lock file cut short by a kill (no pid yet) is stale too.
        Files.writeString(out.resolve(OutputLock.NAME), "");
        try (OutputLock l = OutputLock.acquire(out, "publish")) {
            assertTrue(Files.readString(l.file()).startsWith("pid " + ProcessHandle.current().pid() + "\n"));
        }
        // A live process with another start time than the lock says is not its holder (pid reuse).
        Files.writeString(out.resolve(OutputLock.NAME), "pid " + ProcessHandle.current().pid() + "\nstarted x\ncommand build\n");
        try (OutputLock l = OutputLock.acquire(out, "publish")) {
            assertTrue(Files.exists(l.file()));
        }
    }

    @Test
    void aReadOnlyOutputFolderIsOneClearErrorAndNothingIsWritten() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("ro"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(out), "running as root: a read-only folder is writable anyway; skipped here (robust.PermissionsAndFullDiskTest runs it without root's capabilities)");
            Path in = source();
            for (String cmd : List.of("convert", "publish")) {
                CliRun r = CliRun.of(cmd, "-q", "-o", out.toString(), in.toString());
                assertEquals(2, r.exit(), r.err());
                assertEquals(List.of("jiaokan: error: " + out + ": output folder is not writable (permission denied)"), r.errLines());
            }
            assertEquals(List.of(), files(out));
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void namesThatLeaveTheFolderAreRefused() throws Exception {
        Path dir = tmp.resolve("site");
        for (String bad : List.of("../x.html", "doc/../../x.html", "/etc/x", "..\\..\\x.html", "doc\\x", "C:x", "", "a\0b", "doc/..")) {
            assertThrows(java.io.IOException.class, () -> SafePaths.inside(dir, bad), bad);
        }
        assertEquals(dir.toAbsolutePath().resolve("doc/a b#(1).html"), SafePaths.inside(dir, "doc/a b#(1).html"));
        assertEquals(dir.toAbsolutePath().resolve("...").normalize(), SafePaths.inside(dir, "..."));
        // Plain names are resolved as they are, the others normalised (a ".." segment is refused wherever it leads);
        // a folder named with ".." is the same folder.
        Path roundabout = tmp.resolve("other").resolve("..").resolve("site");
        for (Path d : List.of(dir, roundabout, dir)) {
            assertEquals(dir.toAbsolutePath().resolve("doc/a.html"), SafePaths.inside(d, "doc/./a.html"));
            assertEquals(dir.toAbsolutePath().resolve("doc/a.html"), SafePaths.inside(d, "doc//a.html"));
            assertThrows(java.io.IOException.class, () -> SafePaths.inside(d, "doc/../a.html"));
            assertEquals(dir.toAbsolutePath().resolve("person/per-王伟.html"), SafePaths.inside(d, "person/per-王伟.html"));
            assertThrows(java.io.IOException.class, () -> SafePaths.inside(d, "doc/../../x.html"));
        }
    }
}
