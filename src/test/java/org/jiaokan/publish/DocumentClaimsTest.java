package org.jiaokan.publish;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identifiers go to the document earliest in the inputs, whatever order the claims come in. */
class DocumentClaimsTest {
    private static List<Path> inputs(int n) {
        List<Path> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(Path.of("doc-" + i + ".xml"));
        return l;
    }

    @Test
    void theEarliestDocumentHasTheIdentifierWhicheverClaimsFirst() throws Exception {
        List<Path> docs = inputs(4);
        DocumentClaims claims = new DocumentClaims(docs);
        Map<Integer, Path> answers = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        // the last documents claim first: their claims wait for the ones before them
        for (int place : new int[]{3, 2, 1}) {
            Thread t = new Thread(() -> {
                try {
                    Path earlier = claims.claim(place, place == 2 ? "other" : "twin");
                    answers.put(place, earlier == null ? Path.of("none") : earlier);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(200);
        assertTrue(answers.isEmpty(), "no claim is answered before the first document's: " + answers);
        assertEquals(Set.of(), claims.claimed());
        assertNull(claims.claim(0, "twin"));
        for (Thread t : threads) t.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(Map.of(1, docs.get(0), 2, Path.of("none"), 3, docs.get(0)), answers);
        assertEquals(Set.of("twin", "other"), claims.claimed());
        assertEquals(docs.get(0), claims.owner("twin"));
        assertEquals(docs.get(2), claims.owner("other"));
        assertNull(claims.owner("nobody"));
    }

    @Test
    void aDocumentThatPassesLetsTheNextOnesThrough() throws Exception {
        List<Path> docs = inputs(3);
        DocumentClaims claims = new DocumentClaims(docs);
        claims.pass(0);
        assertNull(claims.claim(1, "twin"));
        claims.pass(1); // after its claim: nothing
        assertEquals(docs.get(1), claims.claim(2, "twin"));
        assertThrows(IllegalStateException.class, () -> claims.claim(2, "again"));
    }

    @Test
    void claimsOnManyThreadsGiveWhatOneThreadGives() throws Exception {
        int n = 400;
        List<Path> docs = inputs(n);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add("id-" + (i * 7919 % 37));
        for (int round = 0; round < 5; round++) {
            DocumentClaims claims = new DocumentClaims(docs);
            List<Path> answers = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(n, (Path) null)));
            List<java.util.concurrent.Callable<Void>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int place = i;
                jobs.add(() -> {
                    if (place % 11 == 5) {
                        claims.pass(place);
                        return null;
                    }
                    if (place % 3 == 0) Thread.sleep(1);
                    answers.set(place, claims.claim(place, ids.get(place)));
                    return null;
                });
            }
            org.jiaokan.edition.Ordered.all(3, jobs);
            Map<String, Integer> first = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                if (i % 11 == 5) continue;
                Integer f = first.putIfAbsent(ids.get(i), i);
                assertEquals(f == null ? null : docs.get(f), answers.get(i), "place " + i);
            }
            assertFalse(claims.claimed().isEmpty());
        }
    }

    /**
     * The first format of the run that takes the later document reports its clash, and only it: every format leaves it
     * out, the earlier document in that format or not (over its size limit).
     */
    @Test
    void theFirstFormatTakingTheLaterDocumentReportsTheClash(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path big = java.nio.file.Files.write(tmp.resolve("big.xml"), new byte[3 << 19]); // 1.5 MiB
        Path small = java.nio.file.Files.writeString(tmp.resolve("small.xml"), "<TEI/>");
        Set<String> all = Set.of("html", "pdf", "catalog");
        String line = small + ": another document has the identifier x (" + big + "); not published";
        assertEquals(line, DocumentClaims.clash(all, "html", small, "x", big));
        assertNull(DocumentClaims.clash(all, "pdf", small, "x", big));
        assertNull(DocumentClaims.clash(all, "catalog", small, "x", big));
        assertEquals(line, DocumentClaims.clash(Set.of("catalog"), "catalog", small, "x", big));
        assertEquals(line, DocumentClaims.clash(Set.of("pdf", "catalog"), "pdf", small, "x", big));
        assertNull(DocumentClaims.clash(Set.of("pdf", "catalog"), "catalog", small, "x", big));
        String before = System.getProperty("jiaokan.limit.html");
        System.setProperty("jiaokan.limit.html", "1");
        try {
            // the earlier document over the site's limit: the site, which takes the later one, reports it
            assertEquals(line, DocumentClaims.clash(all, "html", small, "x", big));
            assertNull(DocumentClaims.clash(all, "pdf", small, "x", big));
            // the later document over the site's limit: the print edition reports it
            assertEquals(big + ": another document has the identifier x (" + small + "); not published",
                    DocumentClaims.clash(all, "pdf", big, "x", small));
            assertNull(DocumentClaims.clash(all, "catalog", big, "x", small));
        } finally {
            if (before == null) System.clearProperty("jiaokan.limit.html");
            else System.setProperty("jiaokan.limit.html", before);
        }
        assertThrows(IllegalArgumentException.class, () -> DocumentClaims.clash(all, "epub", small, "x", big));
    }

    /**
     * A document left out of an output for its size keeps its identifier there from the documents after it, not from
     * those before it; the others claim as before.
     */
    @Test
    void aDocumentLeftOutKeepsItsIdentifierFromLaterOnes() throws Exception {
        List<Path> all = inputs(6);
        // doc-1 and doc-4 left out of this output: doc-1 has "twin", doc-4 has "late"
        List<Path> kept = List.of(all.get(0), all.get(2), all.get(3), all.get(5));
        DocumentClaims claims = new DocumentClaims(kept, new DocumentClaims.LeftOut(all, Map.of(all.get(1), "twin", all.get(4), "late")));
        assertNull(claims.claim(0, "late"));         // doc-0, before doc-4: it keeps "late"
        assertEquals(all.get(1), claims.claim(1, "twin")); // doc-2, after doc-1
        assertEquals(all.get(1), claims.claim(2, "twin")); // doc-3
        assertEquals(all.get(0), claims.claim(3, "late")); // doc-5: doc-0 has it
        assertEquals(Set.of("late"), claims.claimed());
        // the owners of what is published here: none has "twin"
        assertNull(claims.owner("twin"));
        assertEquals(all.get(0), claims.owner("late"));
        assertNull(claims.owner("nobody"));
        // doc-2 and doc-3 are left out for doc-1, doc-5 for doc-0, which is here
        assertEquals(List.of(false, true, true, false), List.of(claims.heldByLeftOut(0), claims.heldByLeftOut(1),
                claims.heldByLeftOut(2), claims.heldByLeftOut(3)));
        DocumentClaims none = new DocumentClaims(kept, new DocumentClaims.LeftOut(all, Map.of(all.get(4), "only")));
        assertNull(none.owner("only"));
    }
}
