package org.jiaokan.annotate;

import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;

/**
 * A small log-linear model of Chinese personal names (surname + one or two given-name characters)
 * built only from general language statistics: HanLP's person-role frequencies (how often a
 * character is a surname, a first or second given-name character, a single given name, or a word
 * just before or after a name) against the core dictionary's word frequencies (how often the same
 * characters are ordinary words). The score is the log-odds of "name" against "ordinary words",
 * plus the context roles of the words just outside the span and penalties for dictionary words
 * the span would cut or swallow. Stateless; the statistics are HanLP's, loaded once and read-only.
 */
final class NameModel {

    private static final double F_B = total(NR.B);
    private static final double F_C = total(NR.C);
    private static final double F_D = total(NR.D);
    private static final double F_E = total(NR.E);
    private static final double F_BEFORE = total(NR.K) + total(NR.M);
    private static final double F_AFTER = total(NR.L) + total(NR.M);
    /** Total word count of the core dictionary's corpus: the ordinary-word hypothesis divides by it. */
    private static final double LOG_N = Math.log(coreTotal());
    /** Two-character and three-character names after a surname: HanLP's role transitions B→E and B→C. */
    private static final double LOG_SINGLE_GIVEN = Math.log(transition(NR.B, NR.E) / (transition(NR.B, NR.E) + transition(NR.B, NR.C)));
    private static final double LOG_DOUBLE_GIVEN = Math.log(transition(NR.B, NR.C) / (transition(NR.B, NR.E) + transition(NR.B, NR.C)));

    /**
     * Least count a character or word is given as an ordinary word. The core dictionary counts a
     * character only where it stands alone, so 济 or 赌 (always inside words) would otherwise look
     * rarer than they are, and a character never seen in a name would count for one.
     */
    private static final double ORDINARY_FLOOR = 100;
    /**
     * Uses as a given-name character below which a character is not taken for one without other
     * evidence: the floor above cannot tell how common a bound character such as 期 really is, and
     * names seldom use characters seen so rarely in them.
     */
    private static final int MIN_GIVEN_USES = 30;

    /**
     * A character seldom seen in names that ordinary text does use (设, 期): no evidence for a name.
     * A character rare everywhere (昶, 翀, 彧) is rare in names only because it is rare; names are
     * where such characters live, so it does not count as rare here.
     */
    static boolean rareInNames(char c) {
        EnumItem<NR> item = PersonDictionary.dictionary.get(String.valueOf(c));
        int given = givenUses(item);
        if (given >= MIN_GIVEN_USES) return false;
        return given < 5 || contextUses(item) > given || CoreDictionary.getTermFrequency(String.valueOf(c)) >= 5;
    }

    /**
     * A character that names use and ordinary text hardly does (犇, 湉, 焱, 敏): given-name uses
     * in the person corpus, none as a word next to a name, and next to none as a word of its own.
     */
    static boolean nameOnly(char c) {
        EnumItem<NR> item = PersonDictionary.dictionary.get(String.valueOf(c));
        return givenUses(item) >= 2 && contextUses(item) == 0 && CoreDictionary.getTermFrequency(String.valueOf(c)) <= 2;
    }

    /**
     * The character at {@code k} and the next make a word that the person corpus has right after a
     * name (今年, 昨天) at least ten times and more than twice as often as the character closes a
     * given name.
     */
    static boolean opensWordAfterName(String s, int k) {
        if (k + 2 > s.length()) return false;
        EnumItem<NR> word = PersonDictionary.dictionary.get(s.substring(k, k + 2));
        if (word == null) return false;
        int after = word.getFrequency(NR.L);
        EnumItem<NR> item = PersonDictionary.dictionary.get(s.substring(k, k + 1));
        int closing = item == null ? 0 : item.getFrequency(NR.D);
        return after >= 10 && after > 2 * (closing + 1);
    }

    /** How often the person corpus has {@code c} as a given-name character. */
    static int givenUses(char c) {
        return ByCharacter.GIVEN_USES[c];
    }

    private static int givenUses(EnumItem<NR> item) {
        return item == null ? 0 : item.getFrequency(NR.C) + item.getFrequency(NR.D) + item.getFrequency(NR.E);
    }

