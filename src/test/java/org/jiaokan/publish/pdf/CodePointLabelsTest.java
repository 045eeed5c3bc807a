package org.jiaokan.publish.pdf;

import org.junit.jupiter.api.Test;
import org.xml.sax.helpers.DefaultHandler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Private-use characters, DEL and the C1 controls reach FOP as their code points; every other character as it is. */
class CodePointLabelsTest {
    @Test
    void privateUseCharactersBecomeTheirCodePoints() {
        assertEquals("syrlandi 〈U+F1E6〉", CodePointLabels.label("syrlandi \uF1E6"));
        assertEquals("通报〈U+E425〉第〈U+F0001〉号", CodePointLabels.label("通报\uE425第" + Character.toString(0xF0001) + "号"));
        assertEquals("页脚〈U+0089〉〈U+007F〉〈U+0080〉〈U+009F〉照录\t", CodePointLabels.label("页脚\u0089\u007F\u0080\u009F照录\t"));
        String plain = "東湖區公安分局《通報》ϑ − 𠀀 é ~\u00A0";
        assertSame(plain, CodePointLabels.label(plain), "text without private-use characters is passed on unchanged");
    }

    @Test
    void theFilterRewritesCharacterEventsOnly() throws Exception {
        StringBuilder seen = new StringBuilder();
        CodePointLabels f = new CodePointLabels(new DefaultHandler() {
            @Override
            public void characters(char[] ch, int start, int length) {
                seen.append(new String(ch, start, length)).append('|');
            }
        });
        char[] text = "xx市局\uE000通知xx".toCharArray();
        f.characters(text, 2, text.length - 4);
        char[] plain = "滨江派出所".toCharArray();
        f.characters(plain, 0, plain.length);
        assertEquals("市局〈U+E000〉通知|滨江派出所|", seen.toString());
    }
}
