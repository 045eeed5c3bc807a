package org.jiaokan.model;

import java.util.Objects;

/**
 * One automatic editorial intervention on a span of a source line: the record of what a cleaning
 * rule judged, never a change to the source itself. Offsets are UTF-16 indices into the line, end exclusive.
 *
 * @param start       first char of the span in the line
 * @param end         end of the span (exclusive)
 * @param kind        what kind of intervention (decides the TEI encoding)
 * @param replacement the corrected or regularised text for {@link Kind#CORRECTION} and {@link Kind#REGULARISATION}; "" otherwise
 * @param reason      the TEI {@code @reason} or {@code @type} value, e.g. "jammer", "converter-pinyin", "byte-shift-mojibake",
 *                    "redacted", "breadcrumb"
 * @param cert        how sure the rule is
 * @param rule        the name of the rule that made it (recorded for provenance)
 */
public record Intervention(int start, int end, Kind kind, String replacement, String reason, Cert cert, String rule) implements java.io.Serializable {

    /** How an intervention is encoded in TEI. */
    public enum Kind {
        /** Source text judged superfluous (noise): {@code <surplus reason>}; in the diplomatic reading only. */
        SURPLUS,
        /** Damaged text with a proposed correction: {@code <choice><sic/><corr/></choice>}. */
        CORRECTION,
        /** Damaged text flagged without a correction: {@code <sic>}. */
        DAMAGE,
        /** Source text with a regularised form: {@code <choice><orig/><reg/></choice>}. */
        REGULARISATION,
        /** A redaction mark made by the source: {@code <seg type="redaction">mark</seg>}, the mark in the text flow. */
        REDACTION,
        /** Page furniture that is source text but not the work's text: {@code <fw type>}. */
        FORME_WORK,
        /** A character XML cannot carry, kept by reference: {@code <g ref="#U000B"/>} with a {@code charDecl} entry. */
        CHARACTER,
        /**
         * Where the source refers to a note (zero length: the source has no mark there); {@code reason} is
         * the note's mark. The note itself is written at this point.
         */
        NOTE_ANCHOR
    }

    public Intervention {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        replacement = replacement == null ? "" : replacement;
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public int length() { return end - start; }

    public boolean overlaps(Intervention o) { return start < o.end && o.start < end; }
}
