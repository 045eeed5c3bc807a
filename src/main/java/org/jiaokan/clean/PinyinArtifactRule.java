package org.jiaokan.clean;

import com.hankcs.hanlp.dictionary.py.Pinyin;
import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds pinyin glosses that a script converter left after characters ({@code 穩(wěn)}, {@code 學（xué）})
 * and marks them as {@code surplus}, checking each gloss against the pinyin dictionary.
 *
 * <p>A gloss is one lower-case syllable in half- or full-width parentheses right after a Han
 * character. A tone-marked syllable that is a reading of that character is certain; a tone-marked
 * syllable that is valid pinyin but not a known reading, or a gloss following a damaged character,
 * is likely; a toneless syllable counts only when it is a reading of the character. Anything else in
 * parentheses ({@code (農村)}, {@code (APP)}, {@code (站)}) is left alone.
 */
public final class PinyinArtifactRule implements CleaningRule {

    static final String REASON = "converter-pinyin";

    /** Letters of a syllable, with tone-marked vowels precomposed or as combining marks. */
    static final Pattern GLOSS = Pattern.compile(
            "[(（]([a-zü\\u00e0-\\u00fc\\u0100-\\u01dc\\u0144\\u0148\\u01f9\\u1e3f\\u0300-\\u036f]{1,8})[)）]");
    private static final String TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

    @Override
    public String name() { return "converter-pinyin"; }

    @Override
    public String description() {
        return "Pinyin glosses left by a script converter after a character, verified against the pinyin "
                + "dictionary, are kept as surplus with reason \"converter-pinyin\".";
    }

    @Override
    public List<Intervention> find(String line, LineContext context) {
        List<Intervention> out = new ArrayList<>();
        Matcher m = GLOSS.matcher(line);
        while (m.find()) {
            if (m.start() == 0) continue;
            char before = line.charAt(m.start() - 1);
            Cert cert = judge(before, Normalizer.normalize(m.group(1), Normalizer.Form.NFC));
            if (cert != null) out.add(new Intervention(m.start(), m.end(), Kind.SURPLUS, "", REASON, cert, name()));
        }
        return out;
    }

    /** How sure we are that {@code syllable} glosses {@code before}; null when it is not a gloss. */
    static Cert judge(char before, String syllable) {
        boolean toned = hasToneMark(syllable);
        String toneless = stripTones(syllable);
        if (!ChineseLexicon.isSyllable(toneless)) return null;
        if (isHan(before)) {
            for (Pinyin reading : ChineseLexicon.readings(before)) {
                if (toned && reading.getPinyinWithToneMark().equals(syllable)) return Cert.HIGH;
                if (!toned && reading.getPinyinWithoutTone().replace('v', 'ü').equals(toneless)) return Cert.MEDIUM;
            }
            return toned ? Cert.MEDIUM : null;
        }
        // After a character destroyed by mis-decoding the reading cannot be checked, only the shape.
        return toned && isDamageMark(before) ? Cert.MEDIUM : null;
    }

    private static boolean hasToneMark(String s) {
        for (char c : s.toCharArray()) if (TONE_MARKED.indexOf(c) >= 0) return true;
        return false;
    }

    private static String stripTones(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c == '\u0308') sb.setCharAt(sb.length() - 1, 'ü'); // keep the umlaut of ü, drop the tone
            else if (c < '\u0300' || c > '\u036f') sb.append(c);
        }
        return sb.toString();
    }

    static boolean isHan(char c) {
        return org.jiaokan.script.Han.is(c);
    }

    static boolean isDamageMark(char c) {
        return c == '€' || c == '\ufffd' || c == '?' || (c >= '\ue000' && c <= '\uf8ff');
    }
}
