package org.jiaokan.publish;

import org.jiaokan.edition.TeiFiles;
import org.jiaokan.publish.search.SearchDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * What the search index took of each document, kept beside the publish manifest ({@code .NAME.jiaokan/search/},
 * one file per document, named by the SHA-256 of its name in the manifest), so that when one document changes
 * the index is made again without reading every other TEI file. A file holds the key it was made for (the
 * document's name and SHA-256, the code and theme) and the document's searchable text and facts in a compact
 * format; one whose key differs, that cannot be read whole or is not there means the TEI is read again.
 * Files of documents this run did not see are removed at its end.
 */
final class SearchCache {
    private static final int MAGIC = 0x4a4b5344;

    private final Path dir;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private SearchCache(Path dir) {
        this.dir = dir;
    }

    /** The cache of an output folder, or null where the output has no manifest folder. */
    static SearchCache of(Path out) {
        Path folder = PublishManifest.folder(out);
        return folder == null ? null : new SearchCache(folder.resolve("search"));
    }

    private String file(String name) {
        String f = PublishManifest.key("search-doc", name);
        used.add(f);
        return f;
    }

    /** The document kept for this name and key, or null. */
    SearchDocument find(String name, String key) {
        Path p = dir.resolve(file(name));
        if (!Files.isRegularFile(p)) return null;
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(p)));
            if (in.readInt() != MAGIC || !key.equals(string(in))) return null;
            String docid = string(in), title = string(in), date = string(in), year = string(in), genre = string(in),
                    genreLabel = string(in), script = string(in);
            int n = size(in);
            List<SearchDocument.Entity> entities = new ArrayList<>(n);
            for (int i = 0; i < n; i++) entities.add(new SearchDocument.Entity(string(in), string(in), string(in)));
            n = size(in);
            List<SearchDocument.Unit> units = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String anchor = string(in), text = string(in);
                int m = size(in);
                List<SearchDocument.Alternative> alts = new ArrayList<>(m);
                for (int j = 0; j < m; j++) alts.add(new SearchDocument.Alternative(in.readInt(), in.readInt(), string(in)));
                units.add(new SearchDocument.Unit(anchor, text, List.copyOf(alts)));
            }
            if (in.available() != 0) return null;
            return new SearchDocument(docid, title, date, year, genre, genreLabel, script, List.copyOf(entities), List.copyOf(units));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps what the index took of a document; one that cannot be kept is read again next time. */
    void put(String name, String key, SearchDocument d) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (DataOutputStream o = new DataOutputStream(b)) {
                o.writeInt(MAGIC);
                for (String s : List.of(key, d.docid(), d.title(), d.date(), d.year(), d.genre(), d.genreLabel(), d.script())) {
                    string(o, s);
                }
                o.writeInt(d.entities().size());
                for (SearchDocument.Entity e : d.entities()) {
                    string(o, e.type());
                    string(o, e.key());
                    string(o, e.label());
                }
                o.writeInt(d.units().size());
                for (SearchDocument.Unit u : d.units()) {
                    string(o, u.anchor());
                    string(o, u.text());
                    o.writeInt(u.alternatives().size());
                    for (SearchDocument.Alternative a : u.alternatives()) {
                        o.writeInt(a.start());
                        o.writeInt(a.end());
                        string(o, a.text());
                    }
                }
            }
            Files.createDirectories(dir);
            TeiFiles.atomicWrite(dir.resolve(file(name)), b.toByteArray());
        } catch (IOException | RuntimeException e) {
            // read again next time
        }
    }

    /** Removes the files of documents other than these (the names of the run's documents). */
    void prune(java.util.Collection<String> names) {
        if (!Files.isDirectory(dir)) return;
        names.forEach(this::file);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) if (!used.contains(p.getFileName().toString())) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // stale files are keyed: they are never taken for another document's
        }
    }

    private static void string(DataOutputStream o, String s) throws IOException {
        byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        o.writeInt(b.length);
        o.write(b);
    }

    private static int size(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("not a record");
        return n;
    }

    private static String string(DataInputStream in) throws IOException {
        int n = size(in);
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
