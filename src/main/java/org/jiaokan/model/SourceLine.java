package org.jiaokan.model;

import java.util.List;
import java.util.Objects;

/**
 * One paragraph-like unit of decoded source text, in source order.
 *
 * @param text    the decoded text exactly as in the source (no normalisation)
 * @param hint    what the reader knows about its role
 * @param detail  a reader-specific qualifier of the hint (heading level, boilerplate kind, note mark), or ""
 * @param anchors where the line refers to a note of the source (a DOCX footnote reference): positions in
 *                {@code text}, which holds no mark for them, sorted
 */
public record SourceLine(String text, Hint hint, String detail, List<NoteAnchor> anchors) implements java.io.Serializable {
    public SourceLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(hint, "hint");
        detail = detail == null ? "" : detail;
        anchors = anchors == null ? List.of() : List.copyOf(anchors);
    }

    public SourceLine(String text, Hint hint, String detail) {
        this(text, hint, detail, List.of());
    }

    public static SourceLine plain(String text) {
        return new SourceLine(text, Hint.NONE, "");
    }

    /**
     * A reference to a note at a position of the line.
     *
     * @param offset UTF-16 index into the line's text where the reference stands
     * @param mark   the note's mark, as the note's own lines carry it in {@link SourceLine#detail()} ("1", "e1")
     */
    public record NoteAnchor(int offset, String mark) implements java.io.Serializable {
        public NoteAnchor {
            Objects.requireNonNull(mark, "mark");
            if (offset < 0) throw new IllegalArgumentException("bad offset " + offset);
        }
    }
}
