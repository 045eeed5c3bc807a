package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.jiaokan.io.AtomicFiles;
import org.jiaokan.io.OutputLock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unreadable inputs, read-only output folders and a full disk, also where the tests run as root (CI):
 * the command line then runs without root's capabilities ({@link Unprivileged}), so that the files'
 * modes hold; a full disk is a small tmpfs mounted for the test. Every command that writes takes its
 * output folder's lock, package and bench too.
 */
class PermissionsAndFullDiskTest {
    @TempDir
    Path tmp;

    private static final String NOTICE = "关于做好冬季防火安全检查工作的通知\n各派出所：\n请于十二月十日前完成辖区重点单位消防安全检查。\n二〇二二年十二月一日\n";

    private List<String> prefix() {
        List<String> p = Unprivileged.prefix(tmp);
        Assumptions.assumeTrue(p != null, Unprivileged.WHY);
        return p;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void anUnreadableFileIsOneLineAndTheOthersAreConverted() throws Exception {
        List<String> prefix = prefix();
        Path locked = Files.writeString(tmp.resolve("locked.txt"), NOTICE);
        Path good = Files.writeString(tmp.resolve("good.txt"), NOTICE);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Path out = tmp.resolve("out");
        Unprivileged.Result r = Unprivileged.run(prefix, tmp.resolve("log"), "convert", "-q", "-o", out.toString(), locked.toString(), good.toString());
        assertEquals(1, r.exit(), r.output());
        assertEquals(List.of("jiaokan: error: " + locked + ": cannot read: permission denied"), r.errors(), r.output());
        assertEquals(List.of(out.resolve("good.xml")), Cli.teiFiles(out));
    }

    @Test
    void aReadOnlyOutputFolderIsOneClearLineForEveryCommandAndNothingIsWritten() throws Exception {
        List<String> prefix = prefix();
        Path source = Files.writeString(tmp.resolve("notice.txt"), NOTICE);
        Path edition = Forked.edition(tmp.resolve("ed"), 2);
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        Path roEdition = Forked.edition(tmp.resolve("ro-ed"), 1);
        try {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
            Files.setPosixFilePermissions(roEdition, PosixFilePermissions.fromString("r-xr-xr-x"));
            String[][] runs = {
                    {"convert", "-q", "-o", ro.toString(), source.toString()},
                    {"publish", "-q", "--formats", "html", "-o", ro.toString(), "tei"},
                    {"package", "-q", "-o", ro.resolve("bag").toString(), "--site", tmp.resolve("no-site").toString(), edition.toString()},
                    {"build", "-q", "--no-site", roEdition.toString()}};
            String[] folders = {ro.toString(), ro.toString(), ro.toString(), roEdition.toString()};
            for (int i = 0; i < runs.length; i++) {
                Unprivileged.Result r = Unprivileged.run(prefix, tmp.resolve("log-" + i), runs[i]);
                assertEquals(2, r.exit(), runs[i][0] + ": " + r.output());
                assertEquals(List.of("jiaokan: error: " + folders[i] + ": output folder is not writable (permission denied)"), r.errors(),
                        runs[i][0] + ": " + r.output());
            }
            assertEquals(List.of(), files(ro), "nothing written");
            assertFalse(Files.exists(roEdition.resolve("docs")), "nothing written in the read-only edition");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(roEdition, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Mounts a tmpfs of {@code size} at {@code dir}; false when this machine does not allow it. */
    private static boolean mount(Path dir, String size) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) return false;
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static void command(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
    }

    @Test
    void aFullDiskIsOneClearLineEveryFileIsWholeAndTheNextRunCompletesIt() throws Exception {
        Path disk = Files.createDirectories(tmp.resolve("disk"));
        Assumptions.assumeTrue(mount(disk, "256k"), "skipped: a small tmpfs cannot be mounted here (needs root and mount); "
                + "a full disk is reported like any failed write (AtomicFiles: FILE: cannot write: No space left on device)");
        try {
            Path site = disk.resolve("site");
            Unprivileged.Result r = Unprivileged.run(List.of(), tmp.resolve("log"), "publish", "-q", "--formats", "html", "-o", site.toString(), "tei");
            assertTrue(r.exit() != 0, r.output());
            assertEquals(1, r.errors().size(), r.output());
            assertTrue(r.errors().get(0).matches("jiaokan: error: " + java.util.regex.Pattern.quote(site.toString())
                    + "/\\S+: cannot write: No space left on device"), r.errors().get(0));
            assertFalse(r.output().contains("Exception"), r.output());
            for (Path f : files(disk)) {
                assertFalse(AtomicFiles.isTemporary(f), "a temporary file was left: " + f);
                if (f.toString().endsWith(".html")) assertTrue(Files.readString(f).stripTrailing().endsWith("</html>"), "cut: " + f);
            }
            assertFalse(Files.exists(site.resolve(OutputLock.NAME)), "the lock is released");
            // With room again, the next run completes the site.
            command("mount", "-o", "remount,size=64m", disk.toString());
            Unprivileged.Result again = Unprivileged.run(List.of(), tmp.resolve("log2"), "publish", "-q", "--formats", "html", "-o", site.toString(), "tei");
            assertEquals(0, again.exit(), again.output());
            assertTrue(Files.isRegularFile(site.resolve("index.html")) && Files.isRegularFile(site.resolve("search/index.js")));
        } finally {
            command("umount", disk.toString());
        }
    }

    @Test
    void packageAndBenchTakeTheOutputLock() throws Exception {
        Path edition = Forked.edition(tmp.resolve("ed"), 1);
        Path bags = Files.createDirectories(tmp.resolve("bags"));
        Path work = Files.createDirectories(tmp.resolve("bench"));
        try (OutputLock a = OutputLock.acquire(bags, "build"); OutputLock b = OutputLock.acquire(work, "build")) {
            CliRun p = CliRun.of("package", "-q", "-o", bags.resolve("ed-bag").toString(), "--site", tmp.resolve("none").toString(), edition.toString());
            assertEquals(2, p.exit(), p.err());
            assertEquals(1, p.errLines().size(), p.err());
            assertTrue(p.errLines().get(0).startsWith("jiaokan: error: " + bags.toAbsolutePath().normalize() + ": output folder is in use by another jiaokan run"),
                    p.err());
            assertFalse(Files.exists(bags.resolve("ed-bag")));
            CliRun bench = CliRun.of("bench", "--docs", "1", "--no-search", "--naive", "0", "--work", work.toString());
            assertEquals(2, bench.exit(), bench.err());
            assertTrue(bench.err().startsWith("jiaokan: error: " + work + ": output folder is in use by another jiaokan run"), bench.err());
            assertEquals(List.of(work.resolve(OutputLock.NAME)), files(work), "the bench's folder is left as it was");
        }
    }
}
