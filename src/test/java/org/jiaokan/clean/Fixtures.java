package org.jiaokan.clean;

import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Script;

import java.util.List;

/** Helpers shared by the cleaning fixtures. */
final class Fixtures {
    private Fixtures() {}

    static LineContext simplified() { return new LineContext(Script.SIMPLIFIED, 5, 20, Hint.NONE); }

    static LineContext traditional() { return new LineContext(Script.TRADITIONAL, 5, 20, Hint.NONE); }

    static LineContext at(int index, int lineCount) { return new LineContext(Script.SIMPLIFIED, index, lineCount, Hint.NONE); }

    /** The marked texts, in order, as they stand in the line. */
    static List<String> spans(String line, List<Intervention> found) {
        return found.stream().map(iv -> line.substring(iv.start(), iv.end())).toList();
    }
}
