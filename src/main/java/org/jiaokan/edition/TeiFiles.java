package org.jiaokan.edition;

import org.jiaokan.tei.CorrectionMerger;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes TEI files so that archives can diff them: same input, same bytes. An existing file is
 * merged (editors' corrections kept) and rewritten only when its content changes; the date of
 * conversion changes only then.
 */
public final class TeiFiles {
    private TeiFiles() {}

    /** What happened to one file. */
    public record Outcome(Path file, boolean written, List<String> keptUnits, byte[] bytes) {}

    /**
     * @param file     where the TEI goes (already confined to the output folder)
     * @param generate makes the TEI tree for a given date of conversion
     */
    public static Outcome write(Path file, Function<String, Document> generate) throws IOException {
        return writeTree(file, generate).outcome();
    }

    /**
     * A file written ({@link #write}) and the tree whose bytes it holds: {@link XmlWriter#bytes} of {@code tree} are
     * {@code outcome.bytes()}, so what is read from the tree (its validity, its names, its ids) is what the bytes
     * would give parsed again, without parsing them. The tree is the caller's, not kept in the outcome: a build keeps
     * the outcomes of many documents.
     */
    public record Made(Outcome outcome, Document tree) {}

    /** As {@link #write}, with the tree the bytes were written from. */
    public static Made writeTree(Path file, Function<String, Document> generate) throws IOException {
        Document existing = null;
        byte[] old = null;
        if (Files.exists(file)) {
            old = Files.readAllBytes(file);
            try {
                existing = Xml.parse(old);
            } catch (SAXException e) {
                throw new IOException(file.getFileName() + " exists but is not well-formed XML (" + e.getMessage()
                        + "); fix or remove it before converting again");
            }
            String twice = org.jiaokan.validate.IdUniqueness.firstRepeated(existing.getDocumentElement());
            if (twice != null) {
                // The merge finds an editor's blocks by their ids: of two blocks with one id it would keep one as the
                // editor's version of both, and the other's text would be gone from the document.
                throw new IOException("its TEI file " + file + " has the xml:id \"" + twice + "\" on more than one element,"
                        + " so an editor's blocks cannot be told apart; the file is left as it is (make the ids unique)");
            }
        }
        String today = today();
        String previous = existing == null ? today : conversionDate(existing).orElse(today);
        CorrectionMerger.Result r = CorrectionMerger.merge(generate.apply(previous), existing);
        byte[] bytes = XmlWriter.bytes(r.document());
        if (old != null && Arrays.equals(old, bytes)) return new Made(new Outcome(file, false, r.keptUnits(), bytes), r.document());
        // A file that differs in its units' digests alone (a later version records one unit more) keeps its date: the
        // date is the text's and the header's, and an upgrade would otherwise date every document of an edition anew.
        if (!previous.equals(today) && (old == null || !sameBesideDigests(old, bytes))) {
            r = CorrectionMerger.merge(generate.apply(today), existing);
            bytes = XmlWriter.bytes(r.document());
        }
        atomicWrite(file, bytes);
        return new Made(new Outcome(file, true, r.keptUnits(), bytes), r.document());
    }

    /** Whether two TEI files' bytes are the same once the units' digests ({@code xenoData/units}) are left out of both. */
    static boolean sameBesideDigests(byte[] a, byte[] b) {
        String x = new String(a, java.nio.charset.StandardCharsets.UTF_8), y = new String(b, java.nio.charset.StandardCharsets.UTF_8);
        return withoutDigests(x).equals(withoutDigests(y));
    }

    private static String withoutDigests(String tei) {
        int start = tei.indexOf("<units xmlns=\"" + org.jiaokan.tei.CorrectionMerger.UNITS_NS + "\"");
        int end = tei.indexOf("</units>", Math.max(0, start));
        return start < 0 || end < 0 ? tei : tei.substring(0, start) + tei.substring(end + "</units>".length());
    }

    /** Writes bytes only when they differ from the file's; returns whether it wrote ({@link org.jiaokan.io.AtomicFiles#writeIfChanged}). */
    public static boolean writeIfChanged(Path file, byte[] bytes) throws IOException {
        return org.jiaokan.io.AtomicFiles.writeIfChanged(file, bytes);
    }

    /**
     * Writes through a temporary file and a rename, so an interrupted run never leaves a truncated
     * file where an editor's corrected TEI was. The temporary file is created private (0600); it is
     * given the mode a plain new file would have under the process's umask before the rename, so a
     * published edition is as readable as any other file its owner writes.
     */
    public static void atomicWrite(Path file, byte[] bytes) throws IOException {
        org.jiaokan.io.AtomicFiles.write(file, bytes);
    }

    /** The date of the last conversion recorded in the header's revisionDesc. */
    static Optional<String> conversionDate(Document doc) {
        return Dom.descendants(doc.getDocumentElement(), "change").stream()
                .filter(c -> org.jiaokan.tei.TeiWriter.isOwnResp(c.getAttribute("who")))
                .map(c -> c.getAttribute("when")).filter(w -> !w.isEmpty()).findFirst();
    }

    /** Today (UTC), or the date of SOURCE_DATE_EPOCH where it is set, for reproducible builds. */
    public static String today() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(epoch)), ZoneOffset.UTC).toString();
        }
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    /** {@code dir/name}, refusing any name that would leave {@code dir}. */
    public static Path inside(Path dir, String name) throws IOException {
        return org.jiaokan.io.SafePaths.inside(dir, name);
    }
}
