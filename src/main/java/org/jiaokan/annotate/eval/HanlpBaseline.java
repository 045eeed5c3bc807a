package org.jiaokan.annotate.eval;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import org.jiaokan.annotate.NamedEntities.Entity;
import org.jiaokan.annotate.NamedEntities.Label;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference point every improvement is measured against: HanLP portable's Viterbi segmenter
 * with its person, place and organisation recognisers on, words tagged nr*, ns*, nt* taken as
 * PER, LOC, ORG, on the text as given (no script conversion, no rules).
 */
public final class HanlpBaseline {

    /** Entities of one line, code point offsets. */
    public List<Entity> find(String line) {
        if (line.isEmpty()) return List.of();
        Segment seg = HanLP.newSegment()
                .enableNameRecognize(true)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true)
                .enableOffset(true);
        List<Entity> out = new ArrayList<>();
        for (Term t : seg.seg(line)) {
            if (t.nature == null) continue;
            String n = t.nature.toString();
            Label label = n.startsWith("nr") ? Label.PER : n.startsWith("ns") ? Label.LOC : n.startsWith("nt") ? Label.ORG : null;
            if (label == null) continue;
            int start = line.codePointCount(0, t.offset);
            out.add(new Entity(start, start + t.word.codePointCount(0, t.word.length()), label, t.word));
        }
        return out;
    }
}
