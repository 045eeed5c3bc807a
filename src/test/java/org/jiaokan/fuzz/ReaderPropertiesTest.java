package org.jiaokan.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.HtmlReader;
import org.jiaokan.read.ReadException;
import org.jiaokan.read.TextReader;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.jiaokan.TestSupport.noSpace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The text and HTML readers on random input: no exception escapes but a {@link ReadException} with a
 * reason, and what a reader decodes is the source decoded in the encoding it names, white space aside.
 */
class ReaderPropertiesTest {

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.oneOf(Inputs.bytes(600),
                // bytes that are mostly text: a legacy or UTF encoding with random damage
                Inputs.encoded(Inputs.corpusText(12)).flatMap(e -> Inputs.bytes(6).map(noise -> damage(e.bytes(), noise))));
    }

    /** Overwrites a few bytes of {@code bytes} with {@code noise}, at places the noise itself picks. */
    static byte[] damage(byte[] bytes, byte[] noise) {
        byte[] out = bytes.clone();
        if (out.length == 0) return noise;
        for (int i = 0; i + 1 < noise.length; i += 2) out[Math.floorMod(noise[i] * 31 + i, out.length)] = noise[i + 1];
        return out;
    }

    @Property(tries = 500, seed = "20261201")
    void randomBytesAreReadLosslesslyOrRefusedWithAReason(@ForAll("randomBytes") byte[] bytes) {
        SourceDocument d;
        try {
            d = new TextReader().read("noise.txt", bytes, null);
        } catch (ReadException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a reason is given");
            Statistics.collect("refused");
            return;
        }
        Statistics.collect(d.encoding());
        assertEquals(Inputs.escape(noSpace(new String(bytes, Charset.forName(d.encoding())))), Inputs.escape(noSpace(undamaged(d.text(), d.encoding()))),
                "the text is the source decoded in " + d.encoding());
    }

    @Provide
    Arbitrary<Inputs.Encoded> encodedUnicode() {
        return Inputs.encoded(Arbitraries.oneOf(Inputs.encodableUnicode(60), Inputs.corpusText(15)));
    }

    /** Encodings the reader must never mistake: a byte-order mark says what the text is, and strict UTF-8 comes first. */
    private static final Set<Inputs.Encoding> UNAMBIGUOUS = Set.of(Inputs.Encoding.UTF8, Inputs.Encoding.UTF8_BOM,
            Inputs.Encoding.UTF16LE_BOM, Inputs.Encoding.UTF16BE_BOM);

    @Property(tries = 500, seed = "20261202")
    void encodedTextIsReadBackLosslessly(@ForAll("encodedUnicode") Inputs.Encoded e) {
        SourceDocument d;
        try {
            d = new TextReader().read("text.txt", e.bytes(), null);
        } catch (ReadException x) {
            assertFalse(x.getMessage() == null || x.getMessage().isBlank(), "a reason is given");
            Statistics.collect(e.encoding(), "refused");
            return;
        }
        Statistics.collect(e.encoding(), d.encoding());
        assertEquals(Inputs.escape(noSpace(new String(e.bytes(), Charset.forName(d.encoding())))), Inputs.escape(noSpace(undamaged(d.text(), d.encoding()))),
                "the text is the source decoded in " + d.encoding());
        if (UNAMBIGUOUS.contains(e.encoding())) {
            assertEquals(Inputs.escape(noSpace(e.text())), Inputs.escape(noSpace(d.text())), "read as " + d.encoding() + " (" + d.encodingEvidence() + ")");
        }
    }

    @Property(tries = 300, seed = "20261203")
    void theEncodingCanBeForced(@ForAll("encodedUnicode") Inputs.Encoded e) {
        Charset cs = switch (e.encoding()) {
            case UTF8, UTF8_BOM -> StandardCharsets.UTF_8;
            case GB18030 -> Inputs.GB18030;
            case BIG5 -> Inputs.BIG5;
            case UTF16LE, UTF16LE_BOM -> StandardCharsets.UTF_16LE;
            case UTF16BE, UTF16BE_BOM -> StandardCharsets.UTF_16BE;
        };
        try {
            SourceDocument d = new TextReader().read("forced.txt", e.bytes(), cs);
            assertEquals(noSpace(new String(e.bytes(), cs)), noSpace(d.text()));
        } catch (ReadException x) {
            assertFalse(x.getMessage() == null || x.getMessage().isBlank(), "a reason is given");
        }
    }

    @Provide
    Arbitrary<byte[]> htmlBytes() {
        return Arbitraries.oneOf(
                Inputs.htmlPage().map(p -> p.getBytes(StandardCharsets.UTF_8)),
                Inputs.htmlPage().map(p -> p.replace("charset=\"utf-8\"", "charset=\"gbk\"").getBytes(Inputs.GB18030)),
                Inputs.htmlPage().map(p -> p.replace("charset=\"utf-8\"", "charset=\"big5\"").getBytes(Inputs.BIG5)),
                Inputs.bytes(300).map(b -> Inputs.concat("<html><body><p>".getBytes(StandardCharsets.US_ASCII), b)));
    }

    @Property(tries = 400, seed = "20261204")
    void theHtmlReaderReadsAnyPageOrRefusesItWithAReason(@ForAll("htmlBytes") byte[] page) {
        try {
            SourceDocument d = new HtmlReader().read("page.html", page, null);
            assertFalse(d.lines().isEmpty());
            for (var line : d.lines()) {
                assertFalse(line.text().contains("\r") || line.text().contains("\n"), "a line holds no line break");
            }
        } catch (ReadException x) {
            assertFalse(x.getMessage() == null || x.getMessage().isBlank(), "a reason is given");
        }
    }

    /**
     * The reader keeps bytes its encoding cannot decode as damage, one escape character (U+DC00 + the byte)
     * each; this turns those back into their bytes and decodes the whole again, as the plain decoder sees it.
     */
    static String undamaged(String text, String encoding) {
        if (text.chars().noneMatch(c -> c >= 0xDC00 && c <= 0xDCFF)) return text;
        Charset cs = Charset.forName(encoding);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = c >= 0xDC00 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (escape) {
                bytes.writeBytes(run.toString().getBytes(cs));
                run.setLength(0);
                bytes.write(c - 0xDC00);
            } else {
                run.append(c);
            }
        }
        bytes.writeBytes(run.toString().getBytes(cs));
        return new String(bytes.toByteArray(), cs);
    }
}
