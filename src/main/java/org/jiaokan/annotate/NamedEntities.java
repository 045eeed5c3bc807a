package org.jiaokan.annotate;

import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Script;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The annotator seen as a plain named-entity recogniser: persons, places and organisations as
 * PER/LOC/ORG spans with code point offsets, for evaluation and for tools outside the pipeline.
 * Dates, titles and terms are left out. Thread-safe when the annotator is.
 */
public final class NamedEntities {

    /** Entity types in the usual NER labels. */
    public enum Label { PER, LOC, ORG }

    /**
     * One named entity in a line.
     *
     * @param start first code point
     * @param end   end code point (exclusive)
     */
    public record Entity(int start, int end, Label label, String text) { }

    private final Annotator annotator;

    public NamedEntities(Annotator annotator) {
        this.annotator = Objects.requireNonNull(annotator, "annotator");
    }

    /** Entities of {@code line} sorted by start; an empty line has none. */
    public List<Entity> find(String line) {
        if (line.isEmpty()) return List.of();
        // The annotator takes both scripts the same road, so the script argument is only a label.
        List<Mention> mentions = annotator.annotate(line, Script.SIMPLIFIED);
        List<Entity> out = new ArrayList<>(mentions.size());
        int cpBefore = 0;
        int utf16Before = 0;
        for (Mention m : mentions) {
            Label label = label(m.type());
            if (label == null) continue;
            // Mentions come sorted by start, so code point offsets are counted incrementally.
            cpBefore += line.codePointCount(utf16Before, m.start());
            utf16Before = m.start();
            int start = cpBefore;
            int end = start + line.codePointCount(m.start(), m.end());
            out.add(new Entity(start, end, label, m.text()));
        }
        return List.copyOf(out);
    }

    /** The NER label of an annotator type, or null for types that are not named entities. */
    public static Label label(EntityType type) {
        return switch (type) {
            case PERSON -> Label.PER;
            case PLACE -> Label.LOC;
            case ORG -> Label.ORG;
            default -> null;
        };
    }
}
