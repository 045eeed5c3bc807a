package org.jiaokan.fuzz;

import org.jiaokan.clean.ByteShiftMojibakeRepair;
import org.jiaokan.clean.Cleaner;
import org.jiaokan.clean.LineContext;
import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Script;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The shrunk cases the property-based tests found, kept as plain examples. */
class FoundCasesTest {

    /**
     * Private-use characters (traces of a lost byte) after a Han character: the second window of the
     * byte-shift repair reached back into the first and flagged an overlapping span.
     */
    @Test
    void byteShiftRepairSpansNeverOverlap() {
        for (String line : List.of("一\uE000\uE78D", "一\uE000\uE78D\uE000", "关于\uE000\uE78D加强\uE000的通知", "一\uE000\u20AC\uE78D")) {
            List<Intervention> found = new ByteShiftMojibakeRepair().find(line, new LineContext(Script.SIMPLIFIED, 29, 33, Hint.BYLINE));
            for (int i = 0; i < found.size(); i++) {
                for (int j = i + 1; j < found.size(); j++) {
                    assertFalse(found.get(i).overlaps(found.get(j)), Inputs.escape(line) + ": " + found);
                }
            }
            assertFalse(found.isEmpty(), "the traces are still flagged: " + Inputs.escape(line));
        }
        // The whole cleaner flags the run of traces once.
        List<Intervention> all = new Cleaner().clean("一\uE000\uE78D", new LineContext(Script.SIMPLIFIED, 29, 33, Hint.BYLINE));
        assertEquals(1, all.stream().filter(iv -> iv.start() < 3 && iv.end() > 1).count(), all.toString());
    }
}
