package org.jiaokan.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The regularised reading of a block (what a reader sees: noise and forme work out, corrections in,
 * redaction marks kept) with a map from its characters back to spans of the source text, so that
 * whatever is recognised on the clean text can be anchored in the source.
 */
public final class RegularisedText {
    private final String text;
    private final int[] srcStart;
    private final int[] srcEnd;

    private RegularisedText(String text, int[] srcStart, int[] srcEnd) {
        this.text = text;
        this.srcStart = srcStart;
        this.srcEnd = srcEnd;
    }

    /** Builds the regularised reading of {@code source} under sorted, non-overlapping interventions. */
    public static RegularisedText of(String source, List<Intervention> interventions) {
        StringBuilder sb = new StringBuilder(source.length());
        // Each character's source span, in two arrays grown as a replacement makes the text longer than its source.
        int[] s = new int[source.length()];
        int[] e = new int[source.length()];
        int n = 0;
        int pos = 0;
        for (Intervention iv : interventions) {
            for (; pos < iv.start(); pos++) {
                sb.append(source.charAt(pos));
                if (n == s.length) { s = grown(s); e = grown(e); }
                s[n] = pos;
                e[n++] = pos + 1;
            }
            String kept = kept(source, iv);
            for (int i = 0; i < kept.length(); i++) {
                sb.append(kept.charAt(i));
                if (n == s.length) { s = grown(s); e = grown(e); }
                s[n] = iv.start();
                e[n++] = iv.end();
            }
            pos = iv.end();
        }
        for (; pos < source.length(); pos++) {
            sb.append(source.charAt(pos));
            if (n == s.length) { s = grown(s); e = grown(e); }
            s[n] = pos;
            e[n++] = pos + 1;
        }
        return new RegularisedText(sb.toString(), n == s.length ? s : Arrays.copyOf(s, n), n == e.length ? e : Arrays.copyOf(e, n));
    }

    /** The regularised reading's text alone, as {@link #of} makes it, without the map back to the source. */
    public static String textOf(String source, List<Intervention> interventions) {
        if (interventions.isEmpty()) return source;
        StringBuilder sb = new StringBuilder(source.length());
        int pos = 0;
        for (Intervention iv : interventions) {
            if (pos < iv.start()) sb.append(source, pos, iv.start());
            sb.append(kept(source, iv));
            pos = iv.end();
        }
        if (pos < source.length()) sb.append(source, pos, source.length());
        return sb.toString();
    }

    /** What an intervention leaves of its span in the regularised reading. */
    private static String kept(String source, Intervention iv) {
        return switch (iv.kind()) {
            case SURPLUS, FORME_WORK, DAMAGE, CHARACTER, NOTE_ANCHOR -> "";
            case CORRECTION, REGULARISATION -> iv.replacement();
            case REDACTION -> source.substring(iv.start(), iv.end());
        };
    }

    private static int[] grown(int[] a) {
        return Arrays.copyOf(a, Math.max(16, a.length + (a.length >> 1)));
    }

    public String text() { return text; }

    /**
     * The source span of the regularised span [start, end), or empty when the span begins or ends
     * inside a multi-character replacement (it cannot be anchored without splitting an intervention).
     */
    public Optional<int[]> sourceSpan(int start, int end) {
        if (start < 0 || end > text.length() || start >= end) return Optional.empty();
        int s = srcStart[start];
        int e = srcEnd[end - 1];
        if (start > 0 && srcStart[start - 1] == s && srcEnd[start - 1] == srcEnd[start] && srcEnd[start] - s > 1) {
            return Optional.empty();
        }
        if (end < text.length() && srcStart[end] == srcStart[end - 1] && srcEnd[end] == e && e - srcStart[end - 1] > 1) {
            return Optional.empty();
        }
        return Optional.of(new int[]{s, e});
    }
}
