package org.jiaokan.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain text at the edges of what a source can be converts into valid TEI whose diplomatic reading
 * is the source, white space aside, or fails with one clear line; never a stack trace.
 */
class OddTextInputsTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> convertibleTexts() {
        String controls = IntStream.range(1, 32).mapToObj(c -> "这一段文字的中间有一个控制字符" + (char) c + "，后面的文字照常继续下去。\n").collect(Collectors.joining())
                + "\u007f\u0085结尾。\n";
        return Stream.of(
                Arguments.of("whitespace-only", " \t \u3000 \n \t\n"),
                Arguments.of("newlines-only", "\n".repeat(50)),
                Arguments.of("bom-and-newline", "\uFEFF\n"),
                Arguments.of("crlf", "关于安全工作的通知\r\n各单位：\r\n请认真落实。\r\n\r\n二〇二〇年三月五日\r\n"),
                Arguments.of("lone-cr", "关于安全工作的通知\r各单位：\r请认真落实。\r二〇二〇年三月五日\r"),
                Arguments.of("mixed-line-ends", "标题\r\n第一段\r第二段\n\r第三段"),
                Arguments.of("long-line", "中".repeat(100_000) + "abc 123 ".repeat(12_500) + "\n"),
                Arguments.of("punctuation-lines", "。。。。\n！！！\n……\n——\n!!!???\n,.;:\n“”‘’《》\n"),
                Arguments.of("mixed-scripts", "𠮷野家的𠮷字😀很好\n张三说：😀😀é café\nа б в Ελληνικά עברית العربية\n"
                        + "👨‍👩‍👧 👍🏽\n𝕏 \uDBFF\uDFFD\n"),
                Arguments.of("combining-marks", "\u0301开头的组合符\n汉\u0301字\u20dd\n\u200b\u200d\u2028行\u2029分隔\n"),
                Arguments.of("every-c0-control", controls),
                Arguments.of("jammer-only", "! y1 { b% b4 U: e5 n3 L\n7 G0 a! B; x2 @ k9\n"),
                Arguments.of("redaction-only", "***\n×××\nXXX\n**\n*\n"),
                Arguments.of("pinyin-like-english", "The system (xì tǒng) works (fine).\nHe said (hello) and (wěn) ok.\n(wěn)\n"),
                Arguments.of("markup-as-text", "<p>not html</p> & <b>\n]]> &amp; <?pi?>\n"),
                Arguments.of("private-use-and-nonchars", "\uE000\uF8FF\uDB80\uDC00\n\uFFFE\uFFFF\uFDD0\n"),
                Arguments.of("bidi-and-spaces", "\u202e反向\u202c\u200f\n\u00a0\u2007\u202f\u2060中\n"),
                Arguments.of("one-character", "中"),
                Arguments.of("same-line-thrice", "同一行\n同一行\n同一行\n"),
                Arguments.of("misprinted-dates", "标题\n2月30日\n2021年2月29日\n时间:2020-02-30 25:61:61\n二〇二〇年二月三十日\n"
                        + "本帖最后由 老刘 于 2019-13-45 99:99 编辑\n2月29日 建党100周年\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convertibleTexts")
    void oddTextConvertsLosslessly(String name, String text) throws Exception {
        Path in = Files.writeString(tmp.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        Path tei = Cli.convertsCleanly(tmp.resolve("out"), in);
        Cli.lossless(tei, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    @Test
    void fiftyThousandShortLinesConvertLosslessly() throws Exception {
        String text = IntStream.range(0, 50_000).mapToObj(i -> i % 3 == 0 ? "中" : i % 3 == 1 ? "。" : "a")
                .collect(Collectors.joining("\n"));
        Path in = Files.writeString(tmp.resolve("many-lines.txt"), text);
        Cli.lossless(Cli.convertsCleanly(tmp.resolve("out"), in), text);
    }

    @Test
    void legacyEncodingsConvertLosslessly() throws Exception {
        String gb = "标题\n𠮷正文。\n";
        Path gbFile = Files.write(tmp.resolve("gb.txt"), gb.getBytes(Charset.forName("GB18030")));
        Cli.lossless(Cli.convertsCleanly(tmp.resolve("o1"), gbFile), gb);
        String utf16 = "标题\r\n正文。\r\n";
        Path u16 = Files.write(tmp.resolve("u16.txt"), ("\uFEFF" + utf16).getBytes(StandardCharsets.UTF_16LE));
        Cli.lossless(Cli.convertsCleanly(tmp.resolve("o2"), u16), utf16);
    }

    /** Bytes with no NUL: either text in some encoding the detector accepts, or refused in one line. */
    @Test
    void nulFreeBinaryConvertsLosslesslyOrFailsInOneLine() throws Exception {
        for (int seed = 0; seed < 6; seed++) {
            byte[] bytes = new byte[400];
            new Random(seed).nextBytes(bytes);
            for (int i = 0; i < bytes.length; i++) if (bytes[i] == 0) bytes[i] = 1;
            Path in = Files.write(tmp.resolve("noise-" + seed + ".txt"), bytes);
            Path out = tmp.resolve("out-" + seed);
            Path tei = Cli.convertsOrFailsInOneLine(out, in);
            if (tei != null) {
                org.jiaokan.model.SourceDocument src = org.jiaokan.read.Readers.read(in, null);
                assertEquals(org.jiaokan.TestSupport.noSpace(new String(bytes, Charset.forName(src.encoding()))),
                        org.jiaokan.TestSupport.noSpace(src.text()), "the reader keeps every decoded character");
            }
        }
    }

    @Test
    void textOfMostlyControlCharactersIsRefusedInOneLine() throws Exception {
        String controls = IntStream.range(1, 32).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining());
        Path in = Files.writeString(tmp.resolve("controls.txt"), controls + "中文\n");
        assertEquals("binary data, not text", Cli.failsWithOneLine(tmp.resolve("out"), in));
    }

    @Test
    void misprintedDatesKeepTheirTextButGiveNoImpossibleWhen() throws Exception {
        Path in = Files.writeString(tmp.resolve("dates.txt"), "2月30日\n2021年2月29日\n2月29日\n");
        String tei = Files.readString(Cli.convertsCleanly(tmp.resolve("out"), in));
        assertTrue(tei.contains(">2月30日</date>"), "the misprinted date is still marked as a date");
        assertTrue(!tei.contains("--02-30") && !tei.contains("2021-02-29"), "no impossible @when");
        assertTrue(tei.contains("when=\"--02-29\""), "29 February without a year is a real day");
    }
}
