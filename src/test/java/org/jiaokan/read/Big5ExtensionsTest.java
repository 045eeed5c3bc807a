package org.jiaokan.read;

import org.jiaokan.model.SourceDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Big5 text with one character of Windows' code page 950 (碁, 裏) or of Hong Kong's set (嘅, 咗): strict Big5 refused
 * it, and GB18030, which decodes nearly any bytes, read the whole document as nonsense without a word. A web page
 * labelled big5 with such characters was read the same way.
 */
class Big5ExtensionsTest {
    @TempDir
    Path tmp;

    private static final String BODY = "中華人民共和國國務院關於加強安全生產工作的通知。各省人民政府要認真落實。\n".repeat(20);

    private SourceDocument read(String name, byte[] bytes) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return Readers.read(f, null);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void windowsCharactersInBig5Text() throws Exception {
        String tail = "圍棋又稱碁，裏面\n";
        SourceDocument d = read("cp950.txt", concat(BODY.getBytes("Big5"), tail.getBytes("x-windows-950")));
        assertEquals((BODY + tail).stripTrailing(), d.text());
        assertEquals("Big5-HKSCS", d.encoding(), "the extension that has them, and Hong Kong's characters too");
    }

    @Test
    void hongKongCharactersInBig5Text() throws Exception {
        String tail = "佢哋話嘅\n";
        SourceDocument d = read("hk.txt", concat(BODY.getBytes("Big5"), tail.getBytes("Big5-HKSCS")));
        assertEquals((BODY + tail).stripTrailing(), d.text());
        assertEquals("Big5-HKSCS", d.encoding());
    }

    @Test
    void plainBig5IsStillBig5() throws Exception {
        SourceDocument d = read("plain.txt", BODY.getBytes("Big5"));
        assertEquals(BODY.stripTrailing(), d.text());
        assertEquals("Big5", d.encoding());
    }

    @Test
    void aPageLabelledBig5WithHongKongCharacters() throws Exception {
        String html = "<html><head><meta charset=\"big5\"><title>通知</title></head><body><p>" + BODY.strip()
                + "</p><p>佢哋話嘅</p></body></html>";
        SourceDocument d = read("hk.html", html.getBytes(Charset.forName("Big5-HKSCS")));
        assertTrue(d.text().contains("佢哋話嘅") && d.text().contains("中華人民共和國國務院"), d.text());
        assertEquals("Big5-HKSCS", d.encoding());
    }
}