    /** How often the person corpus has a word as an ordinary word beside a name (roles K, L, M). */
    static int contextUses(EnumItem<NR> item) {
        return item == null ? 0 : item.getFrequency(NR.K) + item.getFrequency(NR.L) + item.getFrequency(NR.M);
    }

    /** Per-character evidence is capped: one very rare character must not carry a name alone. */
    private static final double CHAR_CAP = 5.0;
    /** Context evidence is capped on both sides for the same reason. */
    private static final double CONTEXT_CAP = 3.0;
    /** Evidence of a compound surname (欧阳, 司马): such pairs are rarely anything else. */
    private static final double COMPOUND_SURNAME = 4.0;
    /** Log-odds of a sentence edge or punctuation next to a name: names often open a sentence. */
    private static final double EDGE_CONTEXT = 1.0;

    private NameModel() { }

    /**
     * Log-odds that {@code s[i, j)} is a personal name whose surname has {@code sur} characters,
     * given the segmentation in {@code a}. Positive values favour a name.
     */
    static double score(Analysis a, int i, int j, int sur) {
        String s = a.text;
        int given = j - i - sur;
        double x = emission(s, i, j, sur);
        if (x == Double.NEGATIVE_INFINITY) return x;
        // A last character the person corpus has more often right after a name than closing one
        // (吴斌|时, 姜昆|合): the shorter name and a word after it are the likelier reading.
        if (given == 2) x -= W_AFTER_NAME * afterNameOdds(s.charAt(j - 1));
        x += W_CONTEXT * (leftContext(a, i) + rightContext(a, j));
        // Words the name would cut: a name neither starts nor ends inside an ordinary word
        // (下周|正式 holds no 周正; 程序 holds no 程).
        x -= W_CROSS * (wordWeight(s, i - 1, i + 1) + wordWeight(s, j - 1, j + 1));
        if (i > 0 && !a.wordStart[i] && !gluedBeforeName(a, i)) x -= W_SEGMENT;
        // The segmenter glues a character that follows names to the name's last one (张|健在|山东):
        // that boundary is no evidence against the name; the word it cuts still counts above
        // (安保|潜在 stays out).
        if (j < s.length() && !a.wordEnd[j] && !gluedAfterName(a, j)) x -= W_SEGMENT;
        // Words the name would swallow: 周围, 高度, 黄金 open with a surname but are words; a given
        // name may well be a word (建国, 海涛), so that costs much less.
        x -= W_SURNAME_WORD * wordWeight(s, i, i + sur + 1, NR.X, NR.Y);
        // A given name that is a word (建设, 丰收, 抗美) after a character that is chiefly a surname
        // (王, 聂, 荀) costs less: such names were common, and 聂|建设 is seldom anything else.
        double givenWordWeight = sur == 2 || surnameShare(s.charAt(i)) >= 0.5 ? W_GIVEN_WORD_AFTER_SURNAME : W_GIVEN_WORD;
        if (given == 2) x -= givenWordWeight * wordWeight(s, i + sur, j, NR.Z, NR.Z);
        x -= W_WHOLE_WORD * wordWeight(s, i, j, NR.Y, NR.Z);
        // The segmenter keeps the span whole as some other kind of word (公信力/nz, 党忠诚/nz):
        // its dictionaries know it, and not as a name. Its place guesses (李宁/ns) are weaker
        // and are weighed by the place recogniser instead.
        com.hankcs.hanlp.seg.common.Term whole = a.termAt(i);
        if (whole != null && whole.word.length() == j - i && whole.nature != null && !whole.nature.startsWith("nr")
                && !whole.nature.startsWith("ns")) x -= W_TERM;
        if (knownName(s.substring(i, j))) x += KNOWN_NAME;
        return x;
    }

    /**
     * The characters' part of {@link #score}: log-odds of surname and given-name roles against
     * ordinary words, weighted, with no context; minus infinity for a character names seldom use.
     */
    static double emission(String s, int i, int j, int sur) {
        int given = j - i - sur;
        if (given < 1 || given > 2) return Double.NEGATIVE_INFINITY;
        double x = sur == 2 ? COMPOUND_SURNAME : charRatio(s.charAt(i), NR.B, F_B);
        if (given == 1) {
            x += charRatio(s.charAt(i + sur), NR.E, F_E) + LOG_SINGLE_GIVEN;
        } else {
            x += charRatio(s.charAt(i + sur), NR.C, F_C) + charRatio(s.charAt(i + sur + 1), NR.D, F_D) + LOG_DOUBLE_GIVEN;
        }
        for (int k = i + sur; k < j; k++) if (rareInNames(s.charAt(k))) return Double.NEGATIVE_INFINITY;
        return x * W_EMISSION;
    }

