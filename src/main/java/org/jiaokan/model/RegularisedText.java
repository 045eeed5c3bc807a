package org.jiaokan.model;

import java.util.ArrayList;
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
        List<int[]> map = new ArrayList<>(source.length());
        int pos = 0;
        for (Intervention iv : interventions) {
            for (; pos < iv.start(); pos++) {
                sb.append(source.charAt(pos));
                map.add(new int[]{pos, pos + 1});
            }
            String kept = switch (iv.kind()) {
                case SURPLUS, FORME_WORK, DAMAGE, CHARACTER, NOTE_ANCHOR -> "";
                case CORRECTION, REGULARISATION -> iv.replacement();
                case REDACTION -> source.substring(iv.start(), iv.end());
            };
            for (int i = 0; i < kept.length(); i++) {
                sb.append(kept.charAt(i));
                map.add(new int[]{iv.start(), iv.end()});
            }
            pos = iv.end();
        }
        for (; pos < source.length(); pos++) {
            sb.append(source.charAt(pos));
            map.add(new int[]{pos, pos + 1});
        }
        int[] s = new int[map.size()];
        int[] e = new int[map.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = map.get(i)[0];
            e[i] = map.get(i)[1];
        }
        return new RegularisedText(sb.toString(), s, e);
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
