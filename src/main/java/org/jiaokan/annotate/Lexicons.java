package org.jiaokan.annotate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotator's own word lists, read once from the resources beside this class and never changed
 * afterwards, so one instance is shared by every thread.
 */
final class Lexicons {

    /** A place the gazetteer knows. */
    record Division(String code, String name, String level) { }

    final Set<String> surnames;
    /**
     * The one-character surnames, and the first characters of the two-character ones, by UTF-16 unit (for lookups
     * without a string; never changed after the constructor).
     */
    final java.util.BitSet singleSurnames, compoundSurnameFirsts;
    final WordSet offices;
    final WordSet titleBodies;
    final WordSet titleModifiers;
    final WordSet centralOrgs;
    final WordSet orgPrefixes;
    final WordSet orgSuffixes;
    final WordSet orgStems;
    final WordSet mediaHeads;
    final WordSet teamHeads;
    final WordSet branchHeads;
    final WordSet missionHeads;
    /** Short names of bodies to their full name, the register key both share (党中央 → 中共中央). */
    final Map<String, String> orgAliases;
    final WordSet speechVerbs;
    final WordSet honorifics;
    final WordSet bylineLabels;
    final WordSet listIntros;
    final WordSet occupations;
    /** Parts of Tibetan, Uyghur and Mongolian names, one set per kind. */
    final List<WordSet> minorityNameParts;
    /** Gazetteer names (full and unambiguous short forms) to their division. */
    final Map<String, Division> divisions;
    final int longestDivisionName;
    /** Lengths of the gazetteer's names by their first character. */
    private final LengthsByChar divisionLengthsByFirst;
    /** {@link #divisions}, looked up by a stretch of a text. */
    private final RegionTable<Division> divisionsByStretch;

    private Lexicons() {
        surnames = Set.copyOf(lines("surnames.txt"));
        singleSurnames = new java.util.BitSet(1 << 16);
        compoundSurnameFirsts = new java.util.BitSet(1 << 16);
        for (String w : surnames) {
            if (w.length() == 1) singleSurnames.set(w.charAt(0));
            else if (w.length() == 2) compoundSurnameFirsts.set(w.charAt(0));
        }
        Map<String, List<String>> titles = kinds("titles.txt");
        offices = WordSet.of(titles.get("office"));
        titleBodies = WordSet.of(titles.get("body"));
        titleModifiers = WordSet.of(titles.get("modifier"));
        Map<String, List<String>> orgs = kinds("org-lexicon.txt");
        centralOrgs = WordSet.of(orgs.get("central"));
        orgPrefixes = WordSet.of(orgs.get("prefix"));
        orgSuffixes = WordSet.of(orgs.get("suffix"));
        orgStems = WordSet.of(orgs.get("stem"));
        mediaHeads = WordSet.of(orgs.get("media"));
        teamHeads = WordSet.of(orgs.get("team"));
        branchHeads = WordSet.of(orgs.get("branch"));
        missionHeads = WordSet.of(orgs.get("mission"));
        Map<String, String> aliases = new HashMap<>();
        for (String pair : orgs.getOrDefault("alias", List.of())) {
            String[] f = pair.split("=", -1);
            if (f.length != 2 || f[0].isEmpty() || f[1].isEmpty()) throw new IllegalStateException("org-lexicon.txt: bad alias: " + pair);
            aliases.put(f[0], f[1]);
        }
        orgAliases = Map.copyOf(aliases);
        Map<String, List<String>> context = kinds("person-context.txt");
        speechVerbs = WordSet.of(context.get("verb"));
        honorifics = WordSet.of(context.get("honorific"));
        bylineLabels = WordSet.of(context.get("byline"));
        listIntros = WordSet.of(context.get("intro"));
        occupations = WordSet.of(context.get("occupation"));
        minorityNameParts = kinds("minority-names.txt").values().stream().map(WordSet::of).toList();
        Map<String, Division> d = new HashMap<>();
        int longest = 0;
        for (String line : lines("gbt2260-divisions.tsv")) {
            String[] f = line.split("\t", -1);
            if (f.length < 4) throw new IllegalStateException("bad gazetteer line: " + line);
            Division div = new Division(f[0], f[1], f[3]);
            d.putIfAbsent(f[1], div);
            if (!f[2].isEmpty()) d.putIfAbsent(f[2], div);
            longest = Math.max(longest, f[1].length());
        }
        divisions = Map.copyOf(d);
        divisionsByStretch = new RegionTable<>(divisions);
        divisionLengthsByFirst = lengthsBy(divisions.keySet().stream().filter(n -> n.length() >= 2).toList(), true);
        longestDivisionName = longest;
    }

