package org.jiaokan.unseen;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files that are not documents: the command line says so in one line per file and writes no TEI for them. */
class UnseenErrorPathTest {

    private static String[] runConvert(Path out, Path... inputs) {
        String[] args = new String[4 + inputs.length];
        args[0] = "convert";
        args[1] = "-q";
        args[2] = "-o";
        args[3] = out.toString();
        for (int i = 0; i < inputs.length; i++) args[4 + i] = inputs[i].toString();
        return args;
    }

    @Test
    void emptyAndBinaryFilesFailWithOneLineEachAndTheGoodFileIsStillConverted(@TempDir Path dir) throws Exception {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        byte[] binary = new byte[512];
        for (int i = 0; i < binary.length; i++) binary[i] = (byte) (i * 37 + 11);
        binary[7] = 0;
        Path bin = Files.write(dir.resolve("scan.txt"), binary);
        Path good = UnseenCorpus.Doc.NO_DATE.write(dir);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(runConvert(out, empty, good, bin));
        String[] lines = run.errLines().toArray(String[]::new);
        assertEquals(1, run.exit());
        assertEquals(2, lines.length, () -> String.join("\n", lines));
        assertEquals("jiaokan: error: " + empty + ": empty file", lines[0]);
        assertTrue(lines[1].startsWith("jiaokan: error: " + bin + ": binary"), lines[1]);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(java.util.List.of("no-date.xml", "registers.xml", "sources"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
