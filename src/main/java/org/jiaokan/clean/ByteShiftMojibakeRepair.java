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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds text that was GBK/GB18030-encoded and then decoded one byte off ({@code 確?!钡陌踩€} for
 * {@code 確保”的安全穩}) and proposes the text it was, or flags it as damaged when no repair convinces.
 *
 * <p>The rule works on the mechanism. A cheap pre-filter marks characters a shifted decode leaves
 * behind: replacement marks, {@code €} (the lone byte 0x80 of code page 936), private-use characters,
 * GBK symbols and full-width forms, ASCII wedged between Han characters (a trail byte below 0x80, or a
 * full-width form a capture folded to half width) and Han characters the character language model
 * ({@link CharBigramModel}) finds rare. Around each mark a window of GBK text is re-encoded to bytes:
 * a {@code ?} stands for one unknown byte (which may realign the reading after it) or for a byte pair
 * the decoder could not read, ASCII may stand for its full-width form. One Viterbi pass over the window
 * then chooses, character by character, between keeping the text as it is and reading its bytes one
 * byte off (entering that reading with or without a lost lead byte, leaving it with or without a lost
 * trail byte, a byte pair lost without trace inside it, an unknown byte filled with whatever character
 * fits best, a re-decoded character the model finds rare paying extra), scoring every path with the
 * language model. Work is linear in the window's length.
 *
 * <p>A stretch read one byte off on the best path becomes a correction when the path beats the text
 * as it is by a clear margin. Each character filled in for a lost byte is then chosen again (twice, so
 * that neighbouring guesses see each other) among all characters sharing its known byte and written in
 * the document's script, with a word bigram segmentation of its surroundings (HanLP's core dictionary
 * and word bigram table). {@code @cert} comes from the margin, one step lower when a filled-in character
 * had a close rival or a byte pair was lost without trace, low when the repair itself yields a character
 * the pre-filter would suspect. A lone ASCII character between Han characters that no correction covers
 * is read as the trail byte of a character whose lead byte was lost (the text realigns after it): a
 * correction when the best such character reads clearly better, a flag when narrowly; a capital letter
 * (沪深A股, X光) only when the repair convinces strongly, or as a flag next to a character the pre-filter
 * suspects. Hard traces (replacement marks, {@code €}, private use) that no correction covers are
 * flagged as damage.
 */
public final class ByteShiftMojibakeRepair implements CleaningRule {

    static final String REASON = "byte-shift-mojibake";

    /** Characters of context taken on each side of a suspicious character. */
    private static final int MARGIN = 9;
    /** What starting to read bytes one off costs: shifted readings must earn it. */
    private static final double ENTER_COST = 3.0;
    /** What a byte the text does not show costs (it is filled by choice, so the fit proves less). */
    private static final double UNKNOWN_BYTE_COST = 3.0;
    /** A re-decoded Han character rarer than {@link #RARE}. */
    private static final double RARE_COST = 4.0;
    /** A byte pair lost inside the shifted reading, shown as one mark or not at all (on top of its unknown bytes). */
    private static final double LOST_PAIR_COST = 1.0;
    /** How many of the commonest characters the lattice tries for the first character of a pair lost without trace. */
    private static final int LOST_PAIR_GUESSES = 8;
    /** Choosing an ASCII character's full-width form, which a capture may have folded. */
    private static final double FOLD_COST = 0.5;
    /** A character of the other script than the document's. */
    private static final double SCRIPT_COST = 2.5;
    /** A Latin letter or ASCII symbol straight after a Han character. */
    private static final double WEDGE_COST = 5.0;
    private static final double LOW_GAIN = 3.0;
    private static final double MEDIUM_GAIN = 14.0;
    private static final double HIGH_GAIN = 26.0;
    /** A character filled in for a lost byte with a rival closer than this is uncertain. */
    private static final double CLOSE_RIVAL = 1.5;
    /** Weight of the word segmentation's score when a filled-in character is chosen again. */
    private static final double SEGMENT_WEIGHT = 1.0;
    /** Roughly the sum of HanLP's core dictionary frequencies. */
    private static final double WORD_TOTAL = 5e7;
    /** Weight of the word bigram table against the word's own frequency. */
    private static final double WORD_LAMBDA = 0.6;
    /** Characters taken on each side of a filled-in character for its word segmentation. */
    private static final int SEGMENT_REACH = 4;
    private static final int REFILL_PASSES = 2;
    /** Han characters rarer than this (natural log of the relative frequency) are suspicious. */
    private static final double RARE = -12.5;
    private static final int UNKNOWN = 256;
    /** A wedged ASCII character read as a trail byte is corrected from this gain on, flagged from SINGLE_FLAG on. */
    private static final double SINGLE_GAIN = 3.0;
    private static final double SINGLE_FLAG = -3.0;
    /** A wedged capital letter is corrected from this gain on and never merely flagged. */
    private static final double CAPITAL_GAIN = 16.0;
    /** Filling a lost byte with a character of the other script. */
    private static final double GUESS_SCRIPT_COST = 6.0;
    private static final int KEEP = 0;
    private static final int ALIGNED = 1;
    private static final int PENDING = 2;

    /** Whether judged windows are remembered (see {@link #judged}). */
    private final boolean memo;

    public ByteShiftMojibakeRepair() { this(true); }

    /** A rule that remembers judged windows or (for measuring the search itself) judges every window anew. */
    ByteShiftMojibakeRepair(boolean memo) { this.memo = memo; }

    /**
     * The rule judging every window anew, its memo neither read nor filled: what it costs on text it has not seen
     * ({@code jiaokan bench} measures it so on the example edition's sources). It finds what the standard rule finds.
     */
    public static ByteShiftMojibakeRepair withoutMemo() {
        return new ByteShiftMojibakeRepair(false);
    }

    @Override
    public String name() { return "byte-shift-mojibake"; }

    @Override
    public String description() {
        return "Text decoded one byte off its GBK/GB18030 encoding is repaired by re-encoding, shifting and "
                + "choosing among the decodings with a character language model (sic/corr with the certainty reached), "
                + "or flagged as sic when no repair convinces.";
    }