    // Weights, tuned by hand on the project's own development sets (dev-bio.txt, dev2-bio.txt).
    /** The role statistics overstate rare characters; emission evidence counts a little under half. */
    private static final double W_EMISSION = 0.45;
    /** A last given-name character more often a word right after a name (时, 和). */
    private static final double W_AFTER_NAME = 0.6;
    private static final double W_CONTEXT = 0.6;
    private static final double W_CROSS = 0.8;
    /** A name boundary inside a word of the segmenter (HanLP's roles U and V are rare). */
    private static final double W_SEGMENT = 4.0;
    private static final double W_SURNAME_WORD = 0.8;
    private static final double W_GIVEN_WORD = 0.8;
    private static final double W_GIVEN_WORD_AFTER_SURNAME = 0.4;
    /** The segmenter kept the span whole as another kind of word. */
    private static final double W_TERM = 3.0;
    private static final double W_WHOLE_WORD = 0.8;
    /** A name the core dictionary knows chiefly as a name (邓小平, 雷锋). */
    private static final double KNOWN_NAME = 3.0;

    /** Characters that follow names and that the segmenter glues to a name's last character (健在, 华是). */
    private static final String GLUED_AFTER_NAME = "在是和与的也就将对向把被从";

    /** The segmenter's word across {@code i} has two characters, the first one that stands before names (向|王, 对|李). */
    private static boolean gluedBeforeName(Analysis a, int i) {
        return i >= 1 && PersonRecognizer.BEFORE_NAME.indexOf(a.text.charAt(i - 1)) >= 0 && twoCharacterWordAcross(a, i);
    }

    /** The segmenter's word across {@code j} has two characters, the second one that follows names. */
    private static boolean gluedAfterName(Analysis a, int j) {
        return j >= 1 && j < a.text.length() && GLUED_AFTER_NAME.indexOf(a.text.charAt(j)) >= 0 && twoCharacterWordAcross(a, j);
    }

    /** A word of the segmenter of two characters starts right before {@code k}, so {@code k} lies inside it. */
    private static boolean twoCharacterWordAcross(Analysis a, int k) {
        com.hankcs.hanlp.seg.common.Term t = a.termAt(k - 1);
        return t != null && t.word.length() == 2;
    }

    /** Log-odds, 0 or more, of a character standing right after a name against closing a two-character given name. */
    private static double afterNameOdds(char c) {
        EnumItem<NR> item = PersonDictionary.dictionary.get(String.valueOf(c));
        if (item == null) return 0;
        int after = item.getFrequency(NR.L) + item.getFrequency(NR.M);
        return Math.max(0, Math.log((after + 1.0) / (item.getFrequency(NR.D) + 1.0)));
    }

    /** Log-ratio of a character in a name role against the same character as an ordinary word, capped. */
    private static double charRatio(char c, NR role, double roleTotal) {
        String w = String.valueOf(c);
        EnumItem<NR> item = PersonDictionary.dictionary.get(w);
        int f = item == null ? 0 : item.getFrequency(role);
        double r = Math.log((f + 0.5) / roleTotal) - Math.log(Math.max(ORDINARY_FLOOR, coreFrequency(w))) + LOG_N;
        return Math.max(-CHAR_CAP, Math.min(CHAR_CAP, r));
    }

    /** How much the word just before a name (的, 和, 会见, 记者) speaks for one. */
    private static double leftContext(Analysis a, int i) {
        String s = a.text;
        if (i == 0 || Analysis.isBreak(s, i - 1)) return EDGE_CONTEXT;
        String w = a.termEndingAt(i);
        if (w == null) w = s.substring(i - 1, i);
        return contextRatio(w, NR.K, F_BEFORE);
    }

    /** How much the word just after a name (说, 表示, 同志, 在) speaks for one. */
    private static double rightContext(Analysis a, int j) {
        String s = a.text;
        if (j >= s.length() || Analysis.isBreak(s, j)) return EDGE_CONTEXT;
        String w = a.termStartingAt(j);
        if (w == null) w = s.substring(j, j + 1);
        return contextRatio(w, NR.L, F_AFTER);
    }

