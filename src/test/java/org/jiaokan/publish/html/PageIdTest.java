package org.jiaokan.publish.html;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.QName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** jk:page-id gives the answer of the regular expression it replaces, as Saxon matches it, within the bytes a file name takes. */
class PageIdTest {
    private static final String REGEX = "^[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]{0,149}$";

    @Test
    void sameAnswerAsTheRegularExpression() throws Exception {
        Processor p = new Processor(false);
        XPathCompiler c = p.newXPathCompiler();
        c.declareVariable(new QName("s"));
        XPathSelector matches = c.compile("matches($s, '" + REGEX + "')").load();
        List<String> cases = new ArrayList<>(List.of("", "a", "_", ".", "-", "a.", "a-b_c", ".a", "-a", "per-习近平", "term-四个意识",
                "pl-辽宁省", "x y", "a\n", "\na", "a:b", "#a", "①", "a①", "٣", "a\u0301", "\u0301a", "𠀀", "a𠀀",
                "a".repeat(150), "a".repeat(151), "习".repeat(150), "习".repeat(151), "习".repeat(66), "习".repeat(67), "per-" + "长".repeat(65), "per-" + "长".repeat(66), "𠀀".repeat(150), "𠀀".repeat(151), "a\u00A0", "Ⅻ"));
        Random r = new Random(20261203L);
        int[] pool = {'a', 'Z', '0', '9', '_', '.', '-', ' ', ':', '#', '/', 0x4E60, 0x8FD1, 0x2460, 0x0663, 0x0301, 0x20000, 0x1F600,
                0x00A0, 0x3000, 0x2167, 0x00B2, 0x02B0, 0x3005, 0x00AA, 0xFF10, 0x200B, 0xFE0F};
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(6) == 0 ? 148 + r.nextInt(5) : r.nextInt(8);
            for (int k = 0; k < n; k++) b.appendCodePoint(pool[r.nextInt(pool.length)]);
            cases.add(b.toString());
        }
        int yes = 0;
        for (String s : cases) {
            matches.setVariable(new QName("s"), new XdmAtomicValue(s));
            boolean expected = ((XdmAtomicValue) matches.evaluateSingle()).getBooleanValue()
                    && s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= Stylesheets.MAX_PAGE_ID_BYTES;
            assertEquals(expected, Stylesheets.isPageId(s), () -> "for " + s.codePoints().mapToObj(Integer::toHexString).toList());
            if (expected) yes++;
        }
        assertEquals(true, yes > 100, "both answers occur: " + yes);
    }
}
