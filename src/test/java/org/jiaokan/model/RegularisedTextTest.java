package org.jiaokan.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The regularised reading of a block and its map back to the source. */
class RegularisedTextTest {

    private static Intervention iv(int start, int end, Intervention.Kind kind, String replacement) {
        return new Intervention(start, end, kind, replacement, "test", Cert.HIGH, "test");
    }

    @Test
    void readingAndSpans() {
        // 穩(wěn)定 with the converter's pinyin out, ××× kept, 讶空 corrected to a longer reading
        String source = "穩(wěn)定×××讶空了";
        List<Intervention> ivs = List.of(
                iv(1, 6, Intervention.Kind.SURPLUS, ""),
                iv(7, 10, Intervention.Kind.REDACTION, ""),
                iv(10, 12, Intervention.Kind.CORRECTION, "说到这"));
        RegularisedText r = RegularisedText.of(source, ivs);
        assertEquals("穩定×××说到这了", r.text());
        assertEquals(r.text(), RegularisedText.textOf(source, ivs));
        assertArrayEquals(new int[]{6, 7}, r.sourceSpan(1, 2).orElseThrow()); // 定
        assertArrayEquals(new int[]{7, 10}, r.sourceSpan(2, 5).orElseThrow()); // the redaction, whole
        assertArrayEquals(new int[]{10, 12}, r.sourceSpan(5, 8).orElseThrow()); // the whole correction
        assertEquals(Optional.empty(), r.sourceSpan(6, 8)); // inside the correction's reading
        assertArrayEquals(new int[]{12, 13}, r.sourceSpan(8, 9).orElseThrow()); // 了
    }

    /** The reading and every span of it are those of the map built character by character. */
    @Property(tries = 3000)
    void sameAsCharacterByCharacter(@ForAll long seed) {
        Random random = new Random(seed);
        int length = random.nextInt(30);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) sb.append((char) ('a' + random.nextInt(26)));
        String source = sb.toString();
        List<Intervention> ivs = new ArrayList<>();
        Intervention.Kind[] kinds = Intervention.Kind.values();
        int pos = 0;
        while (pos <= length && random.nextInt(3) > 0) {
            int start = pos + random.nextInt(Math.max(1, length - pos + 1));
            if (start > length) break;
            Intervention.Kind kind = kinds[random.nextInt(kinds.length)];
            int end = kind == Intervention.Kind.NOTE_ANCHOR ? start : Math.min(length, start + 1 + random.nextInt(4));
            if (end == start && kind != Intervention.Kind.NOTE_ANCHOR) break;
            String replacement = "XYZW".substring(0, random.nextInt(5));
            ivs.add(iv(start, end, kind, replacement));
            pos = end;
        }
        RegularisedText r = RegularisedText.of(source, ivs);
        Reference ref = new Reference(source, ivs);
        assertEquals(ref.text, r.text(), source + " " + ivs);
        assertEquals(ref.text, RegularisedText.textOf(source, ivs), source + " " + ivs);
        for (int i = 0; i < ref.text.length(); i++) {
            for (int j = i + 1; j <= ref.text.length(); j++) {
                assertEquals(ref.span(i, j), r.sourceSpan(i, j).map(a -> List.of(a[0], a[1])), i + ".." + j + " of " + ivs);
            }
        }
    }

    /** The map as a list of each character's source span, and the rule of {@link RegularisedText#sourceSpan} over it. */
    private static final class Reference {
        final String text;
        final List<int[]> map = new ArrayList<>();

        Reference(String source, List<Intervention> ivs) {
            StringBuilder sb = new StringBuilder();
            int pos = 0;
            for (Intervention iv : ivs) {
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
            text = sb.toString();
        }

        Optional<List<Integer>> span(int start, int end) {
            int s = map.get(start)[0];
            int e = map.get(end - 1)[1];
            if (start > 0 && map.get(start - 1)[0] == s && map.get(start - 1)[1] == map.get(start)[1] && map.get(start)[1] - s > 1) return Optional.empty();
            if (end < text.length() && map.get(end)[0] == map.get(end - 1)[0] && map.get(end)[1] == e && e - map.get(end - 1)[0] > 1) return Optional.empty();
            return Optional.of(List.of(s, e));
        }
    }
}
