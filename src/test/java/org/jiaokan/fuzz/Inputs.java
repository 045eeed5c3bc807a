package org.jiaokan.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Generators of hostile and odd input for the property-based tests: random bytes, random Unicode
 * (controls, NUL, surrogates paired and lone, combining marks, CJK extension planes, U+FFFD, byte-order
 * marks, private use, line and paragraph separators) and random mixes of Chinese text with the corpus's
 * phenomena (converter pinyin, redaction marks, jammers, byte-shifted mojibake, page furniture, forum
 * edit notices, official document heads, dates and numbered lines), in both scripts.
 */
final class Inputs {
    private Inputs() {}

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5 = Charset.forName("Big5");

    /** Any bytes, up to {@code max}. */
    static Arbitrary<byte[]> bytes(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(max);
    }

    /** One code point or lone surrogate from every awkward corner of Unicode, as a string. */
    static Arbitrary<String> oddCharacter() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofLength(1),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofLength(1),      // C0 controls, NUL
                Arbitraries.strings().withCharRange('\u007f', '\u009f').ofLength(1),      // DEL, C1 controls (NEL)
                Arbitraries.strings().withCharRange('\u0300', '\u036f').ofLength(1),      // combining marks
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofLength(1),      // CJK unified
                Arbitraries.strings().withCharRange('\u3000', '\u303f').ofLength(1),      // CJK punctuation
                Arbitraries.strings().withCharRange('\uff00', '\uffef').ofLength(1),      // full-width forms
                Arbitraries.strings().withCharRange('\ue000', '\uf8ff').ofLength(1),      // private use
                Arbitraries.strings().withCharRange('\ud800', '\udfff').ofLength(1),      // lone surrogates
                Arbitraries.integers().between(0x20000, 0x3134f).map(Character::toString), // CJK extensions B–G
                Arbitraries.integers().between(0x10000, 0x10ffff).map(Character::toString),
                Arbitraries.of("\ufeff", "\ufffd", "\ufffe", "\uffff", "\u2028", "\u2029", "\u200b", "\u200d",
                        "\u202e", "\r\n", "\r", "\n", "\t", " ", "\u3000", "\u00a0"));
    }

    /** Strings of odd characters, lone surrogates included. */
    static Arbitrary<String> anyUnicode(int maxChars) {
        return oddCharacter().list().ofMinSize(1).ofMaxSize(maxChars).map(l -> String.join("", l));
    }

    /** Like {@link #anyUnicode}, without lone surrogates: text that every Unicode encoding can carry. */
    static Arbitrary<String> encodableUnicode(int maxChars) {
        return anyUnicode(maxChars).map(Inputs::withoutLoneSurrogates).filter(s -> !s.isEmpty());
    }

    static String withoutLoneSurrogates(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp < 0xd800 || cp > 0xdfff).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    // --- the corpus's phenomena -------------------------------------------------------------------

    private static final List<String> SIMPLIFIED = List.of(
            "市公安局召开全市治安形势分析会", "要坚持以人民为中心的发展思想", "进一步加强社会治安综合治理",
            "各县（市、区）公安局：", "现将有关事项通知如下：", "会议由副局长王建国主持", "同志们，",
            "一是强化源头治理，二是完善工作机制，三是落实工作责任", "坚决维护社会大局稳定",
            "据本报记者李晓梅报道", "来源：江州日报", "2019年6月13日", "二〇一六年三月九日", "（2020年5月30日）",
            "江公通字〔2019〕12号", "签发人：刘德明", "附件：1.工作方案", "抄送：市委办公室，市政府办公室。",
            "第一，", "（一）加强组织领导", "1.提高政治站位", "②", "——", "《关于加强基层治理的意见》", "“平安江州”建设");
    private static final List<String> TRADITIONAL = List.of(
            "市公安局召開全市治安形勢分析會", "要堅持以人民為中心的發展思想", "進一步加強社會治安綜合治理",
            "各縣（市、區）公安局：", "現將有關事項通知如下：", "會議由副局長王建國主持", "同志們，",
            "一是強化源頭治理，二是完善工作機制", "堅決維護社會大局穩定", "據本報記者李曉梅報道",
            "來源：江州日報", "簽發人：劉德明", "抄送：市委辦公室。", "（一）加強組織領導", "《關於加強基層治理的意見》");
    private static final List<String> NOISE = List.of(
            "穩(wěn)", "定(dìng)", "治(zhì)理(lǐ)", "(ān)", "*", "**", "×××", "XXX", "○○", "□□", "某某",
            "! y1 { b% b4", "& |& e5 z' b# L", "3 t7 V. w7 [", "本帖最后由 xiaoming 于 2019-5-30 10:30 编辑",
            "首页 > 新闻中心 > 正文", "分享到：", "【打印】【关闭】", "责任编辑：张三", "?!钡陌踩", "W", "€", "\ufffd",
            "\u001b[0m", "\u0000", "\t", "　　", "http://www.example.gov.cn/a.html?x=1&y=<2>", "<script>alert(1)</script>",
            "&amp;", "]]>", "<!--", "2020-03-25 18:08:57", "2月30日", "2019-13-45", "ＡＢＣ１２３");

    /** A fragment of the corpus's kind of text, or of its noise. */
    static Arbitrary<String> corpusFragment() {
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, Arbitraries.of(SIMPLIFIED)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.of(TRADITIONAL)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.of(NOISE)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.of(SIMPLIFIED).map(Inputs::mojibake)),
                        net.jqwik.api.Tuple.of(1, anyUnicode(3)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.of("\n", "\r\n", "\n\n", "。", "，", "；", "！", "？")));
    }

    /** Chinese text with the corpus's phenomena, in lines. */
    static Arbitrary<String> corpusText(int maxFragments) {
        return corpusFragment().list().ofMinSize(1).ofMaxSize(maxFragments).map(l -> String.join("", l));
    }

    /** Byte-shifted mojibake: the text's GBK bytes read one byte off, as converters produce it. */
    static String mojibake(String text) {
        byte[] gbk = text.getBytes(GB18030);
        if (gbk.length < 3) return text;
        return new String(gbk, 1, gbk.length - 1, GB18030);
    }

    /** Text encoded as a source file might be: UTF-8 (with or without BOM), GB18030, Big5, UTF-16 (with or without BOM). */
    static Arbitrary<Encoded> encoded(Arbitrary<String> texts) {
        return Combinators.combine(texts, Arbitraries.of(Encoding.values())).as(Encoded::of);
    }

    enum Encoding { UTF8, UTF8_BOM, GB18030, BIG5, UTF16LE_BOM, UTF16BE_BOM, UTF16LE, UTF16BE }

    /** A text and the bytes of it in one encoding. */
    record Encoded(String text, Encoding encoding, byte[] bytes) {
        static Encoded of(String original, Encoding e) {
            String text = withoutLoneSurrogates(original);
            byte[] b = switch (e) {
                case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
                case UTF8_BOM -> concat(new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, text.getBytes(StandardCharsets.UTF_8));
                case GB18030 -> text.getBytes(Inputs.GB18030);
                case BIG5 -> text.getBytes(Inputs.BIG5);
                case UTF16LE_BOM -> concat(new byte[]{(byte) 0xff, (byte) 0xfe}, text.getBytes(StandardCharsets.UTF_16LE));
                case UTF16BE_BOM -> concat(new byte[]{(byte) 0xfe, (byte) 0xff}, text.getBytes(StandardCharsets.UTF_16BE));
                case UTF16LE -> text.getBytes(StandardCharsets.UTF_16LE);
                case UTF16BE -> text.getBytes(StandardCharsets.UTF_16BE);
            };
            return new Encoded(text, e, b);
        }

        @Override
        public String toString() {
            return encoding + " " + escape(text);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** An HTML page around random content: markup, attributes, scripts, entities and broken tags. */
    static Arbitrary<String> htmlPage() {
        Arbitrary<String> inner = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, corpusFragment()),
                        net.jqwik.api.Tuple.of(2, corpusFragment().map(t -> "<p>" + t + "</p>")),
                        net.jqwik.api.Tuple.of(1, corpusFragment().map(t -> "<h1>" + t + "</h1>")),
                        net.jqwik.api.Tuple.of(1, corpusFragment().map(t -> "<div class=\"breadcrumb\">" + t + "</div>")),
                        net.jqwik.api.Tuple.of(1, corpusFragment().map(t -> "<a href=\"javascript:alert(1)\" onclick=\"x()\">" + t + "</a>")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("<br>", "<br/>", "</p>", "<p", "<", ">", "&", "&#0;", "&#xD800;",
                                "&#x1F600;", "&nbsp;", "&bogus;", "<table><tr><td>表</td></tr></table>", "<ul><li>一</li><li>二</li></ul>",
                                "<script>var a='<p>'</script>", "<style>p{}</style>", "<!-- 注释 -->", "<![CDATA[x]]>", "<img src=x onerror=y>",
                                "<meta charset=\"gbk\">", "<meta name=\"author\" content=\"王建国\">", "<title>标题</title>",
                                "<pre>  预  格式  </pre>", "<textarea><p>x</textarea>", "<sup>1</sup>", "<ruby>穩<rt>wěn</rt></ruby>")),
                        net.jqwik.api.Tuple.of(1, anyUnicode(4)));
        return inner.list().ofMinSize(1).ofMaxSize(15).map(l -> "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + String.join("", l) + "</body></html>");
    }

    /** A string with every character outside printable ASCII and the common CJK blocks escaped, for failure messages. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            boolean plain = c >= 0x20 && c < 0x7f && c != '\\' || c >= 0x4e00 && c <= 0x9fff || c >= 0x3001 && c <= 0x303f || c >= 0xff01 && c <= 0xff5e;
            if (plain) sb.append(c);
            else sb.append(String.format("\\u%04X", (int) c));
        }
        return sb.toString();
    }
}
