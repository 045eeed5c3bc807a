package org.jiaokan.publish;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents' identifiers as the jobs of one output claim them, given in the inputs' order whatever order the jobs
 * reach them in: of two documents with one identifier, the one earlier in the inputs is published and the other is
 * reported, in every run and on any number of threads.
 *
 * <p>The document at each place (0, 1, 2 …) either claims an identifier ({@link #claim}) or passes ({@link #pass}:
 * it failed before its identifier was known), once. A claim waits until every place before it has done one or the
 * other. The jobs must start in the places' order ({@link org.jiaokan.edition.Ordered#all} takes them so), and a job
 * claims or passes before it waits for anything a later job does; then the first place not yet done belongs to a
 * running job that waits for nobody, and no claim waits for ever.
 */
public final class DocumentClaims {
    private final List<Path> documents;
    /** Per place: the identifier claimed, {@link #PASSED}, or null while its job has not reached it. */
    private final String[] claims;
    /** The place of the first document claiming each identifier, for the places before {@link #done}. */
    private final Map<String, Integer> first = new HashMap<>();
    /** The places before this one have all claimed or passed. */
    private int done;

    private static final String PASSED = new String("passed");
    /** The identifiers of the documents left out of this output for their size. */
    private final LeftOut leftOut;

    /** @param documents the inputs, in order: a place is an index in it */
    public DocumentClaims(List<Path> documents) {
        this(documents, LeftOut.NONE);
    }

    /**
     * @param documents the inputs of the output, in order: a place is an index in it
     * @param leftOut   the identifiers of the documents of the run left out of the output for their size, which keep
     *                  them there: a later document with one of them is not published in it either
     */
    public DocumentClaims(List<Path> documents, LeftOut leftOut) {
        this.documents = List.copyOf(documents);
        this.claims = new String[documents.size()];
        this.leftOut = leftOut;
    }

    /**
     * Claims {@code docid} for the document at {@code place}, once every document before it has claimed or passed: the
     * document earlier in the inputs that claimed it, or null where this one is the first (and is to be published).
     * The earlier document may be one left out of this output for its size ({@link LeftOut}): a document over the
     * print edition's limit keeps its identifier from a later document there as in the site, so that its page never
     * links a PDF of another text.
     */
    public synchronized Path claim(int place, String docid) throws InterruptedException {
        set(place, java.util.Objects.requireNonNull(docid));
        while (done <= place) wait();
        return keeper(place, docid);
    }

    /**
     * The document other than the one at {@code place} that has {@code docid} in this output, a document left out of
     * it for its size included; null where the one at {@code place} has it. Every place up to it has claimed or passed.
     */
    private Path keeper(int place, String docid) {
        Integer owner = first.get(docid);
        if (owner == null) throw new IllegalStateException("place " + place + " has not been reached");
        Path held = leftOut.before(documents.get(owner), docid);
        if (held != null) return held;
        return owner == place ? null : documents.get(owner);
    }

    /**
     * The identifiers of the documents of a run that an output leaves out for their size ({@link DocumentLimits}), with
     * the order of all the run's documents: of two documents with one identifier the earlier in that order has it in
     * every output, in it or not.
     */
    public static final class LeftOut {
        /** No document left out. */
        public static final LeftOut NONE = new LeftOut(List.of(), Map.of());

        private final List<Path> all;
        private final Map<Path, Integer> order = new HashMap<>();
        /** The place in {@link #all} of the first document left out with each identifier. */
        private final Map<String, Integer> first = new HashMap<>();

        /**
         * @param all the run's documents, in the inputs' order
         * @param ids the identifiers of those of them the output leaves out (a document whose identifier could not be
         *            read, not well-formed, is in no output, and holds none)
         */
        public LeftOut(List<Path> all, Map<Path, String> ids) {
            this.all = List.copyOf(all);
            for (int i = 0; i < this.all.size(); i++) order.putIfAbsent(this.all.get(i), i);
            for (int i = 0; i < this.all.size(); i++) {
                String id = ids.get(this.all.get(i));
                if (id != null) first.putIfAbsent(id, i);
            }
        }

        /** The document left out that has {@code docid} and comes before {@code doc} in the run, or null. */
        Path before(Path doc, String docid) {
            Integer held = first.get(docid);
            if (held == null) return null;
            Integer at = order.get(doc);
            return at == null || held < at ? all.get(held) : null;
        }

        /**
         * What a key of the output's work is to hold of this: the places in the run of the documents left out and their
         * identifiers (which documents the output leaves out for them depends on them).
         */
        public String key() {
            StringBuilder sb = new StringBuilder();
            new java.util.TreeMap<>(first).forEach((id, place) -> sb.append(place).append(' ').append(id).append('\n'));
            return sb.toString();
        }
    }

    /**
     * What {@link #claimAgain} answers: the document that keeps the identifier instead ({@code earlier}, null where this
     * one has it), and the place and file of a later document that had claimed it and gives it up to this one (-1 and
     * null where none).
     */
    public record Again(Path earlier, int displaced, Path later) {}

    /**
     * As {@link #claim}, once every place has claimed or passed, for a document done again after its first try failed
     * (the print edition sets a document alone again after it ran out of memory beside others). Where the place claimed
     * in its first try, its claim's answer. Where it passed before its identifier was known, the earlier document
     * has the identifier as in every output: this one, unless a document before it has it; a later one that claimed it
     * meanwhile gives it up ({@code displaced}), as the site gives it to the earlier.
     */
    public synchronized Again claimAgain(int place, String docid) {
        java.util.Objects.requireNonNull(docid);
        int displaced = -1;
        if (claims[place] == PASSED) {
            Integer owner = first.get(docid);
            if (owner == null || owner > place) {
                Path held = leftOut.before(documents.get(place), docid);
                if (held != null) return new Again(held, -1, null);
                claims[place] = docid;
                first.put(docid, place);
                displaced = owner == null ? -1 : owner;
            }
        }
        Path keeper = keeper(place, docid);
        return keeper != null ? new Again(keeper, -1, null) : new Again(null, displaced, displaced < 0 ? null : documents.get(displaced));
    }

    /** The document at {@code place} claims nothing (it failed before its identifier was known); nothing where it claimed already. */
    public synchronized void pass(int place) {
        if (claims[place] == null) set(place, PASSED);
    }

    /**
     * The document that has {@code docid} here (the first in the inputs to claim it), or null where none claimed it or a
     * document left out of this output for its size has it (none is published here under it).
     */
    public synchronized Path owner(String docid) {
        Integer place = first.get(docid);
        if (place == null || leftOut.before(documents.get(place), docid) != null) return null;
        return documents.get(place);
    }

    /**
     * Whether the document at {@code place}, which has claimed, is left out because a document left out of this output
     * for its size has its identifier: no document of this output writes under that identifier, so what the later one
     * wrote there in an earlier run is to go.
     */
    public synchronized boolean heldByLeftOut(int place) {
        String docid = claims[place];
        if (docid == null || docid == PASSED || place >= done) return false;
        return leftOut.before(documents.get(first.get(docid)), docid) != null;
    }

    /** The identifiers claimed so far and published here (none a document left out has from before), each once. */
    public synchronized Set<String> claimed() {
        Set<String> out = new java.util.HashSet<>();
        for (var e : first.entrySet()) if (leftOut.before(documents.get(e.getValue()), e.getKey()) == null) out.add(e.getKey());
        return Set.copyOf(out);
    }

    /** The formats that report a clash, in the order they are published. */
    private static final List<String> REPORTING = List.of("html", "pdf", "catalog");

    /**
     * The error line of {@code format}'s publication for the document {@code doc}, whose identifier {@code docid} the
     * earlier document {@code earlier} has, or null where a format published before it in the run ({@code formats})
     * took {@code doc} ({@link DocumentLimits#fits}) and reported it. Every format that takes the later document leaves
     * it out, the earlier one in it or not (over its size limit: {@link LeftOut}), so the line says it is not published.
     */
    public static String clash(Set<String> formats, String format, Path doc, String docid, Path earlier) {
        int at = REPORTING.indexOf(format);
        if (at < 0) throw new IllegalArgumentException("no such format: " + format);
        for (String f : REPORTING.subList(0, at)) {
            if (formats.contains(f) && DocumentLimits.fits(doc, f)) return null;
        }
        return doc + ": another document has the identifier " + docid + " (" + earlier + "); not published";
    }

    private void set(int place, String claim) {
        if (claims[place] != null) throw new IllegalStateException("place " + place + " claimed twice");
        claims[place] = claim;
        int before = done;
        while (done < claims.length && claims[done] != null) {
            if (claims[done] != PASSED) first.putIfAbsent(claims[done], done);
            done++;
        }
        if (done != before) notifyAll();
    }
}
