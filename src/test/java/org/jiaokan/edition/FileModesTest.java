package org.jiaokan.edition;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files Jiaokan writes get the mode the umask gives a new file, not the temporary file's private 0600. */
class FileModesTest {
    @TempDir
    Path tmp;

    @Test
    void modeIsTheUmaskAppliedTo0666() {
        assertEquals("rw-r--r--", PosixFilePermissions.toString(FileModes.newFilePermissions(0022)));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(FileModes.newFilePermissions(0002)));
        assertEquals("rw-------", PosixFilePermissions.toString(FileModes.newFilePermissions(0077)));
        assertEquals("r--r-----", PosixFilePermissions.toString(FileModes.newFilePermissions(0237)));
    }

    @Test
    void umaskIsReadFromProcStatusWithADefault() throws Exception {
        Path status = Files.writeString(tmp.resolve("status"), "Name:\tjava\nUmask:\t0027\nState:\tR (running)\n");
        assertEquals(0027, FileModes.readUmask(status));
        assertEquals(0022, FileModes.readUmask(Files.writeString(tmp.resolve("old"), "Name:\tjava\nState:\tR\n")));
        assertEquals(0022, FileModes.readUmask(tmp.resolve("missing")));
    }

    @Test
    void convertAndBuildWriteFilesOthersCanRead() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX modes here");
        Set<PosixFilePermission> expected = FileModes.newFilePermissions(FileModes.umask());
        Path input = Files.writeString(tmp.resolve("通知.txt"), "关于做好节日期间安全防范工作的通知\n各派出所：\n请认真做好值班备勤工作。\n");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), input.toString());
        assertEquals(0, r.exit(), r.err());

        Path edition = tmp.resolve("edition");
        Files.createDirectories(edition.resolve("sources"));
        Files.copy(Path.of("tei", "edition.xml"), edition.resolve("edition.xml"));
        Files.setPosixFilePermissions(edition.resolve("edition.xml"), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(edition.resolve("sources").resolve("speech.txt"), "在全縣政法工作會議上的講話\n同志們：\n今天我們召開會議。\n");
        r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(0, r.exit(), r.err());

        List<Path> written;
        try (Stream<Path> s = Stream.concat(Files.walk(out), Files.walk(edition))) {
            written = s.filter(Files::isRegularFile).filter(p -> !p.startsWith(edition.resolve("sources"))).toList();
        }
        // TEI, registers, source copy; TEI, registers, edition.xml, the cache's entry (recognition), the files of its
        // summaries and of its second level (finished TEI), the registers' key and the digests' memo
        assertEquals(11, written.size(), written.toString());
        for (Path f : written) {
            assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
        }
        if ((FileModes.umask() & 0004) == 0) {
            assertTrue(Files.getPosixFilePermissions(written.get(0)).contains(PosixFilePermission.OTHERS_READ));
        }
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }
}
