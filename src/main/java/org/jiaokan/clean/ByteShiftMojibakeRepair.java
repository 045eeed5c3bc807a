package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;
import org.jiaokan.model.Script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Finds text that was GBK/GB18030-encoded and then decoded one byte off ({@code 確?!钡陌踩€} for
 * {@code 確保”的安全穩}) and proposes the text it was, or flags it as damaged when no repair convinces.
 *
 * <p>Detection looks for traces a shifted decode leaves: replacement characters, {@code €} (the lone
 * byte 0x80 in Windows code page 936), private-use characters, and, in a traditional-script text,
 * simplified-only characters that make no word with their neighbours. The run around such a trace is
 * grown over neighbours that make no words either. Repair re-encodes the run to bytes, lets each
 * {@code ?} stand for one lost byte, lets ASCII punctuation stand for its full-width form (which a
 * later normaliser may have folded), tries one lost stretch of one or two bytes anywhere in the run,
 * decodes again in step, fills unknown bytes by search, and scores every candidate against the original
 * with HanLP's core dictionary (words formed with neighbours, and how common the characters are). Only a
 * clear gain yields a correction; a run with a hard trace but no convincing repair is flagged as damage.
 */
public final class ByteShiftMojibakeRepair implements CleaningRule {

    static final String REASON = "byte-shift-mojibake";

    private static final int MAX_GROW = 8;
    private static final int MAX_RUN = 20;
    private static final int MAX_PUNCT_CHOICES = 3;
    private static final int COMMON_FREQUENCY = 500;
    private static final double WORD_SCORE = 1.0;
    private static final double UNIGRAM_WEIGHT = 0.3;
    /** What an unknown byte costs: one standing for a visible "?" is cheap, an invented lost stretch is not. */
    private static final double UNKNOWN_BYTE_COST = 0.25;
    private static final double LOST_BYTE_COST = 0.6;
    /** A character guessed for unknown bytes was chosen to fit, so the words it makes are weaker evidence. */
    private static final double GUESSED_PAIR_WEIGHT = 0.5;
    private static final int MIN_NEW_DECODED = 2;
    private static final double MEDIUM_GAIN = 2.0;
    private static final double LOW_GAIN = 1.0;
    private static final int MAX_OPTIONS = 400;
    private static final int FALLBACK_OPTIONS = 60;
    private static final int UNKNOWN = -1;

    @Override
    public String name() { return "byte-shift-mojibake"; }

    @Override
    public String description() {
        return "Text decoded one byte off its GBK/GB18030 encoding is repaired by re-encoding, shifting and "
                + "dictionary scoring (sic/corr with the certainty reached), or flagged as sic when no repair convinces.";
    }

    @Override
    public List<Intervention> find(String line, LineContext context) {
        List<Intervention> out = new ArrayList<>();
        int lastEnd = 0;
        for (int i = 0; i < line.length(); i++) {
            if (i < lastEnd) continue;
            boolean hard = isHardTrace(line, i);
            if (!hard && !isSoftTrace(line, i, context.script())) continue;
            int[] run = grow(line, i);
            boolean anyHard = hard;
            for (int k = run[0]; k < run[1]; k++) anyHard |= isHardTrace(line, k);
            Intervention found = judge(line, run[0], run[1], anyHard);
            if (found != null) out.add(found);
            lastEnd = run[1];
        }
        return out;
    }

    /** Characters a correct decode of Chinese text next to Han characters does not produce. */
    private static boolean isHardTrace(String line, int i) {
        char c = line.charAt(i);
        boolean trace = c == '€' || c == '\ufffd' || isPrivateUse(c);
        // Next to a number, € is the currency sign.
        if (c == '€' && (digitAt(line, i - 1) || digitAt(line, i + 1))) return false;
        return trace && (hanAt(line, i - 1) || hanAt(line, i + 1) || hanAt(line, i - 2) || hanAt(line, i + 2));
    }

    /**
     * Weaker traces, acted on only when a repair convinces: in traditional text, a simplified-only
     * character that makes no word with its neighbours; in any text, a {@code ?} touching a Han
     * character that is neither common nor part of a word (a genuine question mark follows text).
     */
    private static boolean isSoftTrace(String line, int i, Script script) {
        char c = line.charAt(i);
        if (c == '?') return unfitHanAt(line, i - 1) || unfitHanAt(line, i + 1);
        return script == Script.TRADITIONAL && PinyinArtifactRule.isHan(c)
                && ChineseLexicon.isSimplifiedOnly(c) && !formsWord(line, i);
    }