    private static double contextRatio(String w, NR role, double roleTotal) {
        EnumItem<NR> item = PersonDictionary.dictionary.get(w);
        int f = item == null ? 0 : item.getFrequency(role) + item.getFrequency(NR.M);
        double r = Math.log((f + 0.5) / roleTotal) - Math.log(Math.max(ORDINARY_FLOOR, coreFrequency(w))) + LOG_N;
        return Math.max(-CONTEXT_CAP, Math.min(CONTEXT_CAP, r));
    }

    /**
     * Weight of {@code s[a, b)} as an ordinary word: the log of its frequency in the core
     * dictionary, or 0 when it is no word, lies outside the text, or is chiefly a personal name.
     */
    private static double wordWeight(String s, int a, int b) {
        return wordWeight(s, a, b, null, null);
    }

    /**
     * As {@link #wordWeight(String, int, int)}, less the log of how often the same word is part
     * of a name in the given roles: 建国 (role Z, a given name that is a word) or 黄金 (role X,
     * surname and first given character) are words names often make.
     */
    private static double wordWeight(String s, int a, int b, NR nameRole, NR otherNameRole) {
        if (a < 0 || b > s.length() || b - a < 2) return 0;
        String w = s.substring(a, b);
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        if (attr == null) return 0;
        int nr = attr.getNatureFrequency(com.hankcs.hanlp.corpus.tag.Nature.nr);
        if (nr * 2 > attr.totalFrequency) return 0;
        double weight = Math.log1p(attr.totalFrequency - nr);
        if (nameRole != null) {
            EnumItem<NR> item = PersonDictionary.dictionary.get(w);
            if (item != null) {
                int inNames = item.getFrequency(nameRole) + (otherNameRole == nameRole ? 0 : item.getFrequency(otherNameRole));
                weight -= Math.log1p(inNames);
            }
        }
        return Math.max(0, weight);
    }

    private static boolean knownName(String w) {
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        return attr != null && attr.getNatureFrequency(com.hankcs.hanlp.corpus.tag.Nature.nr) * 2 > attr.totalFrequency;
    }

    private static int coreFrequency(String w) {
        CoreDictionary.Attribute attr = CoreDictionary.get(w);
        return attr == null ? 0 : attr.totalFrequency;
    }

    /** Share of a character's uses that are surname uses, its uses as an ordinary word included. */
    static double surnameShare(char c) {
        return ByCharacter.SURNAME_SHARE[c];
    }

    private static double surnameShare(String w, EnumItem<NR> item) {
        int b = item.getFrequency(NR.B);
        int other = contextUses(item) + CoreDictionary.getTermFrequency(w);
        return b / (double) Math.max(1, b + other);
    }

    /**
     * {@link #givenUses(char)} and {@link #surnameShare(char)} for every UTF-16 unit, made once from HanLP's
     * dictionaries, which are never changed after they are loaded: the recognisers ask them at most characters of
     * every paragraph, and each answer looked a one-character string up in one or two dictionaries.
     */
    private static final class ByCharacter {
        static final int[] GIVEN_USES = new int[1 << 16];
        static final double[] SURNAME_SHARE = new double[1 << 16];

        static {
            for (int c = 0; c < 1 << 16; c++) {
                String w = String.valueOf((char) c);
                EnumItem<NR> item = PersonDictionary.dictionary.get(w);
                if (item == null) continue;
                GIVEN_USES[c] = givenUses(item);
                SURNAME_SHARE[c] = surnameShare(w, item);
            }
        }
    }

    private static double total(NR role) {
        return Math.max(1, PersonDictionary.transformMatrixDictionary.getTotalFrequency(role));
    }

    private static double transition(NR from, NR to) {
        return Math.max(1, PersonDictionary.transformMatrixDictionary.getFrequency(from, to));
    }

    private static double coreTotal() {
        CoreDictionary.Attribute[] all = CoreDictionary.trie.getValueArray(new CoreDictionary.Attribute[0]);
        long sum = 0;
        for (CoreDictionary.Attribute attr : all) if (attr != null) sum += attr.totalFrequency;
        return Math.max(1, sum);
    }
}
