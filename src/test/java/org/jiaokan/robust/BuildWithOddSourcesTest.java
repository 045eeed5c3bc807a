package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An edition whose sources/ holds odd files: each is reported, and the rest of the edition is built. */
class BuildWithOddSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void oddSourcesAreReportedAndTheRestIsBuilt() throws Exception {
        Path edition = Files.createDirectories(tmp.resolve("ed"));
        Files.copy(Path.of("tei", "edition.xml"), edition.resolve("edition.xml"));
        Path sources = Files.createDirectories(edition.resolve("sources"));
        Files.writeString(sources.resolve("good.txt"), "关于做好安全工作的通知\n各有关单位：\n请认真落实。\n");
        Path empty = Files.createFile(sources.resolve("empty.txt"));
        Path blob = Files.write(sources.resolve("blob.bin"), new byte[]{0, 1, 2, 3, (byte) 0xff, 0});
        Path tei = Files.writeString(sources.resolve("old.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>");
        Path folder = Files.createDirectories(sources.resolve("attachments"));
        Files.writeString(sources.resolve(".DS_Store"), "system file");

        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());

        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.errLines();
        assertEquals(List.of(
                "jiaokan: error: " + blob + ": binary data, not text",
                "jiaokan: error: " + empty + ": empty file",
                "jiaokan: error: " + tei + ": unsupported file type: TEI XML, already an edition document (convert takes raw sources)",
                "jiaokan: notice: " + folder + " is not a file; skipped"), lines);
        assertEquals(List.of(edition.resolve("docs").resolve("jk-good.xml")), Cli.teiFiles(edition.resolve("docs")));
        assertTrue(Files.readString(edition.resolve("edition.xml")).contains("docs/jk-good.xml"), "the built document is listed");
        assertTrue(Files.isRegularFile(edition.resolve("docs").resolve("registers.xml")));
    }
}
