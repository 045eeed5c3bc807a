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
        ByteLines lines = new ByteLines(in);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (byte[] raw; (raw = lines.next()) != null; ) {
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
     * The input's lines as bytes, without their ends, read a buffer at a time: a line ends at LF, CR or CR LF, as
     * {@link BufferedReader#readLine} has it, and a last line without an end is a line.
     */
    static final class ByteLines {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos, len;
        private boolean eof, afterCr;

        ByteLines(InputStream in) {
            this.in = in;
        }

        /** Whether there is a byte at {@code pos}, reading more where the buffer is spent. */
        private boolean more() throws IOException {
            while (pos >= len && !eof) {
                int n = in.read(buf, 0, buf.length);
                if (n < 0) eof = true;
                else {
                    pos = 0;
                    len = n;
                }
            }
            return pos < len;
        }

        /** The next line, or null at the end of the input. */
        byte[] next() throws IOException {
            if (afterCr) {
                afterCr = false;
                if (more() && buf[pos] == '\n') pos++;
            }
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            while (more()) {
                int start = pos;
                while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') pos++;
                line.write(buf, start, pos - start);
                if (pos < len) {
                    afterCr = buf[pos++] == '\r';
                    return line.toByteArray();
                }
            }
            return line.size() > 0 ? line.toByteArray() : null;
        }
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
