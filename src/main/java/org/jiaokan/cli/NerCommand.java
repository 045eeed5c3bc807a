package org.jiaokan.cli;

import org.jiaokan.annotate.ChineseAnnotator;
import org.jiaokan.annotate.NamedEntities;
import org.jiaokan.annotate.NamedEntities.Entity;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code jiaokan ner}: the edition's recogniser as a line filter, one JSON object of entities per input line. */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {"Reads UTF-8 text from standard input, one sentence or paragraph per line, and writes one JSON "
                + "object per input line: {\"entities\":[{\"start\":S,\"end\":E,\"type\":\"PER|LOC|ORG\",\"text\":\"...\"}]}.",
                "Offsets are Unicode code points into that line (a character outside the BMP counts 1), end exclusive. "
                + "An empty line gives {\"entities\":[]}; there are as many output lines as input lines.",
                "The recogniser is the one `jiaokan convert` uses; simplified and traditional script are both accepted."})
final class NerCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        return run(System.in, System.out);
    }

    /** Filters {@code in} to {@code out}; returns the exit code. */
    static int run(InputStream in, OutputStream out) throws IOException {
        NamedEntities ner = new NamedEntities(new ChineseAnnotator());
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Lines are split as bytes and each decoded alone: a decoder over the stream reads ahead, and its error came
        // before the lines already read were answered, with the number of the last line answered.
        InputStream bytes = new java.io.BufferedInputStream(in, 1 << 16);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (byte[] raw; (raw = nextLine(bytes)) != null; ) {
            lineNo++;
            String line;
            try {
                line = decoder.decode(java.nio.ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                w.flush();
                Output.error("standard input, line " + lineNo + ": not valid UTF-8");
                return 2;
            }
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            w.write(json(ner.find(line)));
            w.write('\n');
        }
        w.flush();
        return 0;
    }

    /**
     * The next line's bytes without its end, or null at the end of the input: a line ends at LF, CR or CR LF, as
     * {@link BufferedReader#readLine} has it, and a last line without an end is a line.
     */
    static byte[] nextLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) return null;
        while (b >= 0 && b != '\n' && b != '\r') {
            line.write(b);
            b = in.read();
        }
        if (b == '\r') {
            in.mark(1);
            if (in.read() != '\n') in.reset();
        }
        return line.toByteArray();
    }

    static String json(List<Entity> entities) {
        StringBuilder sb = new StringBuilder("{\"entities\":[");
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"start\":").append(e.start()).append(",\"end\":").append(e.end())
                    .append(",\"type\":\"").append(e.label()).append("\",\"text\":");
            string(sb, e.text());
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