    @Override
    public List<Intervention> find(String line, LineContext context) {
        List<Intervention> out = new ArrayList<>();
        if (!anyCandidate(line)) return out;
        CharBigramModel lm = CharBigramModel.get();
        int n = line.length();
        int i = 0;
        // the pre-filter's look-ups of the model, counted here and added once for the line: a shared counter
        // touched for every Han character of every line cost as much as the look-ups
        long looked = 0;
        while (i < n) {
            int f = prefilter(line, i, lm);
            looked += f >> 1;
            if ((f & 1) == 0) { i++; continue; }
            int s = Math.max(0, i - MARGIN);
            for (int k = i - 1; k >= s; k--) if (!Gbk.encodable(line.charAt(k))) { s = k + 1; break; }
            int last = i;
            int e = Math.min(n, i + 1 + MARGIN);
            int k = i + 1;
            while (k < e) {
                if (!Gbk.encodable(line.charAt(k))) break;
                int g = prefilter(line, k, lm);
                looked += g >> 1;
                if ((g & 1) != 0) { last = k; e = Math.min(n, k + 1 + MARGIN); }
                k++;
            }
            e = k;
            // A window reaches back MARGIN characters and may reach into the one before it: a span it makes
            // there would overlap that window's spans, and the earlier window's judgement stands.
            for (Intervention iv : memo ? judged(line, s, e, lm, context.script()) : new Window(line, s, e, lm, context.script()).judge()) {
                if (out.stream().noneMatch(iv::overlaps)) out.add(iv);
            }
            i = Math.max(e, last + 1);
        }
        CharBigramModel.EVALUATIONS.add(looked);
        return out;
    }

    /**
     * Characters on each side of a window its judgement reads besides the window itself: the word
     * segmentation of a filled-in or wedged character reaches {@link #SEGMENT_REACH} characters out, the
     * pre-filter and the trace test two characters around a neighbour. Nothing further out counts.
     */
    private static final int CONTEXT = SEGMENT_REACH;

    /**
     * The judgement of window {@code line[s,e)}, from the memo when the same window in the same surroundings and
     * script was judged before (recurring headers, names in pinyin, boilerplate): the judgement is a pure function
     * of those characters, so a remembered one is exactly what the search would find again. The memo is shared by
     * every thread and every run of the JVM: a window judged on one thread is not judged again on another, nor in
     * the next build of a watched edition. Two threads meeting a new window at once may both judge it; they find the
     * same.
     */
    private static List<Intervention> judged(String line, int s, int e, CharBigramModel lm, Script script) {
        int from = Math.max(0, s - CONTEXT);
        int to = Math.min(line.length(), e + CONTEXT);
        StringBuilder key = new StringBuilder(to - from + 3)
                .append((char) (script == null ? 0 : script.ordinal() + 1)).append((char) (s - from)).append((char) (e - from))
                .append(line, from, to);
        String k = key.toString();
        List<Intervention> relative;
        synchronized (MEMO) {
            relative = MEMO.get(k);
        }
        if (relative == null) {
            List<Intervention> judged = new ArrayList<>();
            for (Intervention iv : new Window(line, s, e, lm, script).judge()) judged.add(shift(iv, -s));
            relative = List.copyOf(judged);
            synchronized (MEMO) {
                MEMO.put(k, relative);
            }
        }
        if (relative.isEmpty()) return relative;
        List<Intervention> out = new ArrayList<>(relative.size());
        for (Intervention iv : relative) out.add(shift(iv, s));
        return out;
    }

    private static Intervention shift(Intervention iv, int by) {
        return new Intervention(iv.start() + by, iv.end() + by, iv.kind(), iv.replacement(), iv.reason(), iv.cert(), iv.rule());
    }

    /**
     * The best score of window {@code line[s,e)} computed both ways, by {@link Scores} and by the search
     * ({@code NEGATIVE_INFINITY} when the search finds no path), for tests: they must be equal. The third
     * figure is the score of the text as it is.
     */
    static double[] bestBothWays(String line, int s, int e, Script script) {
        Window w = new Window(line, s, e, CharBigramModel.get(), script);
        char left = s > 0 ? line.charAt(s - 1) : 0;
        char right = e < line.length() ? line.charAt(e) : 0;
        Node best = w.search(left, right);
        return new double[]{new Scores(w).best(left, right), best == null ? Double.NEGATIVE_INFINITY : w.finalScore(best, right),
                w.asIs(left, right)};
    }

