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
    private final Map<Character, int[]> divisionLengthsByFirst;

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
        divisionLengthsByFirst = lengthsBy(divisions.keySet().stream().filter(n -> n.length() >= 2).toList(), true);
        longestDivisionName = longest;
    }

    /** Lengths (two or more, longest first) of the gazetteer names that begin with {@code c}. */
    int[] divisionLengths(char c) { return divisionLengthsByFirst.getOrDefault(c, NONE); }

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
    private static Map<Character, int[]> lengthsBy(Iterable<String> words, boolean first) {
        Map<Character, Set<Integer>> by = new HashMap<>();
        for (String w : words) {
            if (w.isEmpty()) continue;
            by.computeIfAbsent(w.charAt(first ? 0 : w.length() - 1), k -> new HashSet<>()).add(w.length());
        }
        Map<Character, int[]> out = new HashMap<>();
        by.forEach((c, ls) -> out.put(c, ls.stream().sorted(Collections.reverseOrder()).mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(out);
    }

    private static final int[] NONE = new int[0];

    /** An immutable set of words with lookups at a position of a text, longest first. */
    static final class WordSet {
        private final Set<String> words;
        private final Map<Character, int[]> byFirst;
        private final Map<Character, int[]> byLast;

        private WordSet(Set<String> words) {
            this.words = words;
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
            for (int len : byFirst.getOrDefault(s.charAt(i), NONE)) {
                if (i + len <= s.length() && words.contains(s.substring(i, i + len))) return len;
            }
            return 0;
        }

        /** Lengths of all words starting at {@code i}, longest first. */
        List<Integer> allAt(String s, int i) {
            if (i >= s.length()) return List.of();
            int[] lengths = byFirst.getOrDefault(s.charAt(i), NONE);
            if (lengths.length == 0) return List.of();
            List<Integer> out = new ArrayList<>(2);
            for (int len : lengths) {
                if (i + len <= s.length() && words.contains(s.substring(i, i + len))) out.add(len);
            }
            return out;
        }

        /** Length of the longest word ending at {@code end}, or 0. */
        int longestEndingAt(String s, int end) {
            if (end <= 0 || end > s.length()) return 0;
            for (int len : byLast.getOrDefault(s.charAt(end - 1), NONE)) {
                if (end - len >= 0 && words.contains(s.substring(end - len, end))) return len;
            }
            return 0;
        }
    }
}
