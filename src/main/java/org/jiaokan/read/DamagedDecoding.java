package org.jiaokan.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

/**
 * Decodes text that holds a few bytes its encoding cannot decode (a damaged download, a file cut
 * and spliced): what decodes is text, and each byte that does not is kept as a "surrogate escape",
 * the lone low surrogate U+DC80 + (byte - 0x80) (U+DC00 + byte for bytes below 0x80), which no
 * decoder ever produces. Lone surrogates cannot be written in XML, so the converter keeps each as a
 * character reference ({@code <g ref="#UDCFF" type="damage" subtype="byte-FF"/>}) declared in the
 * header: the raw byte is recorded, the diplomatic reading still holds it, nothing is dropped.
 *
 * @param text    the decoded text with the damaged bytes escaped
 * @param damaged how many bytes did not decode
 * @param first   the offset of the first of them, or -1
 */
record DamagedDecoding(String text, int damaged, long first) {
    /** The first and last code units of the escapes. */
    static final char FIRST_ESCAPE = '\uDC00', LAST_ESCAPE = '\uDCFF';

    static DamagedDecoding decode(byte[] bytes, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) ((bytes.length - from) * (double) Math.max(1f, decoder.maxCharsPerByte())) + 16));
        int damaged = 0;
        long first = -1;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isUnderflow()) {
                r = decoder.flush(out);
                if (r.isUnderflow()) break;
            }
            if (r.isError()) {
                if (first < 0) first = in.position();
                for (int i = 0; i < r.length(); i++) {
                    out.put(escape(in.get()));
                    damaged++;
                }
                continue;
            }
            throw new IllegalStateException("decoder overflow for " + charset);
        }
        out.flip();
        return new DamagedDecoding(out.toString(), damaged, first);
    }

    /** The escape of one raw byte. */
    static char escape(byte b) {
        return (char) (FIRST_ESCAPE + (b & 0xFF));
    }

    /** Whether {@code c} is an escaped raw byte. */
    static boolean isEscape(int c) {
        return c >= FIRST_ESCAPE && c <= LAST_ESCAPE;
    }

    /** "FF": the raw byte an escape stands for, in hex. */
    static String byteHex(int c) {
        return String.format(Locale.ROOT, "%02X", c - FIRST_ESCAPE);
    }
}