    private static boolean unfitHanAt(String line, int i) {
        return hanAt(line, i) && !fits(line, i);
    }

    /** True if the Han character at {@code i} is common or forms a dictionary word with a neighbour. */
    static boolean fits(String line, int i) {
        String self = ChineseLexicon.toSimplified(String.valueOf(line.charAt(i)));
        return ChineseLexicon.frequency(self) >= COMMON_FREQUENCY || formsWord(line, i);
    }

    /** True if the character at {@code i} is part of a two- or three-character dictionary word. */
    static boolean formsWord(String line, int i) {
        for (int len = 2; len <= 3; len++) {
            for (int from = i - len + 1; from <= i; from++) {
                int to = from + len;
                if (from < 0 || to > line.length()) continue;
                String window = line.substring(from, to);
                if (allHan(window) && ChineseLexicon.isWord(ChineseLexicon.toSimplified(window))) return true;
            }
        }
        return false;
    }

    private int[] grow(String line, int seed) {
        int s = seed;
        int e = seed + 1;
        while (s > 0 && seed - s < MAX_GROW && e - s < MAX_RUN && absorbable(line, s - 1)) s--;
        while (e < line.length() && e - seed <= MAX_GROW && e - s < MAX_RUN && absorbable(line, e)) e++;
        return new int[]{s, e};
    }

    private static boolean absorbable(String line, int i) {
        char c = line.charAt(i);
        if (c == '€' || c == '\ufffd' || isPrivateUse(c)) return true;
        if (c > 0x20 && c < 0x7f) {
            if (!Character.isLetterOrDigit(c)) return c != '(' && c != ')';
            // A lone ASCII letter between Chinese characters is a trail byte below 0x80 decoded on its own.
            return i > 0 && i + 1 < line.length() && line.charAt(i - 1) > 0x7f && line.charAt(i + 1) > 0x7f;
        }
        if (c >= '\uff01' && c <= '\uff5e') return true; // full-width forms: GBK row A3, typical of shifted pairs
        return PinyinArtifactRule.isHan(c) && !fits(line, i);
    }

    private Intervention judge(String line, int s, int e, boolean hard) {
        Repair best = repair(line, s, e);
        if (best != null) {
            String original = line.substring(s, e);
            int p = 0;
            while (p < original.length() && p < best.text.length() && original.charAt(p) == best.text.charAt(p)) p++;
            int q = 0;
            while (q < original.length() - p && q < best.text.length() - p
                    && original.charAt(original.length() - 1 - q) == best.text.charAt(best.text.length() - 1 - q)) q++;
            if (p + q < original.length()) {
                String replacement = best.text.substring(p, best.text.length() - q);
                return new Intervention(s + p, e - q, Kind.CORRECTION, replacement, REASON, best.cert, name());
            }
        }
        if (!hard) return null;
        int a = s;
        int b = e;
        // Flag only the damaged core: neighbours that merely make no words are not evidence of damage.
        while (a < b && PinyinArtifactRule.isHan(line.charAt(a)) && !ChineseLexicon.isSimplifiedOnly(line.charAt(a))) a++;
        while (b > a && PinyinArtifactRule.isHan(line.charAt(b - 1)) && !ChineseLexicon.isSimplifiedOnly(line.charAt(b - 1))) b--;
        if (a == b) { a = s; b = e; }
        return new Intervention(a, b, Kind.DAMAGE, "", REASON, Cert.MEDIUM, name());
    }

    private record Repair(String text, Cert cert) {}

