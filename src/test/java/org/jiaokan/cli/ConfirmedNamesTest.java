package org.jiaokan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A name an editor confirms once in the registers is marked wherever it occurs, in either script. */
class ConfirmedNamesTest {
    @TempDir
    Path tmp;

    @Test
    void editorConfirmedNameIsFoundEverywhere() throws Exception {
        Path simp = Files.writeString(tmp.resolve("a.txt"), "会后，晓峰来到社区警务室，晓峰说工作要做细。\n");
        Path trad = Files.writeString(tmp.resolve("b.txt"), "會後，曉峰來到社區警務室，與群眾座談。\n");
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), simp.toString(), trad.toString()).exit());
        assertFalse(Files.readString(out.resolve("a.xml")).contains("<persName"), "without confirmation the bare name is not marked");

        Path reg = out.resolve("registers.xml");
        String withEntry = Files.readString(reg).replace("<standOff>",
                "<standOff><listPerson><person xml:id=\"per-晓峰\" resp=\"#editor\"><persName>晓峰</persName></person></listPerson>");
        Files.writeString(reg, withEntry);
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), simp.toString(), trad.toString()).exit());

        String a = Files.readString(out.resolve("a.xml"));
        String b = Files.readString(out.resolve("b.xml"));
        assertEquals(2, a.split("registers.xml#per-晓峰\"[^>]*>晓峰</persName>", -1).length - 1, a);
        assertTrue(b.matches("(?s).*registers.xml#per-晓峰\"[^>]*>曉峰</persName>.*"), b);
        String registers = Files.readString(reg);
        assertTrue(registers.contains("<ptr target=\"b.xml#"), registers);
    }
}
