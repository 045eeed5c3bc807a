package org.jiaokan.publish;

import org.jiaokan.io.CompactData;
import org.jiaokan.publish.search.SearchDocument;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the search index took of each document, kept beside the publish manifest ({@code .NAME.jiaokan/search/},
 * one file per document, named by the SHA-256 of its name in the manifest), so that when one document changes
 * the index is made again without reading every other TEI file. A file holds the key it was made for (the
 * document's name and SHA-256, the code and theme) and the document's searchable text and facts in a compact
 * format; one whose key differs, that cannot be read whole or is not there means the TEI is read again.
 * Files of documents this run did not see are removed at its end.
 */
final class SearchCache {
    private static final int MAGIC = 0x4a4b5345; // "JKSE": the units with their ¶ numbers

    private final DocumentFiles files;

    private SearchCache(Path dir) {
        this.files = new DocumentFiles(dir, "search-doc");
    }

    /** The cache of an output folder, or null where the output has no manifest folder. */
    static SearchCache of(Path out) {
        Path folder = PublishManifest.folder(out);
        return folder == null ? null : new SearchCache(folder.resolve("search"));
    }

    /** The document kept for this name and key, or null. */
    SearchDocument find(String name, String key) {
        Path p = files.file(name);
        if (!Files.isRegularFile(p)) return null;
        try {
            DataInputStream in = org.jiaokan.io.CompactData.input(Files.readAllBytes(p));
            if (in.readInt() != MAGIC || !key.equals(CompactData.string(in))) return null;
            String docid = CompactData.string(in), title = CompactData.string(in), date = CompactData.string(in), year = CompactData.string(in), genre = CompactData.string(in),
                    genreLabel = CompactData.string(in), script = CompactData.string(in);
            int n = CompactData.size(in);
            List<SearchDocument.Entity> entities = new ArrayList<>(n);
            for (int i = 0; i < n; i++) entities.add(new SearchDocument.Entity(CompactData.string(in), CompactData.string(in), CompactData.string(in)));
            n = CompactData.size(in);
            List<SearchDocument.Unit> units = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String anchor = CompactData.string(in), text = CompactData.string(in);
                int m = CompactData.size(in);
                List<SearchDocument.Alternative> alts = new ArrayList<>(m);
                for (int j = 0; j < m; j++) alts.add(new SearchDocument.Alternative(in.readInt(), in.readInt(), CompactData.string(in)));
                units.add(new SearchDocument.Unit(anchor, text, List.copyOf(alts), in.readInt()));
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
                    CompactData.write(o, s);
                }
                o.writeInt(d.entities().size());
                for (SearchDocument.Entity e : d.entities()) {
                    CompactData.write(o, e.type());
                    CompactData.write(o, e.key());
                    CompactData.write(o, e.label());
                }
                o.writeInt(d.units().size());
                for (SearchDocument.Unit u : d.units()) {
                    CompactData.write(o, u.anchor());
                    CompactData.write(o, u.text());
                    o.writeInt(u.alternatives().size());
                    for (SearchDocument.Alternative a : u.alternatives()) {
                        o.writeInt(a.start());
                        o.writeInt(a.end());
                        CompactData.write(o, a.text());
                    }
                    o.writeInt(u.number());
                }
            }
            files.write(name, b.toByteArray());
        } catch (IOException | RuntimeException e) {
            // read again next time
        }
    }

    /** Removes the files of documents other than these (the names of the run's documents). */
    void prune(java.util.Collection<String> names) {
        files.prune(names);
    }
}
