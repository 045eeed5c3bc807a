package org.jiaokan.publish.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk files are copied from the records' own files as they are written, in the order given (the edition's
 * record first, then the documents by identifier), so that the catalogue keeps no document's records in memory.
 */
class CatalogBulkTest {
    @TempDir
    Path out;

    private CatalogFormat.Written record(String base, String marcxml, String mrc, String mrk) throws IOException {
        Path x = out.resolve("records/marcxml/" + base + ".xml");
        Files.createDirectories(x.getParent());
        Files.writeString(x, marcxml, StandardCharsets.UTF_8);
        Path m = out.resolve("records/marc/" + base);
        Files.createDirectories(m.getParent());
        Files.writeString(m.resolveSibling(base + ".mrc"), mrc, StandardCharsets.UTF_8);
        Files.writeString(m.resolveSibling(base + ".mrk"), mrk, StandardCharsets.UTF_8);
        return new CatalogFormat.Written("records/marcxml/" + base + ".xml", "records/marc/" + base, null);
    }

    private String read(String name) throws IOException {
        return Files.readString(out.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void bulkFilesFollowTheOrderGivenAndCopyEachRecord() throws IOException {
        CatalogFormat.Written b = record("b", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<marc:record>乙</marc:record>\n", "B\u001d", "=LDR  b\n\n");
        CatalogFormat.Written a = record("a", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><marc:record>甲</marc:record>", "A\u001d", "=LDR  a\n\n");
        CatalogFormat.Written ed = record("edition", "<marc:record>全</marc:record>\n\n", "E\u001d", "=LDR  e\n\n");
        CatalogFormat.bulk(out, List.of(ed, a, b));
        assertEquals("E\u001dA\u001dB\u001d", read("records/all.mrc"));
        assertEquals("=LDR  e\n\n=LDR  a\n\n=LDR  b\n\n", read("records/all.mrk"));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">\n"
                + "<marc:record>全</marc:record>\n<marc:record>甲</marc:record>\n<marc:record>乙</marc:record>\n</marc:collection>\n",
                read("records/all-marcxml.xml"));
    }

    @Test
    void aRecordFileMissingLeavesTheBulkFileAsItWas() throws IOException {
        CatalogFormat.Written a = record("a", "<marc:record>甲</marc:record>", "A\u001d", "=LDR  a\n\n");
        Files.createDirectories(out.resolve("records"));
        Files.writeString(out.resolve("records/all.mrc"), "before", StandardCharsets.UTF_8);
        CatalogFormat.Written gone = new CatalogFormat.Written("records/marcxml/gone.xml", "records/marc/gone", null);
        IOException e = assertThrows(IOException.class, () -> CatalogFormat.bulk(out, List.of(a, gone)));
        assertTrue(e.getMessage().contains("gone.mrc"), e.getMessage());
        assertEquals("before", read("records/all.mrc"));
        try (var files = Files.list(out.resolve("records"))) {
            assertEquals(List.of("all.mrc", "marc", "marcxml"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