    /** Lengths (two or more, longest first) of the gazetteer names that begin with {@code c}. */
    int[] divisionLengths(char c) { return divisionLengthsByFirst.get(c); }

    /** The division {@code s.substring(from, to)} names (as {@link #divisions} answers it), or null. */
    Division divisionAt(String s, int from, int to) { return divisionsByStretch.get(s, from, to); }

    private static final class Holder {
        static final Lexicons INSTANCE = new Lexicons();
    }

    static Lexicons get() { return Holder.INSTANCE; }

    private static List<String> lines(String name) {
        InputStream in = Lexicons.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException("missing resource " + name);
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                // Only trailing space goes: a leading tab is an empty first column in the gazetteer.
                line = line.stripTrailing();
                if (!line.isBlank() && !line.startsWith("#")) out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
        return out;
    }

    private static Map<String, List<String>> kinds(String name) {
        // In the file's order: callers that try kinds in turn get the same answer on every run.
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String line : lines(name)) {
            String[] f = line.split("\t");
            if (f.length != 2) throw new IllegalStateException(name + ": bad line: " + line);
            out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        return out;
    }

    /** Word lengths by a word's first (or last) character, longest first: lookups try only lengths that exist there. */
    private static LengthsByChar lengthsBy(Iterable<String> words, boolean first) {
        Map<Character, Set<Integer>> by = new HashMap<>();
        for (String w : words) {
            if (w.isEmpty()) continue;
            by.computeIfAbsent(w.charAt(first ? 0 : w.length() - 1), k -> new HashSet<>()).add(w.length());
        }
        Map<Character, int[]> out = new HashMap<>();
        by.forEach((c, ls) -> out.put(c, ls.stream().sorted(Collections.reverseOrder()).mapToInt(Integer::intValue).toArray()));
        return new LengthsByChar(out);
    }

    /**
     * Fibonacci hashing of {@code h} into a table of {@code 1 << bits} slots: the high bits of the product, which every
     * bit of {@code h} stirs (UTF-16 units of one script differ in their low bits, String hashes in all of them).
     */
    private static int slot(int h, int bits) {
        return (h * 0x9E3779B9) >>> (32 - bits);
    }

    /** The number of bits of a table holding {@code n} keys with at least half of its slots free (at least 1). */
    private static int bitsFor(int n) {
        int bits = 1;
        while ((1 << bits) < 2 * n) bits++;
        return bits;
    }

    /**
     * Word lengths by one character, an open-addressed table on the UTF-16 unit itself: the lookup at every position
     * of a text neither boxes the character (a {@code Map<Character, …>} made a {@code Character} for every Han
     * character) nor follows a key to compare it. Never changed after the constructor, so shared by every thread.
     */
    static final class LengthsByChar {
        private final char[] keys;
        private final int[][] lengths; // null where a slot is free
        private final int bits;

        LengthsByChar(Map<Character, int[]> by) {
            bits = bitsFor(by.size());
            keys = new char[1 << bits];
            lengths = new int[1 << bits][];
            int mask = (1 << bits) - 1;
            by.forEach((c, ls) -> {
                int i = slot(c, bits);
                while (lengths[i] != null) i = (i + 1) & mask;
                keys[i] = c;
                lengths[i] = ls;
            });
        }

