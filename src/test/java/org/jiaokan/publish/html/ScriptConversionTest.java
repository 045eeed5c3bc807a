package org.jiaokan.publish.html;

import com.hankcs.hanlp.HanLP;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathCompiler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jk:convert} gives HanLP's conversion, also where it spares HanLP text without anything HanLP could change
 * (every character below U+2E80 but the quotation marks U+201C and U+201D).
 */
class ScriptConversionTest {
    /** Text below U+2E80 (Latin, digits, punctuation, spaces, the quotation marks), with some Chinese now and then. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('\u0020', '\u2E7F').withChars('\u201C', '\u201D', '「', '」', '后', '後', '发', '發', '台')
                .ofMaxLength(30);
    }

    @Property(tries = 3000)
    void asHanLpConverts(@ForAll("text") String s) {
        assertEquals(HanLP.convertToTraditionalChinese(s), Stylesheets.convert(s, "zh-Hant"), s);
        assertEquals(HanLP.convertToSimplifiedChinese(s), Stylesheets.convert(s, "zh-Hans"), s);
    }

    @Test
    void everyCharacterBelowTheCjkRadicalsAlone() {
        for (char c = 0; c < 0x2E80; c++) {
            if (Character.isSurrogate(c)) continue;
            String s = String.valueOf(c);
            assertEquals(HanLP.convertToTraditionalChinese(s), Stylesheets.convert(s, "zh-Hant"), Integer.toHexString(c));
            assertEquals(HanLP.convertToSimplifiedChinese(s), Stylesheets.convert(s, "zh-Hans"), Integer.toHexString(c));
        }
    }

    @Test
    void textWithNothingToChangeIsReturnedAsItIs() {
        String s = "2024-05-06, No. 12 (ABC)";
        assertFalse(Stylesheets.mayConvert(s));
        assertSame(s, Stylesheets.convert(s, "zh-Hant"));
        assertTrue(Stylesheets.mayConvert("“x”"));
        assertEquals("「x」", Stylesheets.convert("“x”", "zh-Hant"));
        assertEquals("會議", Stylesheets.convert("会议", "zh-Hant"));
        assertEquals("会议", Stylesheets.convert("會議", "zh-Hans"));
        assertEquals("会议", Stylesheets.convert("会议", "en"), "another script: as it is");
    }

    @Test
    void theStylesheetsFunctions() throws Exception {
        Processor p = new Processor(false);
        p.registerExtensionFunction(Stylesheets.scriptConversion());
        p.registerExtensionFunction(Stylesheets.pageId());
        XPathCompiler x = p.newXPathCompiler();
        x.declareNamespace("jk", "urn:x-jiaokan:functions");
        assertEquals("會議 12", x.evaluateSingle("jk:convert('会议 12', 'zh-Hant')", null).getStringValue());
        assertEquals("", x.evaluateSingle("jk:convert((), 'zh-Hant')", null).getStringValue());
        assertEquals("abc", x.evaluateSingle("jk:convert('abc', 'zh-Hans')", null).getStringValue());
        assertEquals("p-1", x.evaluateSingle("jk:page-id('p-1')", null).getStringValue());
        assertEquals(0, x.evaluate("jk:page-id('-p')", null).size());
        assertEquals(0, x.evaluate("jk:page-id(())", null).size());
        // an untyped value (an attribute's) is a string to both
        assertEquals("person-1", x.evaluateSingle("jk:page-id(string(parse-xml('<a id=\"person-1\"/>')/*/@id))", null).getStringValue());
        assertEquals("person-1", x.evaluateSingle("jk:page-id(parse-xml('<a id=\"person-1\"/>')/*/@id)", null).getStringValue());
    }
}
