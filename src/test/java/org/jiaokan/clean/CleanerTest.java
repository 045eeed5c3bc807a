package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jiaokan.clean.Fixtures.simplified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanerTest {

    @Test
    void standardRulesRunInDeclaredOrder() {
        List<String> names = new Cleaner().rules().stream().map(CleaningRule::name).toList();
        assertEquals(List.of("control-character", "jammer", "forum-header", "boilerplate", "converter-pinyin", "byte-shift-mojibake", "redaction"), names);
        assertTrue(new Cleaner().rules().stream().allMatch(r -> !r.description().isBlank()));
    }

    @Test
    void asteriskInsideJammerIsNotARedaction() {
        String line = "研究部署今年工作: l8 f0 C& ]2 Y\" w( _ l3 X0 N* X\" Q4 r; W";
        List<Intervention> found = new Cleaner().clean(line, simplified());
        assertEquals(1, found.size());
        assertEquals(Kind.SURPLUS, found.get(0).kind());
    }

    @Test
    void earlierRuleWinsOverlapAndResultIsSortedByStart() {
        CleaningRule late = fixed("late", new Intervention(0, 4, Kind.DAMAGE, "", "x", Cert.LOW, "late"),
                new Intervention(8, 9, Kind.DAMAGE, "", "x", Cert.LOW, "late"));
        CleaningRule early = fixed("early", new Intervention(2, 6, Kind.SURPLUS, "", "y", Cert.HIGH, "early"));
        List<Intervention> found = new Cleaner(List.of(early, late)).clean("0123456789", simplified());
        assertEquals(List.of(2, 8), found.stream().map(Intervention::start).toList());
        assertEquals(List.of("early", "late"), found.stream().map(Intervention::rule).toList());
    }

    @Test
    void mixedLineGetsEveryKind() {
        String line = "安全穩(wěn)定 ! y1 { b% b4 U: e5 n3 L破获*起";
        List<Kind> kinds = new Cleaner().clean(line, Fixtures.traditional()).stream().map(Intervention::kind).toList();
        assertEquals(List.of(Kind.SURPLUS, Kind.SURPLUS, Kind.REDACTION), kinds);
    }

    private static CleaningRule fixed(String name, Intervention... out) {
        return new CleaningRule() {
            @Override public String name() { return name; }
            @Override public String description() { return name; }
            @Override public List<Intervention> find(String line, LineContext context) { return List.of(out); }
        };
    }
}
