package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds characters that XML 1.0 cannot carry (C0 controls other than tab and line ends, U+FFFE,
 * U+FFFF, unpaired surrogates) so that they are recorded by reference instead of being dropped
 * or making the TEI ill-formed. The reason is the code point, e.g. "U+000B".
 */
public final class ControlCharacterRule implements CleaningRule {

    @Override
    public String name() { return "control-character"; }

    @Override
    public String description() {
        return "Characters XML cannot carry (control characters, unpaired surrogates) are kept as references "
                + "(g/@ref) to their declaration in charDecl: in the diplomatic reading, out of the regularised one.";
    }

    @Override
    public List<Intervention> find(String line, LineContext context) {
        List<Intervention> out = new ArrayList<>();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1));
            if (paired) {
                i++;
                continue;
            }
            if (!isXmlChar(c)) {
                out.add(new Intervention(i, i + 1, Kind.CHARACTER, "", codePoint(c), Cert.HIGH, name()));
            }
        }
        return out;
    }

    /** "U+000B" for a character. */
    public static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    private static boolean isXmlChar(char c) {
        if (Character.isSurrogate(c)) return false;
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xFFFD);
    }
}
