package org.jiaokan.annotate;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
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

    private final Lexicons lex;

    PlaceRecognizer(Lexicons lex) { this.lex = lex; }

    void find(Analysis a, List<Candidate> out) {
        String s = a.text;
        for (int i = 0; i < s.length(); i++) {
            if (!a.wordStart[i]) continue;
            for (int len : lex.divisionNameLengths) {
                if (i + len > s.length()) continue;
                if (!a.wordEnd[i + len] && !Analysis.isBreak(s, i + len)) continue;
                Lexicons.Division d = lex.divisions.get(s.substring(i, i + len));
                if (d != null) out.add(new Candidate(i, i + len, EntityType.PLACE, null, 0.9 + 0.001 * len, d.code()));
            }
        }
        for (Term t : a.terms) {
            if (t.nature == null || !t.nature.toString().startsWith("ns")) continue;
            String w = t.word;
            if (w.length() < 2 || lex.divisions.containsKey(w)) continue;
            double conf = placeConfidence(w);
            if (conf > 0) out.add(new Candidate(t.offset, t.offset + w.length(), EntityType.PLACE, conf));
        }
    }

    private static double placeConfidence(String w) {
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        if (attr != null) {
            int ns = attr.getNatureFrequency(Nature.ns);
            return ns * 2 >= attr.totalFrequency ? 0.7 : 0;
        }
        char last = w.charAt(w.length() - 1);
        if (w.length() >= 3 && ADMIN_SUFFIXES.indexOf(last) >= 0) {
            CoreDictionary.Attribute stem = CoreDictionary.get(w.substring(0, w.length() - 1));
            if (stem == null || stem.hasNatureStartsWith("ns")) return 0.6;
        }
        return 0;
    }
}
