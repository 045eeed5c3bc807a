package org.jiaokan.unseen;

import org.jiaokan.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private static String[] captureRun(String[] args, int[] exit) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            exit[0] = Main.run(args);
        } finally {
            System.setErr(err);
        }
        return buf.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
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
        int[] exit = new int[1];
        String[] lines = captureRun(runConvert(out, empty, good, bin), exit);
        assertEquals(1, exit[0]);
        assertEquals(2, lines.length, () -> String.join("\n", lines));
        assertEquals("jiaokan: error: " + empty + ": empty file", lines[0]);
        assertTrue(lines[1].startsWith("jiaokan: error: " + bin + ": binary"), lines[1]);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(java.util.List.of("no-date.xml", "registers.xml", "sources"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
