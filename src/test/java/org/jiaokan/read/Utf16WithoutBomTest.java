package org.jiaokan.read;

import org.jiaokan.model.SourceDocument;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UTF-16 without a byte-order mark is told from binary data by its zero bytes and the plausibility of the text. */
class Utf16WithoutBomTest {

    private static final String SIMPLIFIED = "关于开展冬季道路交通安全整治行动的通知\n"
            + "各区县公安分局、交警支队：\n"
            + "为切实加强冬季道路交通安全管理，经研究决定，自12月1日起在全市范围内开展专项整治行动。\n";
    private static final String TRADITIONAL = "關於開展冬季道路交通安全整治行動的通知\n"
            + "各區縣公安分局、交警支隊：\n"
            + "為切實加強冬季道路交通安全管理，經研究決定，自12月1日起在全市範圍內開展專項整治行動。\n";
    /** Chinese only: no ASCII, hence no zero byte at all. */
    private static final String NO_ASCII = "同志们：今天我们召开全市安全生产工作会议，主要任务是总结经验，部署工作。";

    private static SourceDocument read(byte[] bytes) throws ReadException {
        return new TextReader().read("notice.txt", bytes, null);
    }

    private static void converts(String text, Charset charset) throws ReadException {
        SourceDocument doc = read(text.getBytes(charset));
        assertEquals(charset.name(), doc.encoding(), doc.encodingEvidence());
        assertEquals(text.stripTrailing(), doc.text());
        assertTrue(doc.encodingEvidence().startsWith(charset.name() + " without a byte-order mark"), doc.encodingEvidence());
    }

    @Test
    void simplifiedLittleAndBigEndian() throws ReadException {
        converts(SIMPLIFIED, StandardCharsets.UTF_16LE);
        converts(SIMPLIFIED, StandardCharsets.UTF_16BE);
    }

    @Test
    void traditionalLittleAndBigEndian() throws ReadException {
        converts(TRADITIONAL, StandardCharsets.UTF_16LE);
        converts(TRADITIONAL, StandardCharsets.UTF_16BE);
    }

    @Test
    void chineseWithoutAnyZeroByte() throws ReadException {
        converts(NO_ASCII, StandardCharsets.UTF_16LE);
        converts(NO_ASCII, StandardCharsets.UTF_16BE);
    }

    @Test
    void evidenceNamesZeroBytesAndPlausibility() throws ReadException {
        SourceDocument doc = read(SIMPLIFIED.getBytes(StandardCharsets.UTF_16BE));
        assertTrue(doc.encodingEvidence().matches("UTF-16BE without a byte-order mark: \\d+ zero high bytes of \\d+ characters, "
                + "reads as Chinese with \\d+% frequent characters.*"), doc.encodingEvidence());
    }

    @Test
    void latinScriptUtf16() throws ReadException {
        SourceDocument doc = read("Press release\nMinistry of Public Security\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("UTF-16LE", doc.encoding());
        assertEquals("Press release\nMinistry of Public Security", doc.text());
    }

    @Test
    void binaryWithZeroBytesIsStillRefused() {
        for (int seed = 0; seed < 50; seed++) {
            byte[] bytes = new byte[512];
            new Random(seed).nextBytes(bytes);
            bytes[seed] = 0;
            ReadException e = assertThrows(ReadException.class, () -> read(bytes), "seed " + seed);
            assertEquals("binary data, not text", e.getMessage());
        }
    }

    @Test
    void binaryWithZeroHighBytesIsStillRefused() {
        // Small integers in 16-bit little-endian words: zero bytes at every odd offset, as in UTF-16LE ASCII.
        byte[] bytes = new byte[400];
        Random random = new Random(3);
        for (int i = 0; i < bytes.length; i += 2) bytes[i] = (byte) random.nextInt(32);
        ReadException e = assertThrows(ReadException.class, () -> read(bytes));
        assertEquals("binary data, not text", e.getMessage());
    }

    @Test
    void binaryWithoutZeroBytesIsStillRefused() {
        for (int seed = 0; seed < 50; seed++) {
            byte[] bytes = new byte[512];
            new Random(100 + seed).nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) if (bytes[i] == 0) bytes[i] = 1;
            ReadException e = assertThrows(ReadException.class, () -> read(bytes), "seed " + seed);
            assertEquals("binary data, not text", e.getMessage());
        }
    }
}
