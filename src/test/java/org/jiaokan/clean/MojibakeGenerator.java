package org.jiaokan.clean;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes byte-shift mojibake the way it arises: a span of a sentence is encoded as GBK, its first byte is
 * lost (dropped, or kept as a lone byte the decoder cannot read), the rest is decoded as GBK one byte off,
 * bytes that do not decode become {@code ?} or U+FFFD, and a capture may fold full-width ASCII to half
 * width. Deterministic for a given seed.
 */
final class MojibakeGenerator {

    /** One damaged sentence: the text as captured and where the damage lies in it. */
    record Instance(String clean, String damaged, int from, int to, String variant) {}

    private static final Charset GBK = Charset.forName("GB18030");
    private final Random random;

    MojibakeGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A damaged copy of {@code sentence}, or null if it has no span the mechanism applies to. */
    Instance damage(String sentence) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int length = 3 + random.nextInt(6);
            if (sentence.length() < length + 2) length = sentence.length() - 2;
            if (length < 3) return null;
            int start = 1 + random.nextInt(sentence.length() - length - 1);
            String span = sentence.substring(start, start + length);
            byte[] bytes = span.getBytes(GBK);
            if (bytes.length != 2 * span.length()) continue; // only double-byte text shifts
            boolean late = random.nextBoolean();
            char marker = random.nextBoolean() ? '?' : '\ufffd';
            boolean fold = random.nextInt(10) < 7;
            StringBuilder out = new StringBuilder();
            if (late) out.append(marker);
            decode(bytes, 1, marker, out);
            String shifted = fold ? fold(out.toString()) : out.toString();
            String damaged = sentence.substring(0, start) + shifted + sentence.substring(start + length);
            if (damaged.equals(sentence)) continue;
            return new Instance(sentence, damaged, start, start + shifted.length(),
                    (late ? "late" : "drop") + (marker == '?' ? "?" : "\ufffd") + (fold ? "+fold" : ""));
        }
        return null;
    }

    /**
     * A damaged copy of {@code sentence} with bytes also lost inside the shifted run: one byte shown as
     * {@code ?}, a byte pair shown as one {@code ?}, or a byte pair gone without trace (a private-use
     * character a capture dropped). Null if the sentence has no span the mechanism applies to.
     */
    Instance damageMidRun(String sentence) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int length = 4 + random.nextInt(5);
            if (sentence.length() < length + 2) length = sentence.length() - 2;
            if (length < 4) return null;
            int start = 1 + random.nextInt(sentence.length() - length - 1);
            String span = sentence.substring(start, start + length);
            byte[] bytes = span.getBytes(GBK);
            if (bytes.length != 2 * span.length()) continue;
            int kind = random.nextInt(3);
            int lost = kind == 0 ? 1 : 2;
            // somewhere after the first two characters of the run and before its last
            int at = 3 + random.nextInt(bytes.length - 4 - lost);
            int[] stream = new int[bytes.length - 1 - lost + (kind == 2 ? 0 : 1)];
            int o = 0;
            for (int i = 1; i < bytes.length; i++) {
                if (i == at) { if (kind != 2) stream[o++] = LOST; i += lost - 1; continue; }
                stream[o++] = bytes[i] & 0xff;
            }
            StringBuilder out = new StringBuilder();
            decode(stream, '?', out);
            String damaged = sentence.substring(0, start) + out + sentence.substring(start + length);
            if (damaged.equals(sentence)) continue;
            return new Instance(sentence, damaged, start, start + out.length(),
                    kind == 0 ? "mid-byte?" : kind == 1 ? "mid-pair?" : "mid-pair-silent");
        }
        return null;
    }

    private static final int LOST = -1;

    /** Decodes a byte stream in which {@link #LOST} marks a lost byte the capture shows as the marker. */
    private static void decode(int[] stream, char marker, StringBuilder out) {
        int i = 0;
        while (i < stream.length) {
            int b = stream[i];
            if (b == LOST) { out.append(marker); i++; continue; }
            if (b < 0x80) { out.append((char) b); i++; continue; }
            if (b == 0x80) { out.append('€'); i++; continue; }
            if (i + 1 < stream.length && stream[i + 1] != LOST) {
                String pair = pair(b, stream[i + 1]);
                if (pair != null) { out.append(pair); i += 2; continue; }
            }
            out.append(marker);
            i++;
        }
    }

    /** Damaged copies, with bytes lost inside the run, of all sentences that have a suitable span. */
    List<Instance> damageAllMidRun(List<String> sentences) {
        List<Instance> out = new ArrayList<>();
        for (String s : sentences) {
            Instance instance = damageMidRun(s);
            if (instance != null) out.add(instance);
        }
        return out;
    }

    /** Decodes GBK bytes from {@code from} on as a lenient decoder does. */
    private static void decode(byte[] bytes, int from, char marker, StringBuilder out) {
        int i = from;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) { out.append((char) b); i++; continue; }
            if (b == 0x80) { out.append('€'); i++; continue; }
            if (i + 1 < bytes.length) {
                String pair = pair(b, bytes[i + 1] & 0xff);
                if (pair != null) { out.append(pair); i += 2; continue; }
            }
            out.append(marker);
            i++;
        }
    }

    private static String pair(int lead, int trail) {
        if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail == 0x7f) return null;
        String s = new String(new byte[]{(byte) lead, (byte) trail}, GBK);
        return s.length() == 1 && s.charAt(0) != '\ufffd' ? s : null;
    }

    static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) sb.append(c >= '\uff01' && c <= '\uff5e' ? (char) (c - 0xfee0) : c);
        return sb.toString();
    }

    /** Damaged copies of all sentences that have a suitable span. */
    List<Instance> damageAll(List<String> sentences) {
        List<Instance> out = new ArrayList<>();
        for (String s : sentences) {
            Instance instance = damage(s);
            if (instance != null) out.add(instance);
        }
        return out;
    }
}
