package org.jiaokan.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The outcome of decoding bytes with a decoder that refuses malformed and unmappable input: the
 * text, or the byte offset of the first failure. Detection needs the offset as evidence, which
 * {@link Charset#decode} (lenient) and {@link CharsetDecoder#decode(ByteBuffer)} (no position) do not give.
 *
 * @param text        the decoded text, or null when decoding failed
 * @param errorOffset the offset of the first byte that could not be decoded, or -1
 */
record StrictDecoding(String text, long errorOffset) {

    boolean ok() {
        return text != null;
    }

    /** Decodes {@code bytes[from..]} with {@code charset}, stopping at the first malformed or unmappable byte. */
    static StrictDecoding decode(byte[] bytes, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) ((bytes.length - from) * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) result = decoder.flush(out);
        if (result.isError()) return new StrictDecoding(null, in.position());
        if (result.isOverflow()) {
            // Cannot happen with the buffer sized by maxCharsPerByte; fail loudly rather than truncate.
            throw new IllegalStateException("decoder overflow for " + charset);
        }
        out.flip();
        return new StrictDecoding(out.toString(), -1);
    }
}
