package org.jiaokan.publish;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The documents' summaries (what the edition pages are made from), kept beside the publish manifest
 * ({@code .NAME.jiaokan/summaries/}, one file per document, named by the SHA-256 of its name), so that the manifest
 * holds only each summary's SHA-256 and a run whose edition pages are unchanged reads none of them. A file is the
 * summary's SHA-256 (64 hex digits), a line break, and the summary; one that is not there, or whose bytes do not
 * have the SHA-256 asked for, is not found (the summary is made again from the TEI). Files of documents the run did
 * not see are removed at its end.
 */
final class SummaryStore {
    private final DocumentFiles files;

    private SummaryStore(Path dir) {
        this.files = new DocumentFiles(dir, "summary-doc");
    }

    /** The store of an output folder, or null where the output has no manifest folder. */
    static SummaryStore of(Path out) {
        Path folder = PublishManifest.folder(out);
        return folder == null ? null : new SummaryStore(folder.resolve("summaries"));
    }

    /** The SHA-256 of a summary's bytes, in hex. */
    static String sha(byte[] summary) {
        return HexFormat.of().formatHex(org.jiaokan.edition.CodeIdentity.sha256().digest(summary));
    }

    /** The summary kept for this document with this SHA-256, or null. */
    byte[] find(String name, String sha) {
        try {
            byte[] b = Files.readAllBytes(files.file(name));
            if (b.length < 65 || b[64] != '\n' || !new String(b, 0, 64, StandardCharsets.US_ASCII).equals(sha)) return null;
            byte[] summary = Arrays.copyOfRange(b, 65, b.length);
            return sha(summary).equals(sha) ? summary : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps a document's summary; one that cannot be kept is made again when it is needed. */
    void put(String name, String sha, byte[] summary) {
        try {
            byte[] b = new byte[65 + summary.length];
            System.arraycopy(sha.getBytes(StandardCharsets.US_ASCII), 0, b, 0, 64);
            b[64] = '\n';
            System.arraycopy(summary, 0, b, 65, summary.length);
            files.write(name, b);
        } catch (IOException | RuntimeException e) {
            // made again from the TEI when the edition pages need it
        }
    }

    /** Removes the files of documents other than these (the names of the run's documents). */
    void prune(java.util.Collection<String> names) {
        files.prune(names);
    }
}