    /**
     * Windows remembered, the least recently used forgotten first: a few megabytes at most (a key is the window
     * and its context, some thirty characters; most judgements are the empty list). Looked up once per window
     * under its lock, a few tens of thousands of times for thousands of documents; the search itself runs outside it.
     */
    private static final int MEMO_SIZE = 32_768;
    private static final Map<String, List<Intervention>> MEMO =
            new java.util.LinkedHashMap<>(MEMO_SIZE * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<Intervention>> eldest) { return size() > MEMO_SIZE; }
            };

    /** The cheapest test: a line of ASCII and common punctuation only has nothing to repair. */
    private static boolean anyCandidate(String line) {
        for (int k = 0; k < line.length(); k++) if (line.charAt(k) > 0x7f) return true;
        return false;
    }

    /** The pre-filter: a character a shifted decode leaves and ordinary text rarely has. */
    static boolean suspicious(String line, int i, CharBigramModel lm) {
        int f = prefilter(line, i, lm);
        if ((f & 2) != 0) CharBigramModel.EVALUATIONS.increment();
        return (f & 1) != 0;
    }

    /**
     * {@link #suspicious} without counting its look-up of the model: bit 0 set where the character is suspicious, bit 1
     * where the model was looked up (the caller counts it).
     */
    private static int prefilter(String line, int i, CharBigramModel lm) {
        char c = line.charAt(i);
        if (isHardTrace(line, i)) return 1;
        if (PinyinArtifactRule.isHan(c)) return RareHan.of(lm).rare(c) ? 3 : 2;
        if (c > 0x20 && c < 0x7f) {
            if (c == '?' ) return hanAt(line, i - 1) && hanAt(line, i + 1) || hanAt(line, i - 1) && i + 1 < line.length() && line.charAt(i + 1) < 0x7f && line.charAt(i + 1) > 0x20 && line.charAt(i + 1) != ' ' ? 1 : 0;
            // ASCII wedged between Han characters, other than the punctuation Chinese text is typed with
            return hanAt(line, i - 1) && hanAt(line, i + 1) && ",.:;!()%".indexOf(c) < 0 && !Character.isDigit(c) ? 1 : 0;
        }
        return c > 0x7f && !CharBigramModel.plain(c) && Gbk.code(c) > 0 ? 1 : 0;
    }

    /**
     * The Han characters the model finds rare out of context ({@code logUnigram < RARE}), one bit each, worked out once
     * from the model (it does not change once loaded): the pre-filter asks about every Han character of every line,
     * and the model's answer costs a logarithm each time.
     */
    private static final class RareHan {
        private static volatile RareHan made;
        private final CharBigramModel model;
        private final long[] bits = new long[0x10000 / 64];

        private RareHan(CharBigramModel model) {
            this.model = model;
            for (int c = 0; c < 0x10000; c++) {
                if (PinyinArtifactRule.isHan((char) c) && model.logUnigramUncounted((char) c) < RARE) bits[c >>> 6] |= 1L << c;
            }
        }

        static RareHan of(CharBigramModel model) {
            RareHan r = made;
            if (r == null || r.model != model) made = r = new RareHan(model);
            return r;
        }

        boolean rare(char c) {
            return (bits[c >>> 6] & (1L << c)) != 0;
        }
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
     * A single Latin letter, or an ASCII symbol that only a trail byte below 0x80 read alone puts there
     * (not the marks Chinese text itself uses between words: + / | ~ = quotes), between two Han characters.
     */
    private static boolean isWedged(String line, int i) {
        char c = line.charAt(i);
        return hanAt(line, i - 1) && hanAt(line, i + 1) && (Character.isLetter(c) && c < 0x7f || WEDGE_SYMBOLS.indexOf(c) >= 0);
    }

    private static final String WEDGE_SYMBOLS = "@[\\]^_`{}";

    /** One node of the lattice: a boundary between characters of the window, with how the path got there. */
    private static final class Node {
        final int mode;
        final int pending;
        final char last;
        final double score;
        final Node back;
        /** Characters this step emitted (the text as it is in KEEP mode, the re-decoded text otherwise). */
        final String emitted;
        /** Index of the window character this step consumed, -1 for a step that consumed none. */
        final int consumed;
        /** True when the last emitted character was filled in for a lost byte. */
        final boolean guessed;
        /** For a filled-in character: lead * 257 + trail, one of them {@link #UNKNOWN}; -1 otherwise. */
        int slot = -1;
        /** True for a step across a byte pair lost without trace. */
        boolean silent;

        Node(int mode, int pending, char last, double score, Node back, String emitted, int consumed, boolean guessed) {
            this.mode = mode;
            this.pending = pending;
            this.last = last;
            this.score = score;
            this.back = back;
            this.emitted = emitted;
            this.consumed = consumed;
            this.guessed = guessed;
        }

        long key() { return ((long) mode << 40) | ((long) pending << 20) | last; }
    }

    /** The lattice over one window {@code line[s,e)}. */
    private static final class Window {
        private final String line;
        private final int s;
        private final int e;
        private final CharBigramModel lm;
        private final Script script;

        Window(String line, int s, int e, CharBigramModel lm, Script script) {
            this.line = line;
            this.s = s;
            this.e = e;
            this.lm = lm;
            this.script = script;
        }

        /**
         * The model's evaluations of this window, those answered from the memo included, added to the shared count once
         * the window is judged: one update of the shared counter per window, not one per score from every thread.
         */
        private long evaluations;

        /** This thread's memo of {@link #emit} scores: the lattice asks for the same pairs many times over. */
        private final EmitCache cache = EmitCache.LOCAL.get();

        /** Language-model score of {@code c} after {@code prev}, with the document's script taken into account. */
        double emit(char prev, char c) {
            long key = (long) (script == null ? 0 : script.ordinal() + 1) << 32 | (long) prev << 16 | c;
            int slot = EmitCache.slot(key);
            evaluations++;
            if (cache.keys[slot] == key) {
                return cache.values[slot];
            }
            double v = score(prev, c);
            cache.keys[slot] = key;
            cache.values[slot] = v;
            return v;
        }

        private double score(char prev, char c) {
            double v = prev == 0 ? lm.logUnigramUncounted(c) : lm.logBigramUncounted(prev, c);
            // A Latin letter or an ASCII symbol straight after a Han character: a trail byte below 0x80 read alone.
            if (c > 0x20 && c < 0x7f && PinyinArtifactRule.isHan(prev) && (Character.isLetter(c) || WEDGE_SYMBOLS.indexOf(c) >= 0)) v -= WEDGE_COST;
            if (script == Script.TRADITIONAL ? lm.simplifiedOnly(c) : script == Script.SIMPLIFIED && lm.traditionalOnly(c)) v -= SCRIPT_COST;
            return v;
        }

        List<Intervention> judge() {
            char left = s > 0 ? line.charAt(s - 1) : 0;
            char right = e < line.length() ? line.charAt(e) : 0;
            double asIs = asIs(left, right);
            List<Intervention> out = new ArrayList<>();
            // Most windows hold no repair: the best score alone (the same recurrences without paths) tells
            // which, and only a window whose best path may beat the text as it is is searched for that path.
            if (!SCORE_FIRST || new Scores(this).best(left, right) - asIs >= LOW_GAIN - SCORE_SLACK) {
                Node best = search(left, right);
                double gain = best == null ? Double.NEGATIVE_INFINITY : finalScore(best, right) - asIs;
                if (best != null && gain >= LOW_GAIN) out.addAll(corrections(best, gain));
            }
            // A lone ASCII character between Han characters no correction covers: a character whose lead
            // byte was lost and whose trail byte, below 0x80, was read alone (the text realigns after it).
            for (int k = s; k < e; k++) {
                if (!isWedged(line, k) || covers(out, k, k + 1)) continue;
                Intervention single = single(k);
                if (single != null) out.add(single);
            }
            // Traces ordinary text does not have, where no repair explains them, are flagged.
            for (int k = s; k < e; k++) {
                if (!isHardTrace(line, k)) continue;
                int a = k;
                int b = k + 1;
                while (b < e && isHardTrace(line, b)) b++;
                if (!covers(out, a, b)) out.add(new Intervention(a, b, Kind.DAMAGE, "", REASON, Cert.MEDIUM, RULE));
                k = b;
            }
            out.sort(java.util.Comparator.comparingInt(Intervention::start));
            CharBigramModel.EVALUATIONS.add(evaluations);
            return out;
        }

        /** The score of the text as it is, its neighbours included. */
        double asIs(char left, char right) {
            double asIs = 0;
            char prev = left;
            for (int k = s; k < e; k++) {
                asIs += emit(prev, line.charAt(k));
                prev = line.charAt(k);
            }
            if (right != 0) asIs += emit(prev, right);
            return asIs;
        }

        /** The Viterbi search: the best path's last node, the first of equal scores as the states are visited. */
        Node search(char left, char right) {
            Map<Long, Node> states = new HashMap<>();
            put(states, new Node(KEEP, 0, left, 0, null, "", -1, false));
            for (int k = s; k < e; k++) states = step(states, k);
            Node best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Node node : closeAll(states)) {
                double score = finalScore(node, right);
                if (score > bestScore) { bestScore = score; best = node; }
            }
            return best;
        }

        double finalScore(Node node, char right) {
            return node.score + (right != 0 ? emit(node.last, right) : 0);
        }

        private static boolean covers(List<Intervention> found, int a, int b) {
            for (Intervention iv : found) if (iv.start() < b && a < iv.end()) return true;
            return false;
        }

        /**
         * The wedged ASCII character at {@code k} read as the trail byte of a character that lost its lead
         * byte: the best such character, judged like a filled-in character (its neighbours and the words it
         * forms), against the text as it is. A correction when it wins clearly; a flag (sic alone) when it
         * wins narrowly; nothing when the character as it is reads better (沪深A股, X光, 维生素C).
         */
        private Intervention single(int k) {
            char x = line.charAt(k);
            String before = line.substring(Math.max(0, k - SEGMENT_REACH), k);
            String after = line.substring(k + 1, Math.min(line.length(), k + 1 + SEGMENT_REACH));
            StringBuilder whole = new StringBuilder(before).append(x).append(after);
            int at = before.length();
            char left = line.charAt(k - 1);
            char right = line.charAt(k + 1);
            double asIs = emit(left, x) + emit(x, right) + SEGMENT_WEIGHT * segmentation(whole, at, x);
            double best = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            char chosen = 0;
            for (char o : Gbk.options(UNKNOWN, x)) {
                double v = emit(left, o) + emit(o, right) + SEGMENT_WEIGHT * segmentation(whole, at, o) - scriptPenalty(o);
                if (v > best) { second = best; best = v; chosen = o; }
                else if (v > second) second = v;
            }
            // A single capital letter is ordinary in Chinese text (grades, models, A股, X光): it pays no
            // wedge cost and is only touched when a repair convinces strongly.
            boolean capital = x >= 'A' && x <= 'Z';
            if (capital) asIs += WEDGE_COST;
            double gain = best - UNKNOWN_BYTE_COST - asIs;
            if (capital && gain < CAPITAL_GAIN) {
                // next to a character the pre-filter suspects, it is the trace of a shifted pair all the same
                boolean rareNeighbour = suspicious(line, k - 1, lm) || suspicious(line, k + 1, lm);
                return rareNeighbour ? new Intervention(k, k + 1, Kind.DAMAGE, "", REASON, Cert.MEDIUM, RULE) : null;
            }
            if (chosen == 0 || gain < SINGLE_FLAG) return null;
            if (gain < SINGLE_GAIN) return new Intervention(k, k + 1, Kind.DAMAGE, "", REASON, Cert.MEDIUM, RULE);
            Cert cert = gain >= MEDIUM_GAIN && best - second >= CLOSE_RIVAL ? Cert.MEDIUM : Cert.LOW;
            return new Intervention(k, k + 1, Kind.CORRECTION, String.valueOf(chosen), REASON, cert, RULE);
        }

        /** A filled-in character of the other script than the document's is hardly ever what was lost. */
        private double scriptPenalty(char o) {
            boolean other = script == Script.TRADITIONAL ? lm.simplifiedOnly(o) : script == Script.SIMPLIFIED && lm.traditionalOnly(o);
            return other ? GUESS_SCRIPT_COST : 0;
        }

        /** Extends every path by window character {@code k}, switching mode first where it may. */
        private Map<Long, Node> step(Map<Long, Node> states, int k) {
            Map<Long, Node> next = new HashMap<>();
            char c = line.charAt(k);
            int[][] units = Gbk.units(c);
            for (Node node : states.values()) {
                for (Node ready : switches(node)) {
                    if (ready.mode == KEEP) {
                        put(next, new Node(KEEP, 0, c, ready.score + emit(ready.last, c), ready, one(c), k, false));
                        continue;
                    }
                    if (units == null) continue;
                    for (int[] bytes : units) {
                        double cost = bytes.length == 2 && c < 0x80 ? FOLD_COST : 0;
                        if (bytes.length == 2 && bytes[1] == UNKNOWN) cost = LOST_PAIR_COST;
                        consume(ready, k, bytes, 0, ready.mode, ready.pending, ready.last, ready.score - cost, new StringBuilder(), false, -1, next);
                    }
                }
            }
            return next;
        }

        /** The node itself and the nodes a mode switch at this boundary leads to. */
        private List<Node> switches(Node node) {
            List<Node> out = new ArrayList<>();
            out.add(node);
            if (node.mode == KEEP) {
                out.add(new Node(ALIGNED, 0, node.last, node.score - ENTER_COST, node, "", -1, false));
                out.add(new Node(PENDING, UNKNOWN, node.last, node.score - ENTER_COST - UNKNOWN_BYTE_COST, node, "", -1, false));
            } else {
                out.addAll(close(node));
                out.addAll(lostPair(node));
            }
            return out;
        }

        /**
         * A byte pair lost without trace inside the shifted reading (a private-use character a capture
         * dropped): the pending lead byte takes an unknown trail, and an unknown lead waits for the next byte.
         */
        private List<Node> lostPair(Node node) {
            if (node.mode != PENDING || node.pending == UNKNOWN) return List.of();
            List<Node> out = new ArrayList<>();
            char[] options = Gbk.shortlist(node.pending, UNKNOWN);
            for (int q = 0; q < Math.min(options.length, LOST_PAIR_GUESSES); q++) {
                char o = options[q];
                Node lost = new Node(PENDING, UNKNOWN, o, node.score - 2 * UNKNOWN_BYTE_COST - LOST_PAIR_COST + emit(node.last, o),
                        node, one(o), -1, true);
                lost.slot = node.pending * 257 + UNKNOWN;
                lost.silent = true;
                out.add(lost);
            }
            return out;
        }

        /** Leaving the shifted reading: a pending lead byte lost its trail byte. */
        private List<Node> close(Node node) {
            List<Node> out = new ArrayList<>();
            if (node.mode == ALIGNED) {
                out.add(new Node(KEEP, 0, node.last, node.score, node, "", -1, false));
            } else if (node.mode == PENDING && node.pending != UNKNOWN) {
                for (char o : Gbk.shortlist(node.pending, UNKNOWN)) {
                    Node closed = new Node(KEEP, 0, o, node.score - UNKNOWN_BYTE_COST + emit(node.last, o), node, one(o), -1, true);
                    closed.slot = node.pending * 257 + UNKNOWN;
                    out.add(closed);
                }
            }
            return out;
        }

        private List<Node> closeAll(Map<Long, Node> states) {
            List<Node> out = new ArrayList<>();
            for (Node node : states.values()) {
                if (node.mode == KEEP) out.add(node);
                else out.addAll(close(node));
            }
            return out;
        }

        /**
         * Decodes {@code bytes[from..]} in the shifted reading, every way it can go, and offers each end
         * state (a step from {@code origin} over window character {@code k}) to {@code next}.
         */
        private void consume(Node origin, int k, int[] bytes, int from, int mode, int pending, char last, double score,
                             StringBuilder emitted, boolean guessed, int slot, Map<Long, Node> next) {
            if (from == bytes.length) {
                String text = emitted.length() == 0 ? "" : emitted.length() == 1 ? one(emitted.charAt(0)) : emitted.toString();
                Node stepped = new Node(mode, pending, last, score, origin, text, k, guessed);
                stepped.slot = guessed ? slot : -1;
                put(next, stepped);
                return;
            }
            int b = bytes[from];
            if (mode == ALIGNED) {
                double unknownCost = b == UNKNOWN ? UNKNOWN_BYTE_COST : 0;
                if (b != UNKNOWN && b < 0x80) {
                    char c = (char) b;
                    emitted.append(c);
                    consume(origin, k, bytes, from + 1, ALIGNED, 0, c, score + emit(last, c), emitted, false, -1, next);
                    emitted.setLength(emitted.length() - 1);
                    return;
                }
                if (b == 0x80) return;
                consume(origin, k, bytes, from + 1, PENDING, b, last, score - unknownCost, emitted, guessed, slot, next);
                return;
            }
            char[] options = Gbk.shortlist(pending, b);
            if (options.length == 0) return;
            boolean guess = pending == UNKNOWN || b == UNKNOWN;
            double unknownCost = b == UNKNOWN ? UNKNOWN_BYTE_COST : 0;
            for (char o : options) {
                emitted.append(o);
                // a re-decoded character the pre-filter would itself suspect is a poor explanation
                double rare = Rare.is(o) ? RARE_COST : 0;
                consume(origin, k, bytes, from + 1, ALIGNED, 0, o, score - unknownCost - rare + emit(last, o), emitted, guess, pending * 257 + b, next);
                emitted.setLength(emitted.length() - 1);
            }
        }

        private static void put(Map<Long, Node> states, Node node) {
            Long key = node.key();
            Node there = states.get(key);
            if (there == null || node.score > there.score) states.put(key, node);
        }

        /** The corrections on the best path: each stretch read one byte off whose text differs. */
        private List<Intervention> corrections(Node best, double gain) {
            List<Node> path = new ArrayList<>();
            for (Node n = best; n != null; n = n.back) path.add(n);
            java.util.Collections.reverse(path);
            // every character the path emits, with the window character it belongs to
            StringBuilder text = new StringBuilder();
            List<Integer> unitOf = new ArrayList<>();
            List<Boolean> shiftedChar = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            boolean[] shiftedUnit = new boolean[e - s];
            boolean[] silentAt = new boolean[e - s];
            int lastUnit = -1;
            for (Node n : path) {
                if (n.consumed >= 0) lastUnit = n.consumed;
                if (n.silent && lastUnit >= s) silentAt[lastUnit - s] = true;
                boolean shifted = n.mode != KEEP || n.consumed < 0;
                if (n.consumed >= 0 && n.mode != KEEP) shiftedUnit[n.consumed - s] = true;
                for (int c = 0; c < n.emitted.length(); c++) {
                    text.append(n.emitted.charAt(c));
                    unitOf.add(lastUnit);
                    shiftedChar.add(shifted);
                    slots.add(c == n.emitted.length() - 1 ? n.slot : -1);
                }
            }
            String before = line.substring(Math.max(0, s - SEGMENT_REACH), s);
            String after = line.substring(e, Math.min(line.length(), e + SEGMENT_REACH));
            StringBuilder whole = new StringBuilder(before).append(text).append(after);
            boolean[] uncertain = new boolean[e - s];
            // twice: a filled-in character is chosen again once the others near it are chosen
            for (int pass = 0; pass < REFILL_PASSES; pass++) {
                for (int j = 0; j < text.length(); j++) {
                    if (slots.get(j) < 0) continue;
                    double margin = refill(whole, before.length() + j, slots.get(j));
                    if (pass == REFILL_PASSES - 1 && margin < CLOSE_RIVAL && unitOf.get(j) >= s) uncertain[unitOf.get(j) - s] = true;
                }
            }
            String chosen = whole.substring(before.length(), before.length() + text.length());
            List<Intervention> out = new ArrayList<>();
            int k = 0;
            while (k < e - s) {
                if (!shiftedUnit[k]) { k++; continue; }
                int from = k;
                while (k < e - s && shiftedUnit[k]) k++;
                StringBuilder repl = new StringBuilder();
                boolean unsure = false;
                for (int j = 0; j < chosen.length(); j++) {
                    int u = unitOf.get(j);
                    if (shiftedChar.get(j) && u >= s + from && u < s + k) repl.append(chosen.charAt(j));
                }
                // bytes lost without trace: the repair rests on guesses the text shows nothing of
                for (int u = from; u < k; u++) unsure |= uncertain[u] || silentAt[u];
                addCorrection(out, s + from, s + k, repl.toString(), gain, unsure);
            }
            return out;
        }

        /**
         * Chooses again the character filled in at {@code at} among all that share its known byte, now
         * that both neighbours are known, with the word segmentation of its surroundings. Returns
         * the margin of the choice over the runner-up.
         */
        private double refill(StringBuilder whole, int at, int slot) {
            char[] options = Gbk.options(slot / 257, slot % 257);
            char before = at > 0 ? whole.charAt(at - 1) : 0;
            char after = at + 1 < whole.length() ? whole.charAt(at + 1) : 0;
            double best = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            char chosen = whole.charAt(at);
            for (char o : options) {
                double v = emit(before, o) + (after != 0 ? emit(o, after) : 0)
                        + SEGMENT_WEIGHT * segmentation(whole, at, o) - scriptPenalty(o);
                if (v > best) { second = best; best = v; chosen = o; }
                else if (v > second) second = v;
            }
            whole.setCharAt(at, chosen);
            return best - second;
        }

        /**
         * Log probability of the best segmentation into dictionary words of the text within
         * {@link #SEGMENT_REACH} characters of {@code at}, with {@code c} there: a word bigram model over
         * HanLP's core dictionary frequencies and its word bigram table, so that a candidate is judged by
         * the words it forms with its neighbours on both sides and by how those words follow each other.
         */
        private double segmentation(StringBuilder whole, int at, char c) {
            int from = Math.max(0, at - SEGMENT_REACH);
            int to = Math.min(whole.length(), at + SEGMENT_REACH + 1);
            int n = to - from;
            char[] text = new char[n];
            for (int q = 0; q < n; q++) text[q] = lm.simp(from + q == at ? c : whole.charAt(from + q));
            // states per boundary: the id of the last word (-1 for an unknown single character) and its score
            List<Map<Integer, double[]>> best = new ArrayList<>(n + 1);
            for (int i = 0; i <= n; i++) best.add(new HashMap<>());
            best.get(0).put(-2, new double[]{0, 0});
            for (int i = 0; i < n; i++) {
                for (Map.Entry<Integer, double[]> state : best.get(i).entrySet()) {
                    int prevId = state.getKey();
                    double prevFreq = state.getValue()[1];
                    double score = state.getValue()[0];
                    for (int len = 1; len <= 4 && i + len <= n; len++) {
                        String word = new String(text, i, len);
                        int f = ChineseLexicon.latticeFrequency(word);
                        if (f <= 0 && len > 1) continue;
                        // -1 too for a word the core dictionary lists without frequency or lacks
                        int id = f > 0 && ChineseLexicon.frequency(word) > 0 ? ChineseLexicon.wordId(word) : -1;
                        double p = (1 - WORD_LAMBDA) * (f > 0 ? f + 1.0 : 0.5) / WORD_TOTAL;
                        if (prevId >= 0 && id >= 0 && prevFreq > 0) {
                            p += WORD_LAMBDA * ChineseLexicon.followFrequency(prevId, id) / prevFreq;
                        }
                        double v = score + Math.log(p);
                        double[] there = best.get(i + len).get(id);
                        if (there == null || v > there[0]) best.get(i + len).put(id, new double[]{v, f});
                    }
                }
            }
            double out = Double.NEGATIVE_INFINITY;
            for (double[] v : best.get(n).values()) out = Math.max(out, v[0]);
            return out;
        }

        private void addCorrection(List<Intervention> out, int from, int to, String text, double gain, boolean uncertain) {
            String original = line.substring(from, to);
            int p = 0;
            while (p < original.length() && p < text.length() && original.charAt(p) == text.charAt(p)) p++;
            int q = 0;
            while (q < original.length() - p && q < text.length() - p
                    && original.charAt(original.length() - 1 - q) == text.charAt(text.length() - 1 - q)) q++;
            if (p + q >= original.length()) return;
            Cert cert = gain >= HIGH_GAIN ? Cert.HIGH : gain >= MEDIUM_GAIN ? Cert.MEDIUM : Cert.LOW;
            if (uncertain && cert != Cert.LOW) cert = Cert.values()[cert.ordinal() + 1];
            // A repair that itself yields a character the pre-filter would suspect convinces less.
            String repl = text.substring(p, text.length() - q);
            for (int k = 0; k < repl.length(); k++) {
                if (PinyinArtifactRule.isHan(repl.charAt(k)) && lm.logUnigram(repl.charAt(k)) < RARE) cert = Cert.LOW;
            }
            out.add(new Intervention(from + p, to - q, Kind.CORRECTION, text.substring(p, text.length() - q), REASON, cert, RULE));
        }
    }

    private static final String RULE = "byte-shift-mojibake";

    /** Room for rounding between the two computations of the best score (they add the same terms alike). */
    private static final double SCORE_SLACK = 1e-9;
    /** Whether a window's best score is computed first (off only to compare the two computations in tests). */
    static boolean SCORE_FIRST = true;

    /**
     * The lattice of a window with scores only: the states of {@link Window#step} (mode, pending byte,
     * last character) with the best score of any path to each, in primitive arrays, without nodes, emitted
     * text or back pointers. Every transition adds the same terms in the same order as the search, so the
     * best score is the search's best score; it is found several times faster, since nothing is allocated
     * for the many candidate steps that never win.
     */
    private static final class Scores {
        private final Window w;
        private final StateMap[] maps = ScratchMaps.LOCAL.get().maps;

        Scores(Window w) { this.w = w; }

        /**
         * The best final score over every path through the window, as {@link Window#judge} computes it. The
         * states a boundary's switches lead to are merged by key before they step over the next character
         * (what a state does next depends on its key alone, and adding the same terms to the larger of two
         * scores gives the larger result), so each distinct ready state steps once: many states share their
         * pending byte and differ only in the last character, and their closings and lost pairs lead to the
         * same few ready states.
         */
        double best(char left, char right) {
            StateMap cur = maps[0];
            StateMap ready = maps[1];
            StateMap next = maps[2];
            cur.clear();
            cur.offer(key(KEEP, 0, left), 0);
            for (int k = w.s; k < w.e; k++) {
                ready.clear();
                for (int q = 0; q < cur.size; q++) {
                    long key = cur.keys[cur.order[q]];
                    double score = cur.values[cur.order[q]];
                    int mode = (int) (key >>> 40);
                    int pending = (int) (key >>> 20) & 0xfffff;
                    char last = (char) key;
                    // the node itself and the nodes a mode switch at this boundary leads to
                    ready.offer(key, score);
                    if (mode == KEEP) {
                        ready.offer(key(ALIGNED, 0, last), score - ENTER_COST);
                        ready.offer(key(PENDING, UNKNOWN, last), score - ENTER_COST - UNKNOWN_BYTE_COST);
                    } else if (mode == ALIGNED) {
                        ready.offer(key(KEEP, 0, last), score);
                    } else if (pending != UNKNOWN) {
                        // closing with each character the lost trail byte may have made; the first few also
                        // as the first character of a byte pair lost without trace (one score serves both)
                        char[] options = Gbk.shortlist(pending, UNKNOWN);
                        for (int r = 0; r < options.length; r++) {
                            char o = options[r];
                            double emitted = w.emit(last, o);
                            ready.offer(key(KEEP, 0, o), score - UNKNOWN_BYTE_COST + emitted);
                            if (r < LOST_PAIR_GUESSES) ready.offer(key(PENDING, UNKNOWN, o), score - 2 * UNKNOWN_BYTE_COST - LOST_PAIR_COST + emitted);
                        }
                    }
                }
                next.clear();
                char c = w.line.charAt(k);
                int[][] units = Gbk.units(c);
                for (int q = 0; q < ready.size; q++) {
                    long key = ready.keys[ready.order[q]];
                    step(next, c, units, (int) (key >>> 40), (int) (key >>> 20) & 0xfffff, (char) key, ready.values[ready.order[q]]);
                }
                StateMap t = cur; cur = next; next = t;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < cur.size; q++) {
                long key = cur.keys[cur.order[q]];
                double score = cur.values[cur.order[q]];
                int mode = (int) (key >>> 40);
                int pending = (int) (key >>> 20) & 0xfffff;
                char last = (char) key;
                if (mode == KEEP || mode == ALIGNED) {
                    best = Math.max(best, score + (right != 0 ? w.emit(last, right) : 0));
                } else if (pending != UNKNOWN) {
                    for (char o : Gbk.shortlist(pending, UNKNOWN)) {
                        double closed = score - UNKNOWN_BYTE_COST + w.emit(last, o);
                        best = Math.max(best, closed + (right != 0 ? w.emit(o, right) : 0));
                    }
                }
            }
            return best;
        }

        /** A ready state (after the switches at this boundary) steps over window character {@code c}. */
        private void step(StateMap next, char c, int[][] units, int mode, int pending, char last, double score) {
            if (mode == KEEP) {
                next.offer(key(KEEP, 0, c), score + w.emit(last, c));
                return;
            }
            if (units == null) return;
            for (int[] bytes : units) {
                double cost = bytes.length == 2 && c < 0x80 ? FOLD_COST : 0;
                if (bytes.length == 2 && bytes[1] == UNKNOWN) cost = LOST_PAIR_COST;
                consume(next, bytes, 0, mode, pending, last, score - cost);
            }
        }

        /** As {@link Window#consume}, offering each end state's score. */
        private void consume(StateMap next, int[] bytes, int from, int mode, int pending, char last, double score) {
            if (from == bytes.length) {
                next.offer(key(mode, pending, last), score);
                return;
            }
            int b = bytes[from];
            if (mode == ALIGNED) {
                double unknownCost = b == UNKNOWN ? UNKNOWN_BYTE_COST : 0;
                if (b != UNKNOWN && b < 0x80) {
                    char c = (char) b;
                    consume(next, bytes, from + 1, ALIGNED, 0, c, score + w.emit(last, c));
                    return;
                }
                if (b == 0x80) return;
                consume(next, bytes, from + 1, PENDING, b, last, score - unknownCost);
                return;
            }
            char[] options = Gbk.shortlist(pending, b);
            if (options.length == 0) return;
            double unknownCost = b == UNKNOWN ? UNKNOWN_BYTE_COST : 0;
            for (char o : options) {
                double rare = Rare.is(o) ? RARE_COST : 0;
                consume(next, bytes, from + 1, ALIGNED, 0, o, score - unknownCost - rare + w.emit(last, o));
            }
        }

        private static long key(int mode, int pending, char last) { return ((long) mode << 40) | ((long) pending << 20) | last; }
    }

    /** An open-addressing map from state keys to the best score offered, cleared per step in time of its size. */
    private static final class StateMap {
        long[] keys = new long[1024];
        double[] values = new double[1024];
        /** Slots in use, in the order they were filled. */
        int[] order = new int[1024];
        int size;

        StateMap() { Arrays.fill(keys, -1L); }

        void clear() {
            for (int q = 0; q < size; q++) keys[order[q]] = -1L;
            size = 0;
        }

        void offer(long key, double value) {
            if (2 * (size + 1) > keys.length) grow();
            int mask = keys.length - 1;
            int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (keys[i] != -1L && keys[i] != key) i = (i + 1) & mask;
            if (keys[i] == -1L) {
                keys[i] = key;
                values[i] = value;
                order[size++] = i;
            } else if (value > values[i]) {
                values[i] = value;
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            double[] oldValues = values;
            int[] oldOrder = order;
            int oldSize = size;
            keys = new long[oldKeys.length * 2];
            values = new double[oldKeys.length * 2];
            order = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1L);
            size = 0;
            for (int q = 0; q < oldSize; q++) offer(oldKeys[oldOrder[q]], oldValues[oldOrder[q]]);
        }
    }

    /** Three state maps per thread, reused from window to window. */
    private static final class ScratchMaps {
        static final ThreadLocal<ScratchMaps> LOCAL = ThreadLocal.withInitial(ScratchMaps::new);
        final StateMap[] maps = {new StateMap(), new StateMap(), new StateMap()};
    }

    /** One-character strings, made once each: the lattice labels millions of steps with one. */
    private static final String[] ONE = new String[0x10000];

    private static String one(char c) {
        String s = ONE[c];
        // a race makes two equal strings, either of which is right
        if (s == null) ONE[c] = s = String.valueOf(c);
        return s;
    }

    /**
     * A direct-mapped memo of lattice scores, one per thread (a score is a pure function of the script and
     * the two characters, so a hit returns exactly what the model would): it keeps the model's large
     * bigram table out of the lattice's inner loop.
     */
    private static final class EmitCache {
        static final ThreadLocal<EmitCache> LOCAL = ThreadLocal.withInitial(EmitCache::new);
        private static final int BITS = 17;
        final long[] keys = new long[1 << BITS];
        final double[] values = new double[1 << BITS];

        EmitCache() { Arrays.fill(keys, -1L); }

        static int slot(long key) { return (int) ((key * 0x9E3779B97F4A7C15L) >>> (64 - BITS)); }
    }

    /**
     * The Han characters rarer than {@link #RARE}, marked once for all characters: the lattice asks about
     * every re-decoded character at every step, and the model's answer never changes.
     */
    private static final class Rare {
        private static final boolean[] RARE_HAN = new boolean[0x10000];

        static {
            CharBigramModel lm = CharBigramModel.get();
            for (int c = 0; c < 0x10000; c++) RARE_HAN[c] = PinyinArtifactRule.isHan((char) c) && lm.logUnigram((char) c) < RARE;
        }

        static boolean is(char c) { return RARE_HAN[c]; }
    }

    private static boolean hanAt(String line, int i) {
        return i >= 0 && i < line.length() && PinyinArtifactRule.isHan(line.charAt(i));
    }

    private static boolean digitAt(String line, int i) {
        return i >= 0 && i < line.length() && Character.isDigit(line.charAt(i));
    }

    private static boolean isPrivateUse(char c) { return c >= '\ue000' && c <= '\uf8ff'; }

    /** The GBK double-byte table as GB18030 decodes it, and its inverse, built once on first use. */
    static final class Gbk {
        static final Charset CHARSET = Charset.forName("GB18030");
        private static final int LEADS = 0xfe - 0x81 + 1;
        private static final int TRAILS = 0xfe - 0x40 + 1;
        private static final char[] TABLE = new char[LEADS * TRAILS];
        /** lead << 8 | trail for each character GBK encodes in two bytes, 0 otherwise. */
        private static final int[] CODE = new int[0x10000];
        /** Candidate characters per (lead, trail) with either unknown: the most common Han characters first. */
        private static final java.util.concurrent.atomic.AtomicReferenceArray<char[]> CACHE = new java.util.concurrent.atomic.AtomicReferenceArray<>(257 * 257);
        private static final int MAX_GUESSES = 200;
        private static final int SHORTLIST = 24;
        private static final java.util.concurrent.atomic.AtomicReferenceArray<char[]> SHORT = new java.util.concurrent.atomic.AtomicReferenceArray<>(257 * 257);
        private static final String GUESSABLE_PUNCTUATION = "，。、；：？！“”（）《》";

        static {
            CharsetDecoder decoder = CHARSET.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            for (int lead = 0x81; lead <= 0xfe; lead++) {
                for (int trail = 0x40; trail <= 0xfe; trail++) {
                    if (trail == 0x7f) continue;
                    try {
                        CharBuffer cb = decoder.reset().decode(ByteBuffer.wrap(new byte[]{(byte) lead, (byte) trail}));
                        if (cb.length() == 1) {
                            char c = cb.charAt(0);
                            TABLE[(lead - 0x81) * TRAILS + (trail - 0x40)] = c;
                            if (CODE[c] == 0) CODE[c] = lead << 8 | trail;
                        }
                    } catch (CharacterCodingException ignored) {
                        // not a GBK code point: stays 0
                    }
                }
            }
        }

        private Gbk() {}

        static int code(char c) { return CODE[c]; }

        static boolean encodable(char c) {
            return (c > 0x20 && c < 0x7f) || c == '\ufffd' || c == '€' || CODE[c] != 0;
        }

        static byte[] bytes(char c) {
            int code = CODE[c];
            return code == 0 ? null : new byte[]{(byte) (code >> 8), (byte) code};
        }

        /** The byte sequences one character of the text may have been; null if it cannot be part of GBK text. */
        static int[][] units(char c) {
            if (c == '€') return new int[][]{{0x80}};
            // a mark for one lost byte, or for a byte pair the decoder could not read
            if (c == '?' || c == '\ufffd') return new int[][]{{UNKNOWN}, {UNKNOWN, UNKNOWN}};
            if (c > 0x20 && c < 0x7f) return new int[][]{{c}, {0xa3, c | 0x80}};
            int code = CODE[c];
            if (code == 0) return null;
            return new int[][]{{code >> 8, code & 0xff}};
        }

        /** Characters of the same lead byte (for a lost trail) or trail byte (for a lost lead) as {@code code}. */
        static char[] sameByteRivals(byte[] code) {
            int lead = code[0] & 0xff;
            int trail = code[1] & 0xff;
            char[] byLead = options(lead, UNKNOWN);
            char[] byTrail = options(UNKNOWN, trail);
            char[] all = Arrays.copyOf(byLead, byLead.length + byTrail.length);
            System.arraycopy(byTrail, 0, all, byLead.length, byTrail.length);
            return all;
        }

        /** The commonest characters for a pair with an unknown byte, which the lattice tries; all of them are tried again at the end. */
        static char[] shortlist(int lead, int trail) {
            char[] all = options(lead, trail);
            if (all.length <= SHORTLIST) return all;
            int slot = lead * 257 + trail;
            char[] cached = SHORT.get(slot);
            if (cached != null) return cached;
            char[] out = Arrays.copyOf(all, SHORTLIST);
            SHORT.set(slot, out); // a race computes the same array twice; either is right
            return out;
        }

        /** Characters a lead/trail pair (either possibly unknown) can decode to; private-use results are excluded. */
        static char[] options(int lead, int trail) {
            if (lead != UNKNOWN && (lead < 0x81 || lead > 0xfe)) return new char[0];
            if (trail != UNKNOWN && (trail < 0x40 || trail > 0xfe || trail == 0x7f)) return new char[0];
            boolean anyUnknown = lead == UNKNOWN || trail == UNKNOWN;
            if (!anyUnknown) {
                char c = TABLE[(lead - 0x81) * TRAILS + (trail - 0x40)];
                return c == 0 || isPrivateUse(c) ? new char[0] : new char[]{c};
            }
            int slot = lead * 257 + trail;
            char[] cached = CACHE.get(slot);
            if (cached != null) return cached;
            int l0 = lead == UNKNOWN ? 0x81 : lead;
            int l1 = lead == UNKNOWN ? 0xfe : lead;
            int t0 = trail == UNKNOWN ? 0x40 : trail;
            int t1 = trail == UNKNOWN ? 0xfe : trail;
            CharBigramModel lm = CharBigramModel.get();
            List<Character> found = new ArrayList<>();
            for (int l = l0; l <= l1; l++) {
                for (int t = t0; t <= t1; t++) {
                    if (t == 0x7f) continue;
                    char c = TABLE[(l - 0x81) * TRAILS + (t - 0x40)];
                    // Unknown bytes are filled with Han characters and the commonest punctuation only.
                    if (c != 0 && (PinyinArtifactRule.isHan(c) || GUESSABLE_PUNCTUATION.indexOf(c) >= 0)) found.add(c);
                }
            }
            found.sort((x, y) -> Double.compare(lm.logUnigram(y), lm.logUnigram(x)));
            char[] out = new char[Math.min(MAX_GUESSES, found.size())];
            for (int k = 0; k < out.length; k++) out[k] = found.get(k);
            CACHE.set(slot, out);
            return out;
        }
    }
}
