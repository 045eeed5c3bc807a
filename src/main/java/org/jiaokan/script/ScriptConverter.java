package org.jiaokan.script;

import com.hankcs.hanlp.HanLP;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Simplified ↔ traditional Chinese, as HanLP converts: with its own tables (its jar's {@code s2t.txt} and
 * {@code t2s.txt}, a word of one script {@code =} its form in the other) and its rule, from the left, the longest word
 * of the table starting at the place is replaced by its other form, else the character is kept.
 *
 * <p>The same strings as {@code HanLP.convertToTraditionalChinese} and {@code HanLP.convertToSimplifiedChinese}
 * ({@code ScriptConverterTest} checks that the tables read here hold exactly the words and forms of HanLP's own, and
 * compares the conversions of the example edition's sources and of generated text), made faster: HanLP reports every word of the table
 * found anywhere in the text (all the words ending at each character, the single characters among them) and then
 * keeps the longest at each place; this walks a tree of the words only at the places the conversion reaches, and
 * gives the text itself back when nothing in it changes. The pages convert every piece of a document's text, the
 * search index folds every block, the conversion tells each document's script: on the text of 500 documents of the
 * bench corpus (142,238 text nodes), 1.5 to 3 times faster than HanLP's.
 *
 * <p>Where a table cannot be read, HanLP converts.
 */
public final class ScriptConverter {
    private ScriptConverter() {}

    /** {@code text} in the traditional script (HanLP's simplified → traditional table). */
    public static String toTraditional(String text) {
        return text.isEmpty() ? text : ToTraditional.TABLE.convert(text);
    }

    /** {@code text} in the simplified script (HanLP's traditional → simplified table). */
    public static String toSimplified(String text) {
        return text.isEmpty() ? text : ToSimplified.TABLE.convert(text);
    }

    /**
     * Whether {@link #toSimplified} keeps every {@code c} of a text in its result: no word of its table holds it. False
     * where the table could not be read (HanLP converts then, and is not asked).
     */
    public static boolean simplifyingKeeps(char c) {
        return ToSimplified.TABLE.keeps(c);
    }

    /**
     * The places where {@link #toTraditional} would change {@code text}, counted until there are {@code enough}; -1
     * where a word of the table would change the text's length there (or no table could be read): then only the
     * converted text tells.
     */
    static int changesToTraditional(String text, int enough) {
        return ToTraditional.TABLE.changes(text, enough);
    }

    /**
     * At least the count of {@link #changesToTraditional} with no limit, counted without walking the table; -1 where a
     * word of the table would change the text's length (or no table could be read).
     */
    static int changesToTraditionalAtMost(String text) {
        return ToTraditional.TABLE.changesAtMost(text);
    }

    /** As {@link #changesToTraditional}, for {@link #toSimplified}. */
    static int changesToSimplified(String text, int enough) {
        return ToSimplified.TABLE.changes(text, enough);
    }

    /** As {@link #changesToTraditionalAtMost}, for {@link #changesToSimplified}. */
    static int changesToSimplifiedAtMost(String text) {
        return ToSimplified.TABLE.changesAtMost(text);
    }

    /**
     * {@link #changesToSimplifiedAtMost} and {@link #changesToTraditionalAtMost} of {@code text}, in that order, in one
     * look at each of its units (each alone looks at every unit twice: for the units a word may change, and for the
     * words whose form has another length).
     */
    static int[] changesAtMostBoth(String text) {
        Table t2s = ToSimplified.TABLE;
        Table s2t = ToTraditional.TABLE;
        if (!t2s.read() || !s2t.read()) return new int[]{t2s.changesAtMost(text), s2t.changesAtMost(text)};
        byte[] flags = Both.FLAGS;
        int toSimplified = 0;
        int toTraditional = 0;
        boolean simplifiedLength = false;
        boolean traditionalLength = false;
        int n = text.length();
        for (int k = 0; k < n; k++) {
            int f = flags[text.charAt(k)];
            if (f == 0) continue;
            if ((f & Both.T2S_CHANGEABLE) != 0) toSimplified++;
            if ((f & Both.S2T_CHANGEABLE) != 0) toTraditional++;
            if ((f & Both.T2S_LENGTH) != 0 && !simplifiedLength) simplifiedLength = t2s.lengthChangeAt(text, k);
            if ((f & Both.S2T_LENGTH) != 0 && !traditionalLength) traditionalLength = s2t.lengthChangeAt(text, k);
        }
        return new int[]{simplifiedLength ? -1 : toSimplified, traditionalLength ? -1 : toTraditional};
    }

    /**
     * As {@link #changesToTraditional}, for a text in which, as {@link #changesAtMostBoth} found, no word of the table
     * changes the length: what is left after the count stops is not looked at again.
     */
    static int changesToTraditionalWithoutLengthChanges(String text, int enough) {
        return ToTraditional.TABLE.changes(text, enough, false);
    }

    /** As {@link #changesToTraditionalWithoutLengthChanges}, for {@link #changesToSimplified}. */
    static int changesToSimplifiedWithoutLengthChanges(String text, int enough) {
        return ToSimplified.TABLE.changes(text, enough, false);
    }

    /** Per UTF-16 unit, what both tables say of it for {@link #changesAtMostBoth}: one byte, four flags. */
    private static final class Both {
        static final int T2S_CHANGEABLE = 1;
        static final int S2T_CHANGEABLE = 2;
        static final int T2S_LENGTH = 4;
        static final int S2T_LENGTH = 8;
        static final byte[] FLAGS = new byte[65536];

        static {
            Table t2s = ToSimplified.TABLE;
            Table s2t = ToTraditional.TABLE;
            for (int c = 0; c < 65536; c++) {
                int f = 0;
                if (t2s.read() && t2s.changeable.get(c)) f |= T2S_CHANGEABLE;
                if (s2t.read() && s2t.changeable.get(c)) f |= S2T_CHANGEABLE;
                if (t2s.read() && t2s.startsLengthChange[c]) f |= T2S_LENGTH;
                if (s2t.read() && s2t.startsLengthChange[c]) f |= S2T_LENGTH;
                FLAGS[c] = (byte) f;
            }
        }
    }

    /** Where HanLP keeps its tables, in its jar. */
    static final String TABLES = "data/dictionary/tc/";

    /** HanLP's own conversions: what converts where a table cannot be read. */
    static final UnaryOperator<String> HANLP_TO_TRADITIONAL = HanLP::convertToTraditionalChinese;
    static final UnaryOperator<String> HANLP_TO_SIMPLIFIED = HanLP::convertToSimplifiedChinese;

    // Each table read on its first use (HanLP's own are loaded the same way, by their classes' initialisers).
    private static final class ToTraditional {
        static final Table TABLE = Table.of(TABLES + "s2t.txt", HANLP_TO_TRADITIONAL);
    }

    private static final class ToSimplified {
        static final Table TABLE = Table.of(TABLES + "t2s.txt", HANLP_TO_SIMPLIFIED);
    }

    /** One table's words as a tree: each node's children sorted by character, the root's in an array by character. */
    static final class Table {
        /** The root's child for each UTF-16 unit (0: no word starts with it). */
        private final int[] root = new int[65536];
        /** Per node: where its children are in {@link #labels} and {@link #children}, how many, and its word's other form. */
        private final int[] first;
        private final int[] count;
        private final char[] labels;
        private final int[] children;
        private final String[] forms;
        /** Per node: whether its word's other form is the word itself (most single characters of a table). */
        private final boolean[] same;
        /** HanLP, where the table could not be read. */
        private final UnaryOperator<String> fallback;
        /** Per UTF-16 unit: whether a word of the table starting with it has a form of another length. */
        private final boolean[] startsLengthChange = new boolean[65536];
        /** Per UTF-16 unit: whether it is in a word of the table (a unit in none is copied as it is, wherever it is). */
        private final boolean[] inWord = new boolean[65536];
        /**
         * Per UTF-16 unit: whether a word of the table (of its form's length) has it where the form has another unit,
         * so that {@link #changes} may count it; one bit each, small enough to stay in the processor's cache.
         */
        private final java.util.BitSet changeable = new java.util.BitSet(65536);

        private Table(TreeMap<String, String> table, UnaryOperator<String> fallback) {
            this.fallback = fallback;
            table.forEach((word, form) -> {
                if (!word.isEmpty() && word.length() != form.length()) startsLengthChange[word.charAt(0)] = true;
                for (int i = 0; i < word.length(); i++) inWord[word.charAt(i)] = true;
                if (word.length() == form.length()) {
                    for (int i = 0; i < word.length(); i++) if (word.charAt(i) != form.charAt(i)) changeable.set(word.charAt(i));
                }
            });
            List<String> keys = new ArrayList<>(table.keySet());
            int nodes = 1;
            for (int i = 0; i < keys.size(); i++) {
                // a word adds a node for each character after the prefix it shares with the word before it
                String k = keys.get(i);
                int shared = i == 0 ? 0 : sharedPrefix(keys.get(i - 1), k);
                nodes += k.length() - shared;
            }
            first = new int[nodes + 1];
            count = new int[nodes + 1];
            labels = new char[nodes + 1];
            children = new int[nodes + 1];
            forms = new String[nodes + 1];
            same = new boolean[nodes + 1];
            int[] next = {1};
            int[] edges = {0};
            build(keys, table, 0, keys.size(), 0, 0, next, edges);
            for (int j = 0; j < count[0]; j++) root[labels[first[0] + j]] = children[first[0] + j];
        }

        /**
         * The node of the prefix shared by {@code keys[from, to)} (its first {@code depth} characters), numbered
         * {@code node}: its children, in the order of their characters (the keys are sorted), then theirs.
         */
        private void build(List<String> keys, TreeMap<String, String> table, int from, int to, int depth, int node, int[] next, int[] edges) {
            int i = from;
            if (i < to && keys.get(i).length() == depth) {
                forms[node] = table.get(keys.get(i));
                same[node] = forms[node].equals(keys.get(i));
                i++;
            }
            // the children's ranges
            List<int[]> ranges = new ArrayList<>();
            while (i < to) {
                char c = keys.get(i).charAt(depth);
                int j = i + 1;
                while (j < to && keys.get(j).charAt(depth) == c) j++;
                ranges.add(new int[]{i, j});
                i = j;
            }
            first[node] = edges[0];
            count[node] = ranges.size();
            edges[0] += ranges.size();
            int[] kids = new int[ranges.size()];
            for (int r = 0; r < ranges.size(); r++) {
                kids[r] = next[0]++;
                labels[first[node] + r] = keys.get(ranges.get(r)[0]).charAt(depth);
                children[first[node] + r] = kids[r];
            }
            for (int r = 0; r < ranges.size(); r++) build(keys, table, ranges.get(r)[0], ranges.get(r)[1], depth + 1, kids[r], next, edges);
        }

        private static int sharedPrefix(String a, String b) {
            int n = Math.min(a.length(), b.length());
            int i = 0;
            while (i < n && a.charAt(i) == b.charAt(i)) i++;
            return i;
        }

        static Table of(String resource, UnaryOperator<String> fallback) {
            try {
                TreeMap<String, String> t = read(resource);
                return t == null || t.isEmpty() ? new Table(fallback) : new Table(t, fallback);
            } catch (IOException | RuntimeException e) {
                return new Table(fallback);
            }
        }

        /** No table: HanLP converts. */
        private Table(UnaryOperator<String> fallback) {
            this.fallback = fallback;
            first = count = children = null;
            labels = null;
            forms = null;
            same = null;
        }

        boolean read() {
            return forms != null;
        }

        /**
         * At least as many as {@link #changes} counts in {@code text} (the units of the text a word of the table may
         * change), or -1 where a word whose form has another length is in the text or the table could not be read:
         * one look at each unit, without walking the table's words.
         */
        int changesAtMost(String text) {
            if (forms == null) return -1;
            int most = 0;
            int n = text.length();
            for (int k = 0; k < n; k++) if (changeable.get(text.charAt(k))) most++;
            return lengthChangeFrom(text, 0) ? -1 : most;
        }

        /** Whether {@link #convert} copies every {@code c} of a text to its result (no word of the table holds it). */
        boolean keeps(char c) {
            return forms != null && !inWord[c];
        }

        /**
         * A table as HanLP reads it ({@code StringDictionary} with the separator {@code =}): each line split at its first
         * {@code =}, a line without one left out, a later line of the same word replacing an earlier one.
         */
        static TreeMap<String, String> read(String resource) throws IOException {
            InputStream in = HanLP.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) return null;
            TreeMap<String, String> t = new TreeMap<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    int eq = line.indexOf('=');
                    if (eq < 0) continue;
                    t.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return t;
        }

        String convert(String text) {
            if (forms == null) return fallback.apply(text);
            StringBuilder sb = null;
            int n = text.length();
            int i = 0;
            while (i < n) {
                long word = longestWord(text, i);
                if (word == 0) {
                    if (sb != null) sb.append(text.charAt(i));
                    i++;
                    continue;
                }
                int formNode = (int) (word >>> 32);
                int length = (int) word;
                String form = forms[formNode];
                if (sb == null) {
                    if (same[formNode]) {
                        // nothing changes here (yet)
                        i += length;
                        continue;
                    }
                    sb = new StringBuilder(n + 8).append(text, 0, i);
                }
                sb.append(form);
                i += length;
            }
            return sb == null ? text : sb.toString();
        }

        /**
         * The places where {@link #convert} changes {@code text} (a word replaced by a form of the same length counts
         * its differing characters), counted until there are {@code enough}: the same walk, making no text. -1 where
         * a word's form has another length than the word, or the table could not be read; and -1 where the count stops
         * before the text's end and a word with a form of another length may start in what is left (the converted
         * text's length could then change, and with it the way it is compared).
         */
        int changes(String text, int enough) {
            return changes(text, enough, true);
        }

        /** As {@link #changes(String, int)}; without looking at what is left where {@code rest} is false (the caller knows no word there changes the length). */
        int changes(String text, int enough, boolean rest) {
            if (forms == null) return -1;
            int changed = 0;
            int n = text.length();
            int i = 0;
            while (i < n && changed < enough) {
                long word = longestWord(text, i);
                if (word == 0) {
                    i++;
                    continue;
                }
                int formNode = (int) (word >>> 32);
                int length = (int) word;
                if (!same[formNode]) {
                    String form = forms[formNode];
                    if (form.length() != length) return -1;
                    for (int k = 0; k < length; k++) if (form.charAt(k) != text.charAt(i + k)) changed++;
                }
                i += length;
            }
            return rest && lengthChangeFrom(text, i) ? -1 : changed;
        }

        /**
         * The longest word of the table starting at {@code text[i]}: its node in the high 32 bits and its length in the
         * low ones, or 0 where no word starts there ({@link #convert} and {@link #changes} walk alike).
         */
        private long longestWord(String text, int i) {
            int n = text.length();
            int node = root[text.charAt(i)];
            int formNode = 0;
            int length = 0;
            for (int j = i + 1; node != 0; j++) {
                if (forms[node] != null) {
                    formNode = node;
                    length = j - i;
                }
                if (j == n) break;
                node = child(node, text.charAt(j));
            }
            return formNode == 0 ? 0 : (long) formNode << 32 | length;
        }

        /** Whether a word of the table whose form has another length than itself starts anywhere in {@code text} from {@code from}. */
        private boolean lengthChangeFrom(String text, int from) {
            for (int k = from; k < text.length(); k++) if (startsLengthChange[text.charAt(k)] && lengthChangeAt(text, k)) return true;
            return false;
        }

        /** Whether a word of the table whose form has another length than itself is found in {@code text} at {@code at}. */
        boolean lengthChangeAt(String text, int at) {
            int node = root[text.charAt(at)];
            for (int j = at + 1; node != 0; j++) {
                if (forms[node] != null && forms[node].length() != j - at) return true;
                if (j == text.length()) break;
                node = child(node, text.charAt(j));
            }
            return false;
        }

        /** The child of {@code node} for {@code c}, or 0. */
        private int child(int node, char c) {
            int lo = first[node];
            int hi = lo + count[node] - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                char m = labels[mid];
                if (m < c) lo = mid + 1;
                else if (m > c) hi = mid - 1;
                else return children[mid];
            }
            return 0;
        }
    }
}
