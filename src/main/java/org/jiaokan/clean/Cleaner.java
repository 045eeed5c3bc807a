package org.jiaokan.clean;

import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.SourceLine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The cleaning stage: runs the cleaning rules over a line in a fixed order and gathers their
 * interventions, an earlier rule's span winning over any later span it overlaps.
 */
public final class Cleaner {

    /**
     * The rules, in the order they run. Order is policy: jammer runs first so that the marks inside
     * a jammer string are not read as redactions; whole-line forme work comes before the in-line rules
     * so that furniture stays one {@code fw}; pinyin glosses are claimed before the mojibake repair
     * looks at their neighbours; redaction marks last, on what no other rule explained.
     */
    private static final List<CleaningRule> STANDARD_RULES = List.of(
            new ControlCharacterRule(),
            new JammerRule(),
            new ForumHeaderRule(),
            new BoilerplateRule(),
            new PinyinArtifactRule(),
            new ByteShiftMojibakeRepair(),
            new RedactionRule());

    private static final Comparator<Intervention> BY_POSITION =
            Comparator.comparingInt(Intervention::start).thenComparingInt(Intervention::end);

    private final List<CleaningRule> rules;

    /** A cleaner with the standard rules. */
    public Cleaner() {
        this(STANDARD_RULES);
    }

    /** A cleaner with the given rules, run in the given order. */
    public Cleaner(List<CleaningRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules in the order they run, for the header's editorial declaration. */
    public List<CleaningRule> rules() {
        return rules;
    }

    /** All interventions the rules make in {@code line}, without overlaps, sorted by start. */
    public List<Intervention> clean(String line, LineContext ctx) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(ctx, "ctx");
        List<Intervention> kept = new ArrayList<>();
        for (CleaningRule rule : rules) {
            for (Intervention found : rule.find(line, ctx)) {
                if (found.length() == 0 || found.end() > line.length()) {
                    throw new IllegalStateException("rule " + rule.name() + " made a span outside the line: "
                            + found.start() + ".." + found.end());
                }
                if (kept.stream().noneMatch(found::overlaps)) kept.add(found);
            }
        }
        kept.sort(BY_POSITION);
        return List.copyOf(kept);
    }

    /**
     * Like {@link #clean(String, LineContext)}, and a line the reader marked as page furniture gets the
     * reader's kind of furniture as its {@code fw} type (the context alone does not carry it); the line's
     * references to notes are zero-length {@link Intervention.Kind#NOTE_ANCHOR} interventions.
     */
    public List<Intervention> clean(SourceLine line, LineContext ctx) {
        return withNoteAnchors(typedFurniture(line, clean(line.text(), ctx)), line);
    }

    /**
     * The line's references to notes as zero-length {@link Intervention.Kind#NOTE_ANCHOR} interventions
     * (reason: the note's mark) among the others; a reference inside another span moves to its end.
     */
    private static List<Intervention> withNoteAnchors(List<Intervention> found, SourceLine line) {
        if (line.anchors().isEmpty() || line.hint() == Hint.FOOTNOTE) return found;
        List<Intervention> all = new ArrayList<>(found);
        for (SourceLine.NoteAnchor a : line.anchors()) {
            int at = Math.min(a.offset(), line.text().length());
            for (Intervention iv : found) if (iv.start() < at && at < iv.end()) at = iv.end();
            all.add(new Intervention(at, at, Intervention.Kind.NOTE_ANCHOR, "", a.mark(), org.jiaokan.model.Cert.HIGH, NOTE_ANCHOR_RULE));
        }
        all.sort(BY_POSITION);
        return List.copyOf(all);
    }

    /** The name recorded for note anchors, which the reader found rather than a cleaning rule. */
    public static final String NOTE_ANCHOR_RULE = "note-anchor";

    private static List<Intervention> typedFurniture(SourceLine line, List<Intervention> found) {
        if (line.hint() != Hint.BOILERPLATE || line.detail().isEmpty()) return found;
        List<Intervention> typed = new ArrayList<>(found.size());
        for (Intervention iv : found) {
            boolean readerMarked = iv.kind() == Intervention.Kind.FORME_WORK
                    && BoilerplateRule.READER_MARKED.equals(iv.reason());
            // "other" means the reader found no sign of what the furniture is: a weak judgement.
            org.jiaokan.model.Cert cert = "other".equals(line.detail()) ? org.jiaokan.model.Cert.LOW : iv.cert();
            typed.add(readerMarked ? new Intervention(iv.start(), iv.end(), iv.kind(), iv.replacement(),
                    line.detail(), cert, iv.rule()) : iv);
        }
        return List.copyOf(typed);
    }
}
