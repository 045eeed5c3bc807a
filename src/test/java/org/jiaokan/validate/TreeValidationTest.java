package org.jiaokan.validate;

import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A parsed TEI document checked as a tree gives what checking its bytes gives: valid documents stay
 * valid, and every kind of invalid one is found (with the errors' lines and columns, from the bytes).
 */
class TreeValidationTest {
    private static List<String> checked(RelaxNgValidator v, String xml) throws Exception {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return v.validate(Xml.parse(bytes), bytes, "test.xml");
    }

    @Test
    void theExampleEditionAndItsBrokenVariantsAreJudgedAsTheirBytesAre() throws Exception {
        RelaxNgValidator v = Schemas.jiaokan();
        List<Path> docs;
        try (Stream<Path> s = Files.list(Path.of("tei", "docs"))) {
            docs = s.filter(p -> p.getFileName().toString().startsWith("jk-")).sorted().toList();
        }
        assertFalse(docs.isEmpty());
        int invalid = 0;
        for (Path doc : docs) {
            String xml = Files.readString(doc, StandardCharsets.UTF_8);
            List<String> variants = new ArrayList<>();
            variants.add(xml);
            // a date the datatype refuses, an element the schema does not have, a value outside a closed list,
            // another namespace, text where only elements may be, an attribute the schema does not have
            variants.add(xml.replaceFirst("when=\"(\\d{4})-(\\d\\d)-(\\d\\d)\"", "when=\"$3.$2.$1\""));
            variants.add(xml.replaceFirst("<persName ", "<bogus/><persName "));
            variants.add(xml.replaceFirst("cert=\"(low|medium|high)\"", "cert=\"sure\""));
            variants.add(xml.replaceFirst("xmlns=\"http://www.tei-c.org/ns/1.0\"", "xmlns=\"urn:example:other\""));
            variants.add(xml.replaceFirst("<text>", "<text>多余的文字"));
            variants.add(xml.replaceFirst("<persName ", "<persName colour=\"red\" "));
            // the datatypes of a choice (YesOrNoDatatypes): a certainty as a number in and out of range, a date as a
            // year, a month and day alone, a month that does not exist
            variants.add(xml.replaceFirst("cert=\"(low|medium|high)\"", "cert=\"0.25\""));
            variants.add(xml.replaceFirst("cert=\"(low|medium|high)\"", "cert=\"1.5\""));
            variants.add(xml.replaceFirst("when=\"(\\d{4})-(\\d\\d)-(\\d\\d)\"", "when=\"$1\""));
            variants.add(xml.replaceFirst("when=\"(\\d{4})-(\\d\\d)-(\\d\\d)\"", "when=\"--$2-$3\""));
            variants.add(xml.replaceFirst("when=\"(\\d{4})-(\\d\\d)-(\\d\\d)\"", "when=\"$1-13-$3\""));
            for (int i = 0; i < variants.size(); i++) {
                String variant = variants.get(i);
                List<String> fromBytes = v.validate(variant.getBytes(StandardCharsets.UTF_8), "test.xml");
                assertEquals(fromBytes, checked(v, variant), doc + " variant " + i);
                // the tree alone tells valid from invalid: the bytes are read again only for an invalid one
                assertEquals(fromBytes.isEmpty(), v.validTree(Xml.parse(variant.getBytes(StandardCharsets.UTF_8))), doc + " variant " + i);
                if (i == 0 || i == 7 || i == 9 || i == 10) assertTrue(fromBytes.isEmpty(), doc + " variant " + i + ": " + fromBytes);
                else if (!variant.equals(xml)) {
                    assertFalse(fromBytes.isEmpty(), doc + " variant " + i + " should be invalid");
                    assertTrue(fromBytes.get(0).matches("\\d+:\\d+: .*"), fromBytes.get(0));
                    invalid++;
                }
            }
        }
        assertTrue(invalid >= 5 * docs.size() / 2, "most variants apply: " + invalid);
    }

    @Test
    void checksFromManyThreadsAtOnceAgree() throws Exception {
        RelaxNgValidator v = Schemas.jiaokan();
        String xml;
        try (Stream<Path> s = Files.list(Path.of("tei", "docs"))) {
            xml = Files.readString(s.filter(p -> p.getFileName().toString().startsWith("jk-")).sorted().findFirst().orElseThrow(),
                    StandardCharsets.UTF_8);
        }
        String bad = xml.replaceFirst("<persName ", "<bogus/><persName ");
        List<String> expected = v.validate(bad.getBytes(StandardCharsets.UTF_8), "test.xml");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        if (!checked(v, xml).isEmpty()) throw new AssertionError("valid document found invalid");
                        if (!checked(v, bad).equals(expected)) throw new AssertionError("invalid document judged otherwise");
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void validatorsUsedAgainAndRenewedJudgeEveryDocumentAlike() throws Exception {
        RelaxNgValidator v = RelaxNgValidator.of(Path.of("tei", "schema", "jiaokan.rng"));
        byte[] good;
        try (Stream<Path> s = Files.list(Path.of("tei", "docs"))) {
            good = Files.readAllBytes(s.filter(p -> p.getFileName().toString().startsWith("jk-")).sorted().findFirst().orElseThrow());
        }
        byte[] bad = new String(good, StandardCharsets.UTF_8).replaceFirst("<persName ", "<bogus/><persName ").getBytes(StandardCharsets.UTF_8);
        org.w3c.dom.Document goodTree = Xml.parse(good), badTree = Xml.parse(bad);
        // past the point where a validator is renewed, twice, with invalid documents between valid ones
        for (int i = 0; i < 2 * RelaxNgValidator.CHECKS_PER_VALIDATOR + 10; i++) {
            boolean invalid = i % 97 == 5;
            assertEquals(!invalid, v.validTree(invalid ? badTree : goodTree), "document " + i);
        }
    }
}
