package org.jiaokan.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conversion cache is keyed by the identity of the code a conversion runs ({@link CodeIdentity#conversion()}),
 * which leaves out the packages and resources of {@link CodeIdentity#NOT_CONVERSION}. That is right only while no
 * other part of Jiaokan uses them: a conversion that called into the publication would keep its cached results
 * after the publication's code changed.
 */
class ConversionCodeTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void noConvertingCodeRefersToTheCodeLeftOutOfItsIdentity() throws IOException {
        List<String> excluded = CodeIdentity.NOT_CONVERSION.stream().map(p -> p.replace('/', '.')).toList();
        Pattern reference = Pattern.compile("org\\.jiaokan\\.(\\w+)|\"/?org/jiaokan/(\\w+)/");
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> walk = Files.walk(SOURCES.resolve("org/jiaokan"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = SOURCES.relativize(f).toString().replace('\\', '/');
                // CodeIdentity names them to leave them out; it is the one file that may.
                if (!CodeIdentity.conversionFileName(name) || name.equals("org/jiaokan/edition/CodeIdentity.java")) continue;
                files++;
                Matcher m = reference.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String pkg = "org.jiaokan." + (m.group(1) != null ? m.group(1) : m.group(2)) + ".";
                    if (excluded.contains(pkg)) found.add(name + " refers to " + pkg);
                }
            }
        }
        assertTrue(files > 100, "the converting code was not found under " + SOURCES.toAbsolutePath() + ": " + files + " files");
        assertEquals(List.of(), found);
    }

    @Test
    void theIdentityLeavesOutOnlyThoseFiles() {
        assertTrue(CodeIdentity.conversionFileName("org/jiaokan/annotate/ChineseAnnotator.class"));
        assertTrue(CodeIdentity.conversionFileName("org/jiaokan/schema/jiaokan.rng"));
        assertTrue(CodeIdentity.conversionFileName("data/dictionary/CoreNatureDictionary.txt"));
        assertTrue(CodeIdentity.conversionFileName("org/jiaokan/publisher/X.class"), "a package whose name only starts alike");
        assertTrue(!CodeIdentity.conversionFileName("org/jiaokan/publish/Publisher.class"));
        assertTrue(!CodeIdentity.conversionFileName("org/jiaokan/site/xslt/html/document.xsl"));
        assertNotEquals(CodeIdentity.conversion(), CodeIdentity.get(), "the two identities are of different files");
        assertTrue(CodeIdentity.conversion().matches("[0-9a-f]{64}"));
    }
}
