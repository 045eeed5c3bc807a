package org.jiaokan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jiaokan build} over a copy of the example edition reproduces the checked-in TEI byte for
 * byte: the example edition is the golden output of the whole conversion. After an intended
 * change, run with {@code -Djiaokan.accept=true} to write the new output into tei/.
 */
class BuildCommandTest {
    private static final Path EDITION = Path.of("tei");

    @TempDir
    Path tmp;

    @Test
    void rebuildingTheExampleEditionReproducesItExactly() throws Exception {
        Path copy = tmp.resolve("tei");
        copyTree(EDITION, copy);
        CliRun r = CliRun.of("build", "-q", "--formats", "html", "-o", copy.resolveSibling("site").toString(), copy.toString());
        assertEquals(0, r.exit(), r.err());
        // The build also publishes the edition's site where -o says.
        for (String page : List.of("index.html", "documents.html", "search.html", "search/index.js",
                "doc/jk-004_02a83077c9d50b2a.html", "cite/jk-004_02a83077c9d50b2a.ris")) {
            assertTrue(Files.isRegularFile(copy.resolveSibling("site").resolve(page)), page);
        }
        boolean accept = Boolean.getBoolean("jiaokan.accept");
        List<Path> outputs = listFiles(copy.resolve("docs"));
        assertEquals(6, outputs.size(), "five documents and the registers");
        for (Path out : outputs) {
            Path golden = EDITION.resolve("docs").resolve(out.getFileName());
            if (accept) {
                Files.copy(out, golden, StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            assertTrue(Files.exists(golden), "no golden for " + out.getFileName());
            assertArrayEquals(Files.readAllBytes(golden), Files.readAllBytes(out),
                    out.getFileName() + " differs from tei/docs; rerun with -Djiaokan.accept=true if the change is intended");
        }
        if (accept) Files.copy(copy.resolve("edition.xml"), EDITION.resolve("edition.xml"), StandardCopyOption.REPLACE_EXISTING);
        assertArrayEquals(Files.readAllBytes(EDITION.resolve("edition.xml")), Files.readAllBytes(copy.resolve("edition.xml")));
        for (Path src : listFiles(EDITION.resolve("sources"))) {
            assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(copy.resolve("sources").resolve(src.getFileName())),
                    "sources are never changed");
        }
    }

    @Test
    void sourcesAreTheSeedsByteForByte() throws Exception {
        Path seeds = Path.of("..", "shared", "seeds");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(seeds), "skipped: ../shared/seeds is absent");
        for (Path seed : listFiles(seeds)) {
            assertArrayEquals(Files.readAllBytes(seed), Files.readAllBytes(EDITION.resolve("sources").resolve(seed.getFileName())));
        }
    }

    @Test
    void notAnEditionFolderIsOneClearError() {
        CliRun r = CliRun.of("build", "--no-site", tmp.toString());
        assertEquals(2, r.exit());
        assertEquals("jiaokan: error: " + tmp + ": not an edition folder (no edition.xml)", r.err().strip());
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
