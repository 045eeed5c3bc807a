package org.jiaokan.annotate;

import org.jiaokan.model.Script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared seed documents for tests: {@code -Djiaokan.seeds=DIR}, else ../shared/seeds. */
final class Seeds {

    private Seeds() { }

    static Path dir() {
        return Path.of(System.getProperty("jiaokan.seeds", "../shared/seeds"));
    }

    static boolean available() { return Files.isDirectory(dir()); }

    /** The seed file whose name starts with {@code id} ("004"). */
    static Path file(String id) throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(p -> p.getFileName().toString().startsWith(id + "_")).findFirst()
                    .orElseThrow(() -> new IOException("no seed " + id + " in " + dir()));
        }
    }

    static List<String> lines(String id) throws IOException {
        return Files.readAllLines(file(id), StandardCharsets.UTF_8);
    }

    /** 002 and 004 are written in traditional script, the others in simplified. */
    static Script script(String id) {
        return id.equals("002") || id.equals("004") ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    static final List<String> IDS = List.of("000", "001", "002", "003", "004");
}
