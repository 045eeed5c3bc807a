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

    /** @param documents the inputs, in order: a place is an index in it */
    public DocumentClaims(List<Path> documents) {
        this.documents = List.copyOf(documents);
        this.claims = new String[documents.size()];
    }

    /**
     * Claims {@code docid} for the document at {@code place}, once every document before it has claimed or passed: the
     * document earlier in the inputs that claimed it, or null where this one is the first (and is to be published).
     */
    public synchronized Path claim(int place, String docid) throws InterruptedException {
        set(place, java.util.Objects.requireNonNull(docid));
        while (done <= place) wait();
        int owner = first.get(docid);
        return owner == place ? null : documents.get(owner);
    }

    /** The document at {@code place} claims nothing (it failed before its identifier was known); nothing where it claimed already. */
    public synchronized void pass(int place) {
        if (claims[place] == null) set(place, PASSED);
    }

    /** The document that has {@code docid} (the first in the inputs to claim it), or null where none claimed it. */
    public synchronized Path owner(String docid) {
        Integer place = first.get(docid);
        return place == null ? null : documents.get(place);
    }

    /** The identifiers claimed so far, each once. */
    public synchronized Set<String> claimed() {
        return Set.copyOf(first.keySet());
    }

    /**
     * The formats that report a clash, in the order they are published, and what each says of the later document; the
     * first of them in the run that takes both documents reports it (a document over one format's size limit is not in
     * that format), the others say nothing of it.
     */
    private static final List<String[]> REPORTING = List.of(
            new String[]{"html", "not published"},
            new String[]{"pdf", "not in the print edition"},
            new String[]{"catalog", "no records made for it"});

    /**
     * The error line of {@code format}'s publication for the document {@code doc}, whose identifier {@code docid} the
     * earlier document {@code earlier} has, or null where a format published before it in the run ({@code formats})
     * took both documents ({@link DocumentLimits#fits}) and reported it: "not published" where no format before it is
     * in the run, what {@code format} left out otherwise.
     */
    public static String clash(Set<String> formats, String format, Path doc, String docid, Path earlier) {
        int at = 0;
        while (at < REPORTING.size() && !REPORTING.get(at)[0].equals(format)) at++;
        if (at == REPORTING.size()) throw new IllegalArgumentException("no such format: " + format);
        boolean before = false;
        for (String[] f : REPORTING.subList(0, at)) {
            if (!formats.contains(f[0])) continue;
            if (DocumentLimits.fits(doc, f[0]) && DocumentLimits.fits(earlier, f[0])) return null;
            before = true;
        }
        return doc + ": another document has the identifier " + docid + " (" + earlier + "); "
                + (before ? REPORTING.get(at)[1] : "not published");
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
