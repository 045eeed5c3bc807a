package org.jiaokan.read;

import org.jiaokan.model.Hint;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private static final String SIMPLIFIED = "全国公安机关庆祝建党100周年安保维稳工作动员部署会召开。\n"
            + "国务委员、公安部党委书记、部长出席会议并讲话。\n"
            + "他强调,要深入学习贯彻重要指示精神,坚持底线思维,强化政治担当。\n";
    private static final String TRADITIONAL = "四川省公安局處長會議召開 安排部署2020年全省公安工作\n"
            + "會議以電視電話會的形式開至縣級公安機關。四川省公安廳設主會場,各市公安局設分會場。\n"
            + "會議要求,全省公安機關要堅持以人民為中心,確保社會大局持續穩定。\n";

    private static SourceDocument read(byte[] bytes, Charset forced) throws ReadException {
        return new TextReader().read("sample.txt", bytes, forced);
    }

    private static List<String> texts(SourceDocument doc) {
        return doc.lines().stream().map(SourceLine::text).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void utf8WithoutBomKeepsLinesExactlyAndCountsSequences() throws ReadException {
        String text = "第一行 \r\n  第二行\n\n第四行\r末行\n";
        SourceDocument doc = read(text.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of("第一行 ", "  第二行", "", "第四行", "末行"), texts(doc));
        assertEquals("UTF-8", doc.encoding());
        assertEquals("valid UTF-8 (11 multi-byte sequences)", doc.encodingEvidence());
        assertEquals("text/plain", doc.mediaType());
        assertEquals("mixed", doc.properties().get("text.line-endings"));
        assertEquals("true", doc.properties().get("text.final-newline"));
        assertTrue(doc.lines().stream().allMatch(l -> l.hint() == Hint.NONE && l.detail().isEmpty()));
    }

    @Test
    void utf8BomIsStrippedAndNamedAsEvidence() throws ReadException {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, SIMPLIFIED.getBytes(StandardCharsets.UTF_8));
        SourceDocument doc = read(bytes, null);
        assertEquals("UTF-8", doc.encoding());
        assertEquals("UTF-8 byte-order mark", doc.encodingEvidence());
        assertEquals(SIMPLIFIED.stripTrailing(), doc.text());
        assertFalse(doc.text().contains("\uFEFF"));
    }

    @Test
    void utf16LittleEndianWithBom() throws ReadException {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TRADITIONAL.getBytes(StandardCharsets.UTF_16LE));
        SourceDocument doc = read(bytes, null);
        assertEquals("UTF-16LE", doc.encoding());
        assertEquals("UTF-16LE byte-order mark", doc.encodingEvidence());
        assertEquals(TRADITIONAL.stripTrailing(), doc.text());
        assertEquals(3, doc.lines().size());
    }

    @Test
    void utf16BigEndianWithBom() throws ReadException {
        byte[] bytes = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, SIMPLIFIED.getBytes(StandardCharsets.UTF_16BE));
        SourceDocument doc = read(bytes, null);
        assertEquals("UTF-16BE", doc.encoding());
        assertEquals("UTF-16BE byte-order mark", doc.encodingEvidence());
        assertEquals(SIMPLIFIED.stripTrailing(), doc.text());
    }

    @Test
    void gbkSimplifiedTextIsDetectedAsGb18030() throws ReadException {
        SourceDocument doc = read(SIMPLIFIED.getBytes(GBK), null);
        assertEquals("GB18030", doc.encoding());
        assertEquals(SIMPLIFIED.stripTrailing(), doc.text());
        // 全 is C8 AB in GBK: a well-formed UTF-8 pair, and a code Big5 leaves unassigned.
        assertEquals("decodes as GB18030 without errors (81% frequent Chinese characters); UTF-8 fails at byte 2, Big5 at byte 0",
                doc.encodingEvidence());
    }

    @Test
    void big5TraditionalTextIsDetectedByPlausibilityWhenGb18030AlsoDecodes() throws ReadException {
        byte[] bytes = TRADITIONAL.getBytes(BIG5);
        assertTrue(StrictDecoding.decode(bytes, 0, GB18030).ok(), "fixture must be ambiguous: GB18030 decodes it too");
        SourceDocument doc = read(bytes, null);
        assertEquals("Big5", doc.encoding());
        assertEquals(TRADITIONAL.stripTrailing(), doc.text());
        assertTrue(doc.encodingEvidence().startsWith("decodes as both GB18030 and Big5 (UTF-8 fails at byte 0); Big5 reads as Chinese with "),
                doc.encodingEvidence());
    }

    @Test
    void gbkTextThatBig5AlsoDecodesIsStillGb18030() throws ReadException {
        String text = "会议要求各级公安机关";
        byte[] bytes = text.getBytes(GBK);
        assertTrue(StrictDecoding.decode(bytes, 0, BIG5).ok(), "fixture must be ambiguous: Big5 decodes it too");
        SourceDocument doc = read(bytes, null);
        assertEquals("GB18030", doc.encoding());
        assertEquals(text, doc.text());
        assertTrue(doc.encodingEvidence().contains("GB18030 reads as Chinese with 100% frequent characters against"),
                doc.encodingEvidence());
    }

    @Test
    void gbkOnlyCharactersDecode() throws ReadException {
        String text = "朱镕基同志和张喆同志出席会议。";
        SourceDocument doc = read(text.getBytes(GBK), null);
        assertEquals("GB18030", doc.encoding());
        assertEquals(text, doc.text());
    }

    @Test
    void asciiOnlyIsUtf8() throws ReadException {
        SourceDocument doc = read("plain ASCII\nsecond line".getBytes(StandardCharsets.US_ASCII), null);
        assertEquals("UTF-8", doc.encoding());
        assertEquals("ASCII only (valid UTF-8 without multi-byte sequences)", doc.encodingEvidence());
        assertEquals("LF", doc.properties().get("text.line-endings"));
        assertEquals("false", doc.properties().get("text.final-newline"));
    }

    @Test
    void forcedEncodingOverridesDetection() throws ReadException {
        byte[] utf8 = "中文".getBytes(StandardCharsets.UTF_8);
        SourceDocument doc = read(utf8, GB18030);
        assertEquals("GB18030", doc.encoding());
        assertEquals("forced by --encoding", doc.encodingEvidence());
        assertEquals(new String(utf8, GB18030), doc.text());
    }

    @Test
    void forcedEncodingDropsItsByteOrderMark() throws ReadException {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "中文".getBytes(StandardCharsets.UTF_16LE));
        SourceDocument le = read(bytes, StandardCharsets.UTF_16LE);
        assertEquals("中文", le.text());
        assertEquals("forced by --encoding (byte-order mark removed)", le.encodingEvidence());
        assertEquals("中文", read(bytes, StandardCharsets.UTF_16).text());
    }

    @Test
    void forcedEncodingThatDoesNotFitIsAnError() {
        ReadException e = assertThrows(ReadException.class, () -> read(SIMPLIFIED.getBytes(GBK), StandardCharsets.UTF_8));
        assertEquals("not valid UTF-8 (forced by --encoding): undecodable byte at offset 2", e.getMessage());
    }

    @Test
    void emptyFile() {
        ReadException e = assertThrows(ReadException.class, () -> read(new byte[0], null));
        assertEquals("empty file", e.getMessage());
    }

    @Test
    void byteOrderMarkOnly() {
        ReadException e = assertThrows(ReadException.class, () -> read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, null));
        assertEquals("empty file (byte-order mark only)", e.getMessage());
    }

    /** A stray NUL in text is a control character of it (kept by reference in the TEI), not a sign of binary data. */
    @Test
    void aFewNulsInTextAreKept() throws ReadException {
        String text = "关于做好夏季治安巡查工作的通知\n各派出所：\n现将有关事项通知如下。\n".repeat(4);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withNul = new byte[utf8.length + 1];
        int at = "关于做好夏季".getBytes(StandardCharsets.UTF_8).length;
        System.arraycopy(utf8, 0, withNul, 0, at);
        System.arraycopy(utf8, at, withNul, at + 1, utf8.length - at);
        SourceDocument doc = read(withNul, null);
        assertEquals("UTF-8", doc.encoding());
        assertEquals(("关于做好夏季\0" + text.substring(6)).strip(), doc.text().strip());
        byte[] gb = ("关于做好夏季\0" + text.substring(6)).getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertEquals("GB18030", read(gb, null).encoding());
        // NULs in more than one byte in a hundred: binary data
        byte[] many = new byte[utf8.length];
        System.arraycopy(utf8, 0, many, 0, utf8.length);
        for (int i = 0; i < 4; i++) many[i * 40] = 0;
        ReadException e = assertThrows(ReadException.class, () -> read(many, null));
        assertEquals("binary data, not text", e.getMessage());
        // the same share under a forced encoding or after a byte-order mark
        byte[] ascii = ("notice " + "\0".repeat(4) + "x".repeat(92)).getBytes(StandardCharsets.US_ASCII);
        assertEquals("binary data, not text", assertThrows(ReadException.class, () -> read(ascii, StandardCharsets.UTF_8)).getMessage());
        byte[] bom = new byte[ascii.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(ascii, 0, bom, 3, ascii.length);
        assertEquals("binary data, not text", assertThrows(ReadException.class, () -> read(bom, null)).getMessage());
    }

    @Test
    void randomBytesWithNulsAreBinary() {
        byte[] bytes = new byte[512];
        new Random(42).nextBytes(bytes);
        bytes[100] = 0;
        ReadException e = assertThrows(ReadException.class, () -> read(bytes, null));
        assertEquals("binary data, not text", e.getMessage());
    }

    @Test
    void randomBytesWithoutNulsAreBinary() {
        byte[] bytes = new byte[512];
        new Random(7).nextBytes(bytes);
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == 0) bytes[i] = 1;
        ReadException e = assertThrows(ReadException.class, () -> read(bytes, null));
        assertEquals("binary data, not text", e.getMessage());
    }

    @Test
    void controlCharactersAreBinaryEvenIfValidUtf8() {
        byte[] bytes = {1, 2, 3, 'a', 4, 5, 6, 'b', 7, 8};
        ReadException e = assertThrows(ReadException.class, () -> read(bytes, null));
        assertEquals("binary data, not text", e.getMessage());
    }

    @Test
    void recordsSizeAndSha256() throws ReadException {
        SourceDocument doc = new TextReader().read("abc.txt", "abc".getBytes(StandardCharsets.US_ASCII), null);
        assertEquals("abc.txt", doc.fileName());
        assertEquals(3, doc.size());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", doc.sha256());
    }

    @Test
    void lineSplitting() {
        assertEquals(List.of("a"), TextReader.splitLines("a\n"));
        assertEquals(List.of("a", ""), TextReader.splitLines("a\n\n"));
        assertEquals(List.of(""), TextReader.splitLines("\n"));
        assertEquals(List.of("a", "b"), TextReader.splitLines("a\rb"));
        assertEquals(List.of("a"), TextReader.splitLines("a\r\n"));
        assertEquals(List.of("a", "", "b"), TextReader.splitLines("a\r\rb"));
        assertEquals(List.of(), TextReader.splitLines(""));
    }
}
