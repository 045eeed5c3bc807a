package org.jiaokan.deposit;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** A manifest's paths as RFC 8493 writes them: %, CR and LF percent-encoded, every other character as it is. */
class ManifestFilesTest {
    @Test
    void percentAndLineEndsAreEncodedAndNothingElse() {
        assertEquals("data/50%2525.txt", ManifestFiles.encode("data/50%25.txt"));
        assertEquals("data/a%0Ab%0Dc.txt", ManifestFiles.encode("data/a\nb\rc.txt"));
        assertEquals("data/a\\b 公文 #1.txt", ManifestFiles.encode("data/a\\b 公文 #1.txt"));
        assertEquals("data/50%.txt", ManifestFiles.decode("data/50%25.txt"));
        assertEquals("data/a\nb", ManifestFiles.decode("data/a%0ab"), "either case");
        assertEquals("data/%41%2", ManifestFiles.decode("data/%41%2"), "another escape or a cut one is kept");
    }

    @Property(tries = 2000)
    void decodingUndoesEncoding(@ForAll String name) {
        assertEquals(name, ManifestFiles.decode(ManifestFiles.encode(name)));
    }

    @Test
    void aWrittenManifestReadsBackAndLinesAreTheLibrarysForPlainNames(@TempDir Path tmp) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data/sources/001.txt", "ab12");
        m.put("data/sources/50%25.txt", "cd34");
        m.put("data/sources/a\nb.txt", "ef56");
        Path f = tmp.resolve("manifest-sha256.txt");
        ManifestFiles.write(f, m);
        assertEquals("ab12  data/sources/001.txt\ncd34  data/sources/50%2525.txt\nef56  data/sources/a%0Ab.txt\n",
                Files.readString(f, StandardCharsets.UTF_8));
        assertEquals(m, ManifestFiles.read(f));
        Files.writeString(f, "ab12\tdata/x y.txt\r\n\r\n");
        assertEquals(Map.of("data/x y.txt", "ab12"), ManifestFiles.read(f), "a tab, CRLF and a blank line are read");
        Files.writeString(f, "ab12\n");
        assertThrows(IOException.class, () -> ManifestFiles.read(f));
        // another tool's bag: the encoding bagit.txt declares, and a byte-order mark
        Files.write(f, "cd34  data/café.txt\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(Map.of("data/café.txt", "cd34"), ManifestFiles.read(f, StandardCharsets.ISO_8859_1));
        Files.writeString(f, "\uFEFFab12  data/a.txt\n");
        assertEquals(Map.of("data/a.txt", "ab12"), ManifestFiles.read(f));
    }
}
