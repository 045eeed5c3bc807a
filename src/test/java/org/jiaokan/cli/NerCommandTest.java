package org.jiaokan.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jiaokan ner}: one JSON line per input line, code point offsets, clear errors. */
class NerCommandTest {

    private static final Pattern ENTITY = Pattern.compile(
            "\\{\"start\":(\\d+),\"end\":(\\d+),\"type\":\"(PER|LOC|ORG)\",\"text\":\"([^\"]*)\"}");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureErr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() { System.setErr(savedErr); }

    private static List<String> run(String input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, NerCommand.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void oneOutputLinePerInputLineAndEmptyLinesHaveNoEntities() throws IOException {
        List<String> out = run("习近平同志在北京市主持会议。\n\n\n国务院总理李强会见外宾。\n");
        assertEquals(4, out.size(), out.toString());
        assertEquals("{\"entities\":[]}", out.get(1));
        assertEquals("{\"entities\":[]}", out.get(2));
        assertTrue(out.get(0).contains("\"type\":\"PER\",\"text\":\"习近平\""), out.get(0));
        assertTrue(out.get(0).contains("\"type\":\"LOC\",\"text\":\"北京市\""), out.get(0));
    }

    @Test
    void aLastLineWithoutNewlineCounts() throws IOException {
        assertEquals(2, run("\n习近平同志在北京市").size());
    }

    /** Offsets count code points: a character outside the BMP is one, not two. */
    @Test
    void offsetsAreCodePointsOnLinesWithSurrogatePairs() throws IOException {
        String line = "𠀀𠮷，习近平同志在北京市主持会议。";
        String json = run(line + "\n").get(0);
        int[] cps = line.codePoints().toArray();
        Matcher m = ENTITY.matcher(json);
        int n = 0;
        while (m.find()) {
            int s = Integer.parseInt(m.group(1));
            int e = Integer.parseInt(m.group(2));
            assertEquals(m.group(4), new String(cps, s, e - s), json);
            n++;
        }
        assertTrue(json.contains("{\"start\":3,\"end\":6,\"type\":\"PER\",\"text\":\"习近平\"}"), json);
        assertTrue(n >= 2, json);
    }

    @Test
    void traditionalScriptGivesTheSameSpans() throws IOException {
        List<String> out = run("习近平同志在北京市主持会议。\n習近平同志在北京市主持會議。\n");
        assertEquals(out.get(0).replace("习", "習"), out.get(1));
    }

    @Test
    void textIsEscapedAsJson() {
        String json = NerCommand.json(List.of(new org.jiaokan.annotate.NamedEntities.Entity(0, 3,
                org.jiaokan.annotate.NamedEntities.Label.ORG, "a\"b\\")));
        assertEquals("{\"entities\":[{\"start\":0,\"end\":3,\"type\":\"ORG\",\"text\":\"a\\\"b\\\\\"}]}", json);
    }

    @Test
    void invalidUtf8IsAnErrorLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bad = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        assertEquals(2, NerCommand.run(new ByteArrayInputStream(bad), out));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.startsWith("jiaokan: error: ") && msg.contains("UTF-8"), msg);
    }

    @Test
    void theLinesBeforeABadOneAreAnsweredAndTheBadOneIsNamed() throws IOException {
        // The decoder read ahead: 5,000 good lines and a bad one gave 4,681 answers and "line 4682".
        java.io.ByteArrayOutputStream in = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 5000; i++) in.write(("第" + i + "行，李强在北京。" + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r")).getBytes(StandardCharsets.UTF_8));
        in.write(new byte[] {'d', (byte) 0xFF, '\n', 'e', '\n'});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, NerCommand.run(new ByteArrayInputStream(in.toByteArray()), out));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(5000, lines.size());
        assertTrue(lines.get(4999).contains("\"text\":\"李强\""), lines.get(4999));
        assertEquals("jiaokan: error: standard input, line 5001: not valid UTF-8", err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void lineEndsAreTheReadersOwn() throws IOException {
        // LF, CR and CR LF each end a line; a last line without an end is a line; nothing after a last end is not
        assertEquals(4, run("a\rb\r\nc\nd").size());
        assertEquals(3, run("a\n\nb\n").size());
        assertEquals(List.of(), run(""));
    }
}
