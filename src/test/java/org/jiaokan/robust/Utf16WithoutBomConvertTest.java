package org.jiaokan.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code convert} takes UTF-16 without a byte-order mark, in either byte order and either script, losslessly. */
class Utf16WithoutBomConvertTest {
    @TempDir
    Path tmp;

    private static final String SIMPLIFIED = "市公安局召开全市社会治安形势分析会\n"
            + "会议由局党委副书记主持。\n"
            + "会议强调，要持续深化“平安村居”创建活动，切实维护社会大局稳定。\n";
    private static final String TRADITIONAL = "市公安局召開全市社會治安形勢分析會\n"
            + "會議由局黨委副書記主持。\n"
            + "會議強調，要持續深化「平安村居」創建活動，切實維護社會大局穩定。\n";

    private void converts(String name, String text, Charset charset) throws Exception {
        Path in = Files.write(tmp.resolve(name), text.getBytes(charset));
        Path out = tmp.resolve("out-" + name);
        Path tei = Cli.convertsCleanly(out, in);
        Cli.lossless(tei, text);
        String xml = Files.readString(tei);
        assertTrue(xml.contains("<term type=\"charset\">" + charset.name() + "</term>: " + charset.name() + " without a byte-order mark"), xml);
    }

    @Test
    void littleEndian() throws Exception {
        converts("le-simplified.txt", SIMPLIFIED, StandardCharsets.UTF_16LE);
        converts("le-traditional.txt", TRADITIONAL, StandardCharsets.UTF_16LE);
    }

    @Test
    void bigEndian() throws Exception {
        converts("be-simplified.txt", SIMPLIFIED, StandardCharsets.UTF_16BE);
        converts("be-traditional.txt", TRADITIONAL, StandardCharsets.UTF_16BE);
    }
}
