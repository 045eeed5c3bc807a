package org.jiaokan.annotate;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.common.Term;
import org.jiaokan.model.EntityType;

import java.util.List;

/**
 * Places: names the GB/T 2260 gazetteer knows (with their division code), and the segmenter's
 * place candidates when the core dictionary knows the word chiefly as a place name or the word
 * ends in an administrative suffix. Gazetteer names must sit on word boundaries, so 江西 is not
 * found inside 浙江西部.
 */
final class PlaceRecognizer {

    private static final String ADMIN_SUFFIXES = "省市县区州镇乡村旗盟";
    /**
     * One-character forms of country and region names as news prose strings them together
     * (中美关系, 中日韩, 美英): general knowledge of Chinese abbreviation, not a list of mentions.
     */
    private static final String COUNTRY_ABBREVIATIONS = "中美俄日英法德意韩朝印巴越泰澳加荷葡瑞苏以埃欧亚非港台";

    private final Lexicons lex;

    PlaceRecognizer(Lexicons lex) { this.lex = lex; }

    void find(Analysis a, List<Candidate> out) {
        String s = a.text;
        for (int i = 0; i < s.length(); i++) {
            if (!a.wordStart[i]) continue;
            for (int len : lex.divisionLengths(s.charAt(i))) {
                if (i + len > s.length()) continue;
                if (!a.wordEnd[i + len] && !Analysis.isBreak(s, i + len)) continue;
                Lexicons.Division d = lex.divisions.get(s.substring(i, i + len));
                if (d != null) out.add(new Candidate(i, i + len, EntityType.PLACE, null, 0.9 + 0.001 * len, d.code()));
            }
        }
        abbreviationRuns(a, out);
        for (Term t : a.terms) {
            if (t.nature != null && t.nature.toString().startsWith("nt")) placeInsideOrganisation(t, out);
            if (t.nature == null || !t.nature.toString().startsWith("ns")) continue;
            String w = t.word;
            if (w.length() < 2 || lex.divisions.containsKey(w)) continue;
            double conf = placeConfidence(w);
            if (conf > 0) out.add(new Candidate(t.offset, t.offset + w.length(), EntityType.PLACE, conf));
        }
    }

    /**
     * Runs of two to four one-character country forms (中美, 中日韩) on word boundaries; each
     * character is a place. A single such character is left alone: 中 or 美 alone is usually a word.
     */
    private static void abbreviationRuns(Analysis a, List<Candidate> out) {
        String s = a.text;
        int i = 0;
        while (i < s.length()) {
            if (COUNTRY_ABBREVIATIONS.indexOf(s.charAt(i)) < 0) {
                i++;
                continue;
            }
            if (listedAbbreviations(a, i, out)) {
                while (i < s.length() && (COUNTRY_ABBREVIATIONS.indexOf(s.charAt(i)) >= 0 || s.charAt(i) == '、')) i++;
                continue;
            }
            // 中方, 美方: a country's side in talks.
            if (i + 2 <= s.length() && s.charAt(i + 1) == '方' && a.wordStart[i] && a.wordEnd[i + 2]
                    && (i == 0 || !Analysis.isHan(s.charAt(i - 1)) || a.wordEnd[i])) {
                out.add(new Candidate(i, i + 1, EntityType.PLACE, 0.75));
                i += 2;
                continue;
            }
            int j = i;
            while (j < s.length() && COUNTRY_ABBREVIATIONS.indexOf(s.charAt(j)) >= 0) j++;
            boolean bounded = a.wordStart[i] && (a.wordEnd[j] || Analysis.isBreak(s, j));
            // A core-dictionary word ending the run (美中不足, 中欧 as an everyday word) is not a list of countries.
            if (j - i >= 2 && j - i <= 4 && bounded && !dictionaryWordInside(s, i, j)) {
                for (int k = i; k < j; k++) out.add(new Candidate(k, k + 1, EntityType.PLACE, 0.8));
            }
            i = j;
        }
    }

    /**
     * 中、美关系, 美、英、法三国: one-character country forms listed with 、; each stands alone
     * between the enumeration comma and a break or a word start.
     */
    private static boolean listedAbbreviations(Analysis a, int i, List<Candidate> out) {
        String s = a.text;
        if (i > 0 && Analysis.isHan(s.charAt(i - 1))) return false;
        int k = i;
        int n = 0;
        while (k < s.length() && COUNTRY_ABBREVIATIONS.indexOf(s.charAt(k)) >= 0) {
            n++;
            if (k + 1 < s.length() && s.charAt(k + 1) == '、') k += 2;
            else break;
        }
        if (n < 2 || k >= s.length()) return false;
        int end = k + 1;
        if (!a.wordEnd[end] && !Analysis.isBreak(s, end) && !a.wordStart[end]) return false;
        for (int c = i; c < end; c += 2) out.add(new Candidate(c, c + 1, EntityType.PLACE, 0.8));
        return true;
    }

    /**
     * The segmenter's organisation guesses swallow the country in front (墨西哥众议院代表团/nt); a
     * dictionary place word opening such a guess is a place, unless an organisation rule keeps it.
     */
    private static void placeInsideOrganisation(Term t, List<Candidate> out) {
        String w = t.word;
        for (int len = Math.min(4, w.length() - 2); len >= 2; len--) {
            CoreDictionary.Attribute attr = CoreDictionary.get(w.substring(0, len));
            if (attr == null) continue;
            int ns = attr.getNatureFrequency(Nature.ns) + attr.getNatureFrequency(Nature.nsf);
            if (ns * 2 > attr.totalFrequency && attr.totalFrequency >= 5) {
                out.add(new Candidate(t.offset, t.offset + len, EntityType.PLACE, 0.7));
                return;
            }
        }
    }

    private static boolean dictionaryWordInside(String s, int i, int j) {
        if (j < s.length() && CoreDictionary.contains(s.substring(j - 1, j + 1))) return true;
        return i > 0 && CoreDictionary.contains(s.substring(i - 1, i + 1));
    }

    private static double placeConfidence(String w) {
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        if (attr != null) {
            int ns = attr.getNatureFrequency(Nature.ns) + attr.getNatureFrequency(Nature.nsf);
            if (ns * 2 >= attr.totalFrequency) return 0.7;
            // A proper place the core corpus saw mostly otherwise (白宫), when the custom dictionary
            // agrees; a common noun the custom dictionary alone calls a place (护城河) stays a noun.
            if (ns == 0) return 0;
            CoreDictionary.Attribute custom = CustomDictionary.get(w);
            return custom != null && custom.nature.length == 1 && custom.nature[0] == Nature.ns ? 0.65 : 0;
        }
        char last = w.charAt(w.length() - 1);
        if (w.length() >= 3 && ADMIN_SUFFIXES.indexOf(last) >= 0) {
            CoreDictionary.Attribute stem = CoreDictionary.get(w.substring(0, w.length() - 1));
            if (stem == null || stem.hasNatureStartsWith("ns")) return 0.6;
        }
        return 0;
    }
}
