package org.jiaokan.cli;

import org.jiaokan.TestSupport;
import org.jiaokan.validate.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jiaokan convert} as a user runs it: good inputs converted, bad ones reported one line each. */
class ConvertCommandTest {
    @TempDir
    Path tmp;

    @Test
    void badInputsAreReportedAndTheGoodOnesStillConverted() throws Exception {
        Path good = Files.writeString(tmp.resolve("good.txt"), "关于做好安全工作的通知\n各有关单位：\n请认真落实。\n");
        Path empty = Files.createFile(tmp.resolve("empty.txt"));
        Path binary = Files.write(tmp.resolve("blob.bin"), new byte[]{0, 1, 2, 3, (byte) 0xff, 0, 0x7f, 0x10, 0, 0});
        Path missing = tmp.resolve("missing.txt");
        Path folder = Files.createDirectory(tmp.resolve("a-folder"));
        Path seed = TestSupport.seed("003");
        Path out = tmp.resolve("out");

        CliRun r = CliRun.of("convert", "-o", out.toString(), good.toString(), empty.toString(), binary.toString(),
                missing.toString(), folder.toString(), seed.toString());

        assertEquals(1, r.exit());
        List<String> errors = r.err().lines().filter(l -> l.startsWith("jiaokan: error: ")).toList();
        assertEquals(List.of(
                "jiaokan: error: " + empty + ": empty file",
                "jiaokan: error: " + binary + ": binary data, not text",
                "jiaokan: error: " + missing + ": cannot read: no such file",
                "jiaokan: error: " + folder + ": folder with no files to convert"), errors);
        assertTrue(Files.isRegularFile(out.resolve("good.xml")));
        assertTrue(Files.isRegularFile(out.resolve("003_b623d3678baa2c80.xml")));
        assertTrue(Files.isRegularFile(out.resolve("registers.xml")));
        for (String name : List.of("good.xml", "003_b623d3678baa2c80.xml", "registers.xml")) {
            byte[] bytes = Files.readAllBytes(out.resolve(name));
            assertEquals(List.of(), Schemas.jiaokan().validate(bytes, name), name);
        }
    }

    @Test
    void allGoodExitsZeroAndSecondRunChangesNothing() throws Exception {
        Path seed = TestSupport.seed("001");
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), seed.toString()).exit());
        byte[] first = Files.readAllBytes(out.resolve("001_e8825e5862d1a0f3.xml"));
        assertArrayEquals(Files.readAllBytes(seed), Files.readAllBytes(out.resolve("sources").resolve(seed.getFileName())),
                "the raw source is kept beside its TEI, byte for byte");
        long modified = Files.getLastModifiedTime(out.resolve("001_e8825e5862d1a0f3.xml")).toMillis();
        Thread.sleep(20);
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), seed.toString()).exit());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("001_e8825e5862d1a0f3.xml")));
        assertEquals(modified, Files.getLastModifiedTime(out.resolve("001_e8825e5862d1a0f3.xml")).toMillis(),
                "an unchanged file is not rewritten");
    }

    @Test
    void forcedEncodingThatDoesNotFitIsAnError() throws Exception {
        Path gbk = Files.write(tmp.resolve("gbk.txt"), "公安机关召开会议".getBytes("GB18030"));
        CliRun r = CliRun.of("convert", "-q", "--encoding", "UTF-8", "-o", tmp.resolve("o").toString(), gbk.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("jiaokan: error: " + gbk + ": not valid UTF-8"), r.err());
        CliRun ok = CliRun.of("convert", "-q", "--encoding", "GBK", "-o", tmp.resolve("o").toString(), gbk.toString());
        assertEquals(0, ok.exit(), ok.err());
        String tei = Files.readString(tmp.resolve("o").resolve("gbk.xml"));
        assertTrue(tei.contains("公安机关召开会议"));
        assertTrue(tei.contains("forced by --encoding"), "the header says how the encoding was chosen");
    }

    @Test
    void helpListsTheSubcommands() {
        CliRun r = CliRun.of("--help");
        assertEquals(0, r.exit());
        for (String cmd : List.of("convert", "validate", "build")) assertTrue(r.out().contains(cmd), cmd);
        CliRun c = CliRun.of("convert", "--help");
        assertTrue(c.out().contains("--encoding") && c.out().contains("--output"), c.out());
    }

    @Test
    void outputNamesCannotEscapeTheOutputFolder() throws Exception {
        Path evil = Files.writeString(tmp.resolve("..evil.txt"), "测试文本内容。\n");
        Path out = tmp.resolve("deep").resolve("out");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), evil.toString()).exit());
        try (var s = Files.list(out)) {
            assertTrue(s.allMatch(p -> p.startsWith(out)));
        }
        assertTrue(Arrays.stream(tmp.resolve("deep").toFile().list()).allMatch(n -> n.equals("out")));
    }

    @Test
    void twoInputsWithTheSameOutputNameAreNotSilentlyMerged() throws Exception {
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("a")).resolve("x.txt"), "第一份文件的内容。\n");
        Path b = Files.writeString(Files.createDirectories(tmp.resolve("b")).resolve("x.txt"), "第二份文件的内容。\n");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), a.toString(), b.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(out.resolve("x.xml")).contains("第一份文件的内容"));
        assertTrue(Files.readString(out.resolve("x--b.xml")).contains("第二份文件的内容"));
    }

    @Test
    void outputDoesNotDependOnTheLocale() throws Exception {
        Path seed = TestSupport.seed("004");
        java.util.Locale before = java.util.Locale.getDefault();
        byte[] root;
        byte[] persian;
        try {
            java.util.Locale.setDefault(java.util.Locale.ROOT);
            root = TestSupport.convert(seed, "2026-01-01");
            java.util.Locale.setDefault(new java.util.Locale("fa", "IR"));
            persian = TestSupport.convert(seed, "2026-01-01");
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertArrayEquals(root, persian);
    }
}
