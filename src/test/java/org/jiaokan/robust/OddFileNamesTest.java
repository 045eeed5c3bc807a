package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever an input file is called, its TEI gets a visible, writable name inside the output folder. */
class OddFileNamesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"with space.txt", "中文名.txt", ".hidden.txt", ".txt", "...", "hash#pct%.txt", "a%20b.txt",
            "-dash.txt", "noext", "trailing.", "quote'\"x.txt", "tab\tname.txt"})
    void anyFileNameConvertsToAVisibleTeiFile(String name) throws Exception {
        byte[] bytes = "文件名不同寻常。\n".getBytes(StandardCharsets.UTF_8);
        Path in = Files.write(tmp.resolve(name), bytes);
        Path out = tmp.resolve("out");
        Path tei = Cli.convertsCleanly(out, in);
        assertFalse(tei.getFileName().toString().startsWith("."), "the TEI file is not hidden: " + tei.getFileName());
        assertEquals(out.toAbsolutePath().normalize(), tei.toAbsolutePath().normalize().getParent());
        assertArrayEquals(bytes, Files.readAllBytes(out.resolve("sources").resolve(name)), "the source is kept byte for byte");
        Cli.lossless(tei, "文件名不同寻常。");
    }

    @Test
    void fileNameAsLongAsTheSystemAllowsStillConverts() throws Exception {
        String name = "大".repeat(85);   // 255 bytes in UTF-8, no extension
        assertEquals(255, name.getBytes(StandardCharsets.UTF_8).length);
        Path in = Files.writeString(tmp.resolve(name), "长文件名。\n");
        Path tei = Cli.convertsCleanly(tmp.resolve("out"), in);
        assertTrue(tei.getFileName().toString().getBytes(StandardCharsets.UTF_8).length <= 205, tei.getFileName().toString());
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }

    @Test
    void twoLongNamesSharingTheirStartGetDistinctTeiFiles() throws Exception {
        Path a = Files.writeString(tmp.resolve("大".repeat(80) + "甲.txt"), "甲。\n");
        Path b = Files.writeString(tmp.resolve("大".repeat(80) + "乙.txt"), "乙。\n");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), a.toString(), b.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, Cli.teiFiles(out).size());
    }

    @Test
    void sourceNamedRegistersCannotOverwriteTheRegisters() throws Exception {
        Path in = Files.writeString(tmp.resolve("registers.txt"), "名册。\n");
        Path out = tmp.resolve("out");
        String reason = Cli.failsWithOneLine(out, in);
        assertEquals("its TEI file registers.xml would overwrite the folder's registers; rename it", reason);
        assertTrue(Files.readString(out.resolve("registers.xml")).contains("<standOff"), "the registers are intact");
    }
}
