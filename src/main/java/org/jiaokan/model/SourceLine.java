package org.jiaokan.model;

import java.util.Objects;

/**
 * One paragraph-like unit of decoded source text, in source order.
 *
 * @param text   the decoded text exactly as in the source (no normalisation)
 * @param hint   what the reader knows about its role
 * @param detail a reader-specific qualifier of the hint (heading level, boilerplate kind, note mark), or ""
 */
public record SourceLine(String text, Hint hint, String detail) {
    public SourceLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(hint, "hint");
        detail = detail == null ? "" : detail;
    }

    public static SourceLine plain(String text) {
        return new SourceLine(text, Hint.NONE, "");
    }
}
