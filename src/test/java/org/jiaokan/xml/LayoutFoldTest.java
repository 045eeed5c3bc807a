package org.jiaokan.xml;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The digests' folding of layout in one pass gives what its definition, two regular expressions, gives:
 * on strings of tags' ends and starts, every white space {@code \s} knows, white space it does not know
 * (no-break and ideographic spaces), text and surrogates.
 */
class LayoutFoldTest {
    private static String byDefinition(String s) {
        return s.replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");
    }

    @Provide
    Arbitrary<String> markup() {
        return Arbitraries.strings().withChars('<', '>', ' ', '\n', '\t', '\r', '\f', '\u000B', '\u00A0', '\u3000', 'a', '會', '/', '"')
                .withCharRange('\uD83D', '\uD83D').withCharRange('\uDE00', '\uDE01').ofMaxLength(40);
    }

    private static String folded(String s) {
        StringBuilder sb = new StringBuilder(s);
        XmlWriter.foldLayoutInPlace(sb);
        return sb.toString();
    }

    @Property(tries = 5000)
    void foldsAsTheRegularExpressionsDo(@ForAll("markup") String s) {
        assertEquals(byDefinition(s), folded(s));
    }

    @Test
    void edgeCases() {
        for (String s : new String[] {"", " ", "  ", "\n", "> <", ">\n  <", "a  b", "a\tb", "<p> x </p>", "> ", " <", "><",
                ">\u00A0<", "> \u3000 <", "<a>\n  <b/>\n</a>\n", "a \n b", ">\r\n<"}) {
            assertEquals(byDefinition(s), folded(s), "[" + s + "]");
        }
    }

    /** A digest by its definition: the first 8 bytes of the SHA-256 of the element's folded text's UTF-8 bytes. */
    private static String digestByDefinition(org.w3c.dom.Element e) throws Exception {
        byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                .digest(byDefinition(XmlWriter.write(e)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(h, 0, 8);
    }

    /**
     * The digest made without the element's string is the digest of its definition: on every element of the example
     * edition's TEI, and on elements of random text (surrogate pairs, lone surrogates, layout) up to 40,000 characters,
     * past the buffer that carries the bytes to the digest.
     */
    @Test
    void digestsAreTheDigestsOfTheDefinition() throws Exception {
        int elements = 0;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("tei", "docs"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                org.w3c.dom.Document d = Xml.parse(java.nio.file.Files.readAllBytes(f));
                var all = d.getElementsByTagNameNS("*", "*");
                for (int k = 0; k < all.getLength(); k++) {
                    org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(k);
                    assertEquals(digestByDefinition(e), XmlWriter.digest(e), f + " " + e.getTagName());
                    elements++;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(elements > 500, "elements compared: " + elements);
        java.util.Random random = new java.util.Random(11);
        char[] chars = {'a', '會', ' ', '\n', '\t', '\uD83D', '\uDE00', '\uDC00', '\u00E9', '\u00A0', '<', '>', '&', 'é'};
        org.w3c.dom.Document d = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        for (int k = 0; k < 300; k++) {
            StringBuilder text = new StringBuilder();
            int n = k < 20 ? 9000 + random.nextInt(31_000) : random.nextInt(200);
            for (int i = 0; i < n; i++) text.append(chars[random.nextInt(chars.length)]);
            org.w3c.dom.Element p = d.createElementNS(Xml.TEI_NS, "p");
            p.appendChild(d.createTextNode(text.toString()));
            p.appendChild(d.createElementNS(Xml.TEI_NS, "lb"));
            p.appendChild(d.createTextNode(" \n "));
            assertEquals(digestByDefinition(p), XmlWriter.digest(p), "text of " + n);
        }
    }
}
