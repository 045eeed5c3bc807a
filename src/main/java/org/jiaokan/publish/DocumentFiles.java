package org.jiaokan.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A folder beside the publish manifest holding one file per document, named by the SHA-256 of a kind and the
 * document's name in the manifest (so no name from a document reaches the file system); what the run asked for is
 * remembered, and the files of documents the run did not see are removed at its end. A file's content is its
 * store's to check ({@link SearchCache}, {@link SummaryStore}).
 */
final class DocumentFiles {
    private final Path dir;
    private final String kind;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    DocumentFiles(Path dir, String kind) {
        this.dir = dir;
        this.kind = kind;
    }

    /** The file of this document. */
    Path file(String name) {
        String f = PublishManifest.key(kind, name);
        used.add(f);
        return dir.resolve(f);
    }

    /** Writes the file of this document atomically, its folder made with the first (by AtomicFiles, once). */
    void write(String name, byte[] bytes) throws IOException {
        org.jiaokan.edition.TeiFiles.atomicWrite(file(name), bytes);
    }

    /** Removes the files of documents other than these (the names of the run's documents). */
    void prune(Collection<String> names) {
        if (!Files.isDirectory(dir)) return;
        names.forEach(this::file);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) if (!used.contains(p.getFileName().toString())) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // stale files are keyed and checked by their stores: never taken for another document's
        }
    }
}