    /** The best re-decoding of {@code line[s,e)}, or null when none scores clearly above the text as it is. */
    private Repair repair(String line, int s, int e) {
        String run = line.substring(s, e);
        String left = context(line, s, -1);
        String right = context(line, e, +1);
        // A gloss the converter wrote after the run gives the reading of the run's last character.
        String glossed = gloss(line, e);
        String reading = glossed.isEmpty() ? "" : Normalizer.normalize(glossed.substring(1, glossed.length() - 1), Normalizer.Form.NFC);
        Scorer scorer = new Scorer(reading);
        double original = scorer.score(left + run + right) + scorer.reads(run.charAt(run.length() - 1));

        List<int[][]> units = new ArrayList<>();
        List<Integer> punct = new ArrayList<>();
        for (int k = 0; k < run.length(); k++) {
            int[][] alternatives = unitBytes(run.charAt(k));
            if (alternatives == null) return null;
            if (alternatives.length > 1) {
                if (punct.size() >= MAX_PUNCT_CHOICES) alternatives = new int[][]{alternatives[0]};
                else punct.add(k);
            }
            units.add(alternatives);
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        String bestText = null;
        for (int mask = 0; mask < (1 << punct.size()); mask++) {
            for (int gapAt = 0; gapAt <= run.length(); gapAt++) {
                for (int gapLen = 0; gapLen <= 2; gapLen++) {
                    if (gapLen == 0 && gapAt > 0) continue;
                    int[] template = template(units, punct, mask, gapAt, gapLen);
                    Decoded decoded = decode(template);
                    if (decoded == null) continue;
                    int unknown = 0;
                    for (int b : template) if (b == UNKNOWN) unknown++;
                    Candidate c = scorer.best(left, decoded, right);
                    // Only characters decoded from bytes that were already there show that the shift is real.
                    if (c == null || newlyDecoded(c.text, decoded, run) < MIN_NEW_DECODED) continue;
                    double score = c.score - UNKNOWN_BYTE_COST * (unknown - gapLen) - LOST_BYTE_COST * gapLen;
                    if (score > bestScore) { bestScore = score; bestText = c.text; }
                }
            }
        }
        if (bestText == null || bestText.equals(run)) return null;
        double gain = bestScore - original;
        if (gain >= MEDIUM_GAIN) return new Repair(bestText, Cert.MEDIUM);
        if (gain >= LOW_GAIN) return new Repair(bestText, Cert.LOW);
        return null;
    }

    /** Up to two Han characters beside the run, skipping a converter's pinyin gloss on the right. */
    private static String context(String line, int from, int direction) {
        StringBuilder sb = new StringBuilder();
        int i = direction < 0 ? from - 1 : from + gloss(line, from).length();
        while (sb.length() < 2 && i >= 0 && i < line.length() && PinyinArtifactRule.isHan(line.charAt(i))) {
            if (direction < 0) sb.insert(0, line.charAt(i)); else sb.append(line.charAt(i));
            i += direction;
        }
        return sb.toString();
    }

    /** The converter's pinyin gloss starting at {@code at} ("(wěn)"), or "". */
    private static String gloss(String line, int at) {
        Matcher m = PinyinArtifactRule.GLOSS.matcher(line);
        return m.find(at) && m.start() == at ? m.group() : "";
    }

    /** The byte sequences one character of the run may have come from; null if it cannot be part of a GBK text. */
    private static int[][] unitBytes(char c) {
        if (c == '€') return new int[][]{{0x80}};
        if (c == '?' || c == '\ufffd') return new int[][]{{UNKNOWN}};
        if (c > 0x20 && c < 0x7f) {
            return Character.isLetterOrDigit(c) ? new int[][]{{c}} : new int[][]{{c}, {0xa3, c | 0x80}};
        }
        byte[] bytes = String.valueOf(c).getBytes(Gbk.CHARSET);
        if (bytes.length != 2) return null;
        return new int[][]{{bytes[0] & 0xff, bytes[1] & 0xff}};
    }

    private static int[] template(List<int[][]> units, List<Integer> punct, int mask, int gapAt, int gapLen) {
        List<Integer> bytes = new ArrayList<>();
        for (int k = 0; k <= units.size(); k++) {
            if (k == gapAt) for (int g = 0; g < gapLen; g++) bytes.add(UNKNOWN);
            if (k == units.size()) break;
            int[][] alternatives = units.get(k);
            int choice = 0;
            int bit = punct.indexOf(k);
            if (bit >= 0 && (mask & (1 << bit)) != 0) choice = 1;
            for (int b : alternatives[choice]) bytes.add(b);
        }
        return bytes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The characters each decoded position may be, and which positions were guessed from unknown bytes. */
    private record Decoded(List<char[]> positions, List<Boolean> guessed) {}

    /** Han characters decoded wholly from known bytes that the run did not already have. */
    private static int newlyDecoded(String text, Decoded decoded, String run) {
        int count = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (!decoded.guessed.get(k) && PinyinArtifactRule.isHan(c) && run.indexOf(c) < 0) count++;
        }
        return count;
    }

    /** Decodes a byte template in GBK steps into the characters each position may be; null if it cannot decode. */
    private static Decoded decode(int[] t) {
        List<char[]> positions = new ArrayList<>();
        List<Boolean> guessed = new ArrayList<>();
        int i = 0;
        while (i < t.length) {
            int lead = t[i];
            if (lead != UNKNOWN && lead < 0x80) {
                positions.add(new char[]{(char) lead});
                guessed.add(false);
                i++;
                continue;
            }
            if (i + 1 >= t.length) return null;
            int trail = t[i + 1];
            char[] options = Gbk.options(lead, trail);
            if (options.length == 0) return null;
            positions.add(options);
            guessed.add(lead == UNKNOWN || trail == UNKNOWN);
            i += 2;
        }
        return new Decoded(positions, guessed);
    }

    private static boolean hanAt(String line, int i) {
        return i >= 0 && i < line.length() && PinyinArtifactRule.isHan(line.charAt(i));
    }

    private static boolean digitAt(String line, int i) {
        return i >= 0 && i < line.length() && Character.isDigit(line.charAt(i));
    }

    private static boolean allHan(String s) {
        for (int k = 0; k < s.length(); k++) if (!PinyinArtifactRule.isHan(s.charAt(k))) return false;
        return true;
    }

    private static boolean isPrivateUse(char c) { return c >= '\ue000' && c <= '\uf8ff'; }

    private record Candidate(String text, double score) {}

    /** Dictionary scoring of candidate texts; caches lookups for the run being repaired only. */
    private static final class Scorer {
        private final Map<Character, String> simplified = new HashMap<>();
        private final Map<Character, Double> unigram = new HashMap<>();
        private final Map<String, Boolean> words = new HashMap<>();
        private final String lastReading;

        Scorer(String lastReading) {
            this.lastReading = lastReading;
        }

        double reads(char c) {
            if (lastReading.isEmpty() || !PinyinArtifactRule.isHan(c)) return 0;
            return PinyinArtifactRule.judge(c, lastReading) == Cert.HIGH ? WORD_SCORE : 0;
        }

        String simp(char c) {
            return simplified.computeIfAbsent(c, k -> ChineseLexicon.toSimplified(String.valueOf(k)));
        }

        double unigram(char c) {
            if (!PinyinArtifactRule.isHan(c)) return 0;
            return unigram.computeIfAbsent(c, k -> UNIGRAM_WEIGHT * Math.log10(ChineseLexicon.frequency(simp(k)) + 1));
        }

        double pair(char a, char b) {
            if (!PinyinArtifactRule.isHan(a) || !PinyinArtifactRule.isHan(b)) return 0;
            String w = simp(a) + simp(b);
            return words.computeIfAbsent(w, ChineseLexicon::isWord) ? WORD_SCORE : 0;
        }

        double score(String text) {
            double total = 0;
            for (int k = 0; k < text.length(); k++) {
                total += unigram(text.charAt(k));
                if (k > 0) total += pair(text.charAt(k - 1), text.charAt(k));
            }
            return total;
        }

        /** Best path through the positions between fixed contexts (Viterbi over adjacent-pair scores). */
        Candidate best(String left, Decoded decoded, String right) {
            List<char[]> all = new ArrayList<>();
            List<Boolean> guessed = new ArrayList<>();
            for (char c : left.toCharArray()) { all.add(new char[]{c}); guessed.add(false); }
            int first = all.size();
            all.addAll(decoded.positions);
            guessed.addAll(decoded.guessed);
            int afterLast = all.size();
            for (char c : right.toCharArray()) { all.add(new char[]{c}); guessed.add(false); }
            for (int k = first; k < afterLast; k++) all.set(k, prune(all, k));

            double[] prev = null;
            List<int[]> back = new ArrayList<>();
            for (int k = 0; k < all.size(); k++) {
                char[] opts = all.get(k);
                double[] cur = new double[opts.length];
                int[] from = new int[opts.length];
                for (int o = 0; o < opts.length; o++) {
                    double base = (guessed.get(k) ? 0 : unigram(opts[o])) + (k == afterLast - 1 ? reads(opts[o]) : 0);
                    if (prev == null) { cur[o] = base; continue; }
                    char[] before = all.get(k - 1);
                    double weight = guessed.get(k) || guessed.get(k - 1) ? GUESSED_PAIR_WEIGHT : 1.0;
                    double bestHere = Double.NEGATIVE_INFINITY;
                    for (int p = 0; p < before.length; p++) {
                        double v = prev[p] + weight * pair(before[p], opts[o]);
                        if (v > bestHere) { bestHere = v; from[o] = p; }
                    }
                    cur[o] = bestHere + base;
                }
                back.add(from);
                prev = cur;
            }
            int arg = 0;
            for (int o = 1; o < prev.length; o++) if (prev[o] > prev[arg]) arg = o;
            double score = prev[arg];
            char[] chosen = new char[all.size()];
            for (int k = all.size() - 1; k >= 0; k--) {
                chosen[k] = all.get(k)[arg];
                arg = back.get(k)[arg];
            }
            return new Candidate(new String(chosen, first, afterLast - first), score);
        }

        /** Keeps a wide choice tractable: characters that make a word with a fixed neighbour, else the most common. */
        private char[] prune(List<char[]> all, int k) {
            char[] opts = all.get(k);
            if (opts.length <= MAX_OPTIONS) return opts;
            char[] before = k > 0 && all.get(k - 1).length == 1 ? all.get(k - 1) : null;
            char[] after = k + 1 < all.size() && all.get(k + 1).length == 1 ? all.get(k + 1) : null;
            StringBuilder keep = new StringBuilder();
            for (char c : opts) {
                if ((before != null && pair(before[0], c) > 0) || (after != null && pair(c, after[0]) > 0)) keep.append(c);
            }
            if (keep.length() > 0) return keep.toString().toCharArray();
            List<Character> sorted = new ArrayList<>();
            for (char c : opts) sorted.add(c);
            sorted.sort((x, y) -> Double.compare(unigram(y), unigram(x)));
            char[] top = new char[Math.min(FALLBACK_OPTIONS, sorted.size())];
            for (int i = 0; i < top.length; i++) top[i] = sorted.get(i);
            return top;
        }
    }

    /** The GBK double-byte table as GB18030 decodes it, built once on first use. */
    private static final class Gbk {
        static final Charset CHARSET = Charset.forName("GB18030");
        private static final int LEADS = 0xfe - 0x81 + 1;
        private static final int TRAILS = 0xfe - 0x40 + 1;
        private static final char[] TABLE = build();

        private static char[] build() {
            char[] table = new char[LEADS * TRAILS];
            CharsetDecoder decoder = CHARSET.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            for (int lead = 0x81; lead <= 0xfe; lead++) {
                for (int trail = 0x40; trail <= 0xfe; trail++) {
                    if (trail == 0x7f) continue;
                    try {
                        CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(new byte[]{(byte) lead, (byte) trail}));
                        if (cb.length() == 1) table[(lead - 0x81) * TRAILS + (trail - 0x40)] = cb.charAt(0);
                    } catch (CharacterCodingException ignored) {
                        // not a GBK code point: stays 0
                    }
                }
            }
            return table;
        }

        /** Characters a lead/trail pair (either possibly unknown) can decode to; private-use results are excluded. */
        static char[] options(int lead, int trail) {
            if (lead != UNKNOWN && (lead < 0x81 || lead > 0xfe)) return new char[0];
            if (trail != UNKNOWN && (trail < 0x40 || trail > 0xfe || trail == 0x7f)) return new char[0];
            int l0 = lead == UNKNOWN ? 0x81 : lead;
            int l1 = lead == UNKNOWN ? 0xfe : lead;
            int t0 = trail == UNKNOWN ? 0x40 : trail;
            int t1 = trail == UNKNOWN ? 0xfe : trail;
            boolean anyUnknown = lead == UNKNOWN || trail == UNKNOWN;
            StringBuilder sb = new StringBuilder();
            for (int l = l0; l <= l1; l++) {
                for (int t = t0; t <= t1; t++) {
                    if (t == 0x7f) continue;
                    char c = TABLE[(l - 0x81) * TRAILS + (t - 0x40)];
                    if (c == 0 || isPrivateUse(c)) continue;
                    // Unknown bytes are filled with text characters only; punctuation guesses prove nothing.
                    if (anyUnknown && !PinyinArtifactRule.isHan(c)) continue;
                    sb.append(c);
                }
            }
            return sb.toString().toCharArray();
        }
    }
}
