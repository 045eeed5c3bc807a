package org.jiaokan.publish.search;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An index updated in place after some documents changed (their blocks added, removed or rewritten, a document
 * no longer indexed or indexed again) is, file for file and byte for byte, the index built from every document.
 */
class SearchIndexUpdateTest {
    /** Characters of the texts: CJK in both scripts, Latin, a character outside the BMP, and some that are escaped. */
    private static final String[] ALPHABET = {"会", "議", "议", "公", "安", "局", "的", "了", "北", "京", "張", "张", "三", "。", "，", "a", "B", "7", " ",
            "𠀀", "\"", "<", "\\", "\n"};

    @Property(tries = 60, seed = "20261202")
    void anIndexUpdatedInPlaceIsTheIndexBuiltFromEveryDocument(@ForAll long seed) throws IOException {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(16);
        List<SearchDocument> before = new ArrayList<>();
        List<String> keysBefore = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            before.add(r.nextInt(8) == 0 ? null : document(r, i));
            keysBefore.add("k" + i);
        }
        List<SearchDocument> after = new ArrayList<>(before);
        List<String> keysAfter = new ArrayList<>(keysBefore);
        int changes = r.nextInt(n / 4 + 1);
        for (int c = 0; c < changes; c++) {
            int i = r.nextInt(n);
            after.set(i, r.nextInt(6) == 0 ? null : document(r, i));
            keysAfter.set(i, "k" + i + "-" + c);
        }
        // A document whose key is the same but which its caller leaves out this time (another document took its
        // identifier), or one left out before and given now.
        if (r.nextInt(4) == 0) after.set(r.nextInt(n), null);
        if (r.nextInt(4) == 0) {
            int i = r.nextInt(n);
            if (before.get(i) == null && keysAfter.get(i).equals(keysBefore.get(i))) after.set(i, document(r, i));
        }
        // Places not indexed before are read again, as are those whose key changed.
        int readAgain = 0;
        for (int i = 0; i < n; i++) if (before.get(i) == null || !keysAfter.get(i).equals(keysBefore.get(i))) readAgain++;
        Path tmp = Files.createTempDirectory("search-update");
        try {
            Path site = tmp.resolve("site");
            byte[] state = build(site, before, keysBefore, null, false);
            byte[] stateAfter = build(site, after, keysAfter, state, readAgain * 4 <= n);
            Path fresh = tmp.resolve("fresh");
            byte[] stateFresh = build(fresh, after, keysAfter, null, false);
            assertSameFiles(fresh.resolve("search"), site.resolve("search"));
            assertArrayEquals(stateFresh, stateAfter, "the state kept for next time");
        } finally {
            removeTree(tmp);
        }
    }

    @Example
    void anIndexWhoseShardWasSpoiltIsBuiltFromEveryDocument() throws IOException {
        Random r = new Random(7);
        List<SearchDocument> docs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            docs.add(document(r, i));
            keys.add("k" + i);
        }
        Path tmp = Files.createTempDirectory("search-update");
        try {
            Path site = tmp.resolve("site");
            byte[] state = build(site, docs, keys, null, false);
            try (Stream<Path> s = Files.walk(site.resolve("search"))) {
                Path shard = s.filter(p -> p.getFileName().toString().startsWith("s-")).findFirst().orElseThrow();
                byte[] b = Files.readAllBytes(shard);
                Files.write(shard, java.util.Arrays.copyOf(b, b.length - 5));
            }
            keys.set(2, "k2-changed");
            docs.set(2, document(r, 2));
            SearchIndexBuilder.InOrder in = SearchIndexBuilder.inOrder(site, keys, state);
            assertFalse(in.inPlace(), "a shard that cannot be read whole: the index is built from every document");
            // So many changed places that building from every document is as quick.
            List<String> most = new ArrayList<>(keys);
            for (int i = 0; i < 3; i++) most.set(i, "other" + i);
            assertFalse(SearchIndexBuilder.inOrder(tmp.resolve("other"), most, state).inPlace(), "no index there");
        } finally {
            removeTree(tmp);
        }
    }

    /** Builds (or updates, with {@code state}) the index of these documents; returns the state for next time. */
    private static byte[] build(Path site, List<SearchDocument> docs, List<String> keys, byte[] state, boolean inPlace) throws IOException {
        SearchIndexBuilder.InOrder in = SearchIndexBuilder.inOrder(site, keys, state);
        assertEquals(inPlace, in.inPlace(), "updated in place");
        // Given out of order, as the site's workers give them.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) order.add(i);
        java.util.Collections.reverse(order);
        for (int i : order) {
            in.put(i, docs.get(i) == null ? null : in.kept(i) ? SearchIndexBuilder.KEPT : SearchIndexBuilder.of(docs.get(i)));
        }
        in.finish(docs.size());
        // The old generation is removed beside the run: once waited for, the folder holds the files the index names.
        in.awaitCleaned();
        assertEquals(new java.util.TreeSet<>(SearchIndexSwitchTest.snapshot(site.resolve("search")).keySet()), new java.util.TreeSet<>(in.files()),
                "the files the manifest records for the index are those in its folder");
        byte[] next = in.state();
        assertNotNull(next);
        return next;
    }

    private static SearchDocument document(Random r, int i) {
        List<SearchDocument.Unit> units = new ArrayList<>();
        int blocks = r.nextInt(6);
        for (int b = 0; b < blocks; b++) {
            String text = text(r, r.nextInt(20) == 0 ? 50_000 + r.nextInt(100_000) : r.nextInt(60));
            List<SearchDocument.Alternative> alts = new ArrayList<>();
            if (!text.isEmpty() && r.nextInt(3) == 0) {
                int s = r.nextInt(text.length()), e = s + r.nextInt(text.length() - s + 1);
                alts.add(new SearchDocument.Alternative(s, e, text(r, 1 + r.nextInt(4))));
            }
            units.add(new SearchDocument.Unit("d" + i + "-p" + b, text, alts));
        }
        List<SearchDocument.Entity> entities = new ArrayList<>();
        for (int e = r.nextInt(4); e > 0; e--) {
            int k = r.nextInt(5);
            entities.add(new SearchDocument.Entity(k % 2 == 0 ? "person" : "place", "e" + k, "名" + k));
        }
        String[] genres = {"", "speech", "report"};
        String genre = genres[r.nextInt(3)];
        return new SearchDocument("d" + i, text(r, 1 + r.nextInt(8)), "2020-01-0" + (1 + r.nextInt(9)), "2020", genre, genre.isEmpty() ? "" : "「" + genre + "」",
                r.nextBoolean() ? "Hans" : "Hant", List.copyOf(entities), List.copyOf(units));
    }

    private static String text(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        return sb.toString();
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        Map<String, byte[]> a = SearchIndexSwitchTest.snapshot(expected), b = SearchIndexSwitchTest.snapshot(actual);
        assertEquals(a.keySet(), b.keySet(), "the same files");
        for (String f : a.keySet()) assertArrayEquals(a.get(f), b.get(f), f + " differs from the index built from every document");
        assertTrue(a.keySet().stream().anyMatch(f -> f.contains("/s-")), "postings shards: " + a.keySet());
    }

    private static void removeTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        }
    }
}