        /** The lengths of the words at {@code c}, longest first; none where no word has it there. */
        int[] get(char c) {
            int mask = keys.length - 1;
            for (int i = slot(c, bits); ; i = (i + 1) & mask) {
                int[] ls = lengths[i];
                if (ls == null) return NONE;
                if (keys[i] == c) return ls;
            }
        }
    }

    /**
     * Words (and what each stands for) looked up by a stretch of a text, without making that stretch a string: an
     * open-addressed table keyed by {@link String#hashCode()}, computed on the stretch as on the string it would be.
     * Never changed after the constructor, so shared by every thread.
     */
    static final class RegionTable<V> {
        private final String[] keys; // null where a slot is free
        private final Object[] values;
        private final int[] hashes;
        private final int bits;

        RegionTable(Map<String, V> map) {
            bits = bitsFor(map.size());
            keys = new String[1 << bits];
            values = new Object[1 << bits];
            hashes = new int[1 << bits];
            int mask = (1 << bits) - 1;
            map.forEach((k, v) -> {
                int h = k.hashCode();
                int i = slot(h, bits);
                while (keys[i] != null) i = (i + 1) & mask;
                keys[i] = k;
                values[i] = v;
                hashes[i] = h;
            });
        }

        /** What {@code s.substring(from, to)} stands for, or null where it is not a key. */
        @SuppressWarnings("unchecked")
        V get(String s, int from, int to) {
            int h = 0;
            for (int k = from; k < to; k++) h = 31 * h + s.charAt(k);
            int len = to - from;
            int mask = keys.length - 1;
            for (int i = slot(h, bits); ; i = (i + 1) & mask) {
                String w = keys[i];
                if (w == null) return null;
                if (hashes[i] == h && w.length() == len && s.regionMatches(from, w, 0, len)) return (V) values[i];
            }
        }
    }

    private static final int[] NONE = new int[0];

    /** An immutable set of words with lookups at a position of a text, longest first. */
    static final class WordSet {
        private final Set<String> words;
        private final RegionTable<String> table;
        private final LengthsByChar byFirst;
        private final LengthsByChar byLast;

        private WordSet(Set<String> words) {
            this.words = words;
            Map<String, String> self = new HashMap<>();
            for (String w : words) self.put(w, w);
            table = new RegionTable<>(self);
            byFirst = lengthsBy(words, true);
            byLast = lengthsBy(words, false);
        }

        static WordSet of(List<String> words) {
            return new WordSet(Set.copyOf(words == null ? List.of() : words));
        }

        boolean contains(String w) { return words.contains(w); }

        /** Length of the longest word starting at {@code i}, or 0. */
        int longestAt(String s, int i) {
            if (i >= s.length()) return 0;
            for (int len : byFirst.get(s.charAt(i))) {
                if (i + len <= s.length() && table.get(s, i, i + len) != null) return len;
            }
            return 0;
        }

        /** Lengths of all words starting at {@code i}, longest first. */
        List<Integer> allAt(String s, int i) {
            if (i >= s.length()) return List.of();
            int[] lengths = byFirst.get(s.charAt(i));
            if (lengths.length == 0) return List.of();
            List<Integer> out = new ArrayList<>(2);
            for (int len : lengths) {
                if (i + len <= s.length() && table.get(s, i, i + len) != null) out.add(len);
            }
            return out;
        }

        /** Length of the longest word ending at {@code end}, or 0. */
        int longestEndingAt(String s, int end) {
            if (end <= 0 || end > s.length()) return 0;
            for (int len : byLast.get(s.charAt(end - 1))) {
                if (end - len >= 0 && table.get(s, end - len, end) != null) return len;
            }
            return 0;
        }
    }
}
