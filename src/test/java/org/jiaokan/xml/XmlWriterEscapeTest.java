package org.jiaokan.xml;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Character data and attribute values escaped as they were one character at a time: the runs of characters that need
 * nothing appended whole give the same text, and a character XML 1.0 cannot hold is refused with the same message.
 */
class XmlWriterEscapeTest {
    /** The escaping character by character (the way it was written before the runs). */
    private static String reference(String s, boolean attr) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attr ? "&quot;" : "\"");
                case '\n' -> sb.append(attr ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attr ? "&#9;" : "\t");
                default -> {
                    if (!XmlWriter.isXmlChar(c)) {
                        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "U+%04X cannot be written in XML 1.0", (int) c));
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    private static String outcome(java.util.function.Supplier<String> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    @Property(tries = 5000)
    void runsEscapeAsCharacters(@ForAll @StringLength(max = 40) @CharRange(from = '\u0000', to = '\u0040')
                                @CharRange(from = '\u4e00', to = '\u4e10') @CharRange(from = '\ud800', to = '\ud801')
                                @CharRange(from = '\ufffc', to = '\uffff') String s) {
        for (boolean attr : new boolean[]{false, true}) {
            String want = outcome(() -> reference(s, attr));
            String got = outcome(() -> {
                StringBuilder sb = new StringBuilder("前");
                XmlWriter.escape(s, sb, attr);
                return sb.substring(1);
            });
            assertEquals(want, got, s);
        }
    }
}
