package org.jiaokan.read;

import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a plain-text source: detects its encoding (or honours a forced one) and keeps every line
 * exactly as decoded.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or {@code \r}; a terminator at the very end does not
 * start another line, and empty lines are kept. The properties "text.line-endings" ("LF", "CRLF",
 * "CR", "mixed" or "none") and "text.final-newline" ("true"/"false") record what the split removed,
 * so the source text can be rebuilt from the lines.
 */
public final class TextReader implements SourceReader {

    public static final String MEDIA_TYPE = "text/plain";

    @Override
    public SourceDocument read(String fileName, byte[] bytes, Charset forced) throws ReadException {
        FileFacts.requireNonEmpty(bytes);
        DecodedText decoded = EncodingDetector.decodeText(bytes, forced);
        if (decoded.text().isEmpty()) throw new ReadException("empty file (byte-order mark only)");
        List<SourceLine> lines = new ArrayList<>();
        for (String line : splitLines(decoded.text())) lines.add(SourceLine.plain(line));
        Map<String, String> properties = new TreeMap<>();
        properties.put("text.line-endings", lineEndings(decoded.text()));
        properties.put("text.final-newline", String.valueOf(endsWithTerminator(decoded.text())));
        return new SourceDocument(fileName, bytes.length, FileFacts.sha256(bytes), MEDIA_TYPE,
                decoded.encoding(), decoded.evidence(), lines, properties);
    }

    /** Splits text at {@code \n}, {@code \r\n} and {@code \r}; a final terminator does not make an extra empty line. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length()) lines.add(text.substring(start));
        return lines;
    }

    private static boolean endsWithTerminator(String text) {
        return text.endsWith("\n") || text.endsWith("\r");
    }

    private static String lineEndings(String text) {
        boolean lf = false, crlf = false, cr = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                crlf = true;
                i++;
            } else if (c == '\r') {
                cr = true;
            } else if (c == '\n') {
                lf = true;
            }
        }
        int kinds = (lf ? 1 : 0) + (crlf ? 1 : 0) + (cr ? 1 : 0);
        if (kinds == 0) return "none";
        if (kinds > 1) return "mixed";
        return lf ? "LF" : crlf ? "CRLF" : "CR";
    }
}
