package org.jiaokan.xml;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The digests' folding of layout in one pass gives what its definition, two regular expressions, gives:
 * on strings of tags' ends and starts, every white space {@code \s} knows, white space it does not know
 * (no-break and ideographic spaces), text and surrogates.
 */
class LayoutFoldTest {
    private static String byDefinition(String s) {
        return s.replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");
    }

    @Provide
    Arbitrary<String> markup() {
        return Arbitraries.strings().withChars('<', '>', ' ', '\n', '\t', '\r', '\f', '\u000B', '\u00A0', '\u3000', 'a', '會', '/', '"')
                .withCharRange('\uD83D', '\uD83D').withCharRange('\uDE00', '\uDE01').ofMaxLength(40);
    }

    @Property(tries = 5000)
    void foldsAsTheRegularExpressionsDo(@ForAll("markup") String s) {
        assertEquals(byDefinition(s), XmlWriter.foldLayout(s));
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"", " ", "  ", "\n", "> <", ">\n  <", "a  b", "a\tb", "<p> x </p>", "> ", " <", "><",
                ">\u00A0<", "> \u3000 <", "<a>\n  <b/>\n</a>\n", "a \n b", ">\r\n<"}) {
            assertEquals(byDefinition(s), XmlWriter.foldLayout(s), "[" + s + "]");
        }
        String plain = "<p>一 段 文 字</p>";
        assertSame(plain, XmlWriter.foldLayout(plain), "a string with nothing to fold is returned as it is");
    }
}
