package org.jiaokan.read;

import java.nio.charset.Charset;

/**
 * Decodes an HTML page's bytes: a forced encoding, else the byte-order mark, else the page's own
 * declaration, else detection as for plain text. A declaration that the bytes contradict is
 * overruled by detection, and the evidence says so; so is a single-byte charset's label on a page whose bytes are
 * valid UTF-8 with multi-byte sequences in it.
 */
final class HtmlDecoding {

    private HtmlDecoding() {}

    static DecodedText decode(byte[] bytes, Charset forced) throws ReadException {
        if (forced != null) return EncodingDetector.decodeForced(bytes, forced);
        EncodingDetector.Bom bom = EncodingDetector.bom(bytes);
        if (bom != null) return EncodingDetector.decodeWithBom(bytes, bom);
        HtmlCharsetDeclaration declared = HtmlCharsetDeclaration.find(bytes);
        if (declared == null) return EncodingDetector.detect(bytes);
        if (declared.charset() == null) {
            return overruled(bytes, "declares unsupported charset \"" + declared.label() + "\" in " + declared.where());
        }
        StrictDecoding d = StrictDecoding.decode(bytes, 0, declared.charset());
        Charset charset = declared.charset();
        if (!d.ok() && charset.equals(EncodingDetector.BIG5)) {
            // a page labelled Big5 with Windows' or Hong Kong's characters (碁, 嘅), which browsers read under that label
            // (where it reads as Chinese: the extensions decode GBK bytes too, into nonsense, and such a page is GBK)
            EncodingDetector.Big5Decoding variant = EncodingDetector.big5Extension(bytes);
            if (variant != null) {
                double score = HanPlausibility.score(variant.decoding().text());
                StrictDecoding gb = StrictDecoding.decode(bytes, 0, EncodingDetector.GB18030);
                if (score >= EncodingDetector.PLAUSIBLE && (!gb.ok() || score > HanPlausibility.score(gb.text()))) {
                    d = variant.decoding();
                    charset = variant.charset();
                }
            }
        }
        if (!d.ok()) {
            return overruled(bytes, "declares " + declared.label() + " in " + declared.where()
                    + " but is not valid " + declared.charset().name() + " at byte " + d.errorOffset());
        }
        if (singleByte(declared.charset())) {
            // Every byte decodes in a single-byte charset, so the declaration cannot be contradicted the way a GBK one
            // is; a page that is valid UTF-8 with multi-byte sequences in it was saved as UTF-8 under a stale label
            // (Latin-1 text is almost never valid UTF-8: an accented letter is one byte, not a lead and a trail).
            StrictDecoding utf8 = StrictDecoding.decode(bytes, 0, java.nio.charset.StandardCharsets.UTF_8);
            int sequences = utf8.ok() ? EncodingDetector.multiByteSequences(bytes) : 0;
            if (sequences >= LABEL_OUTWEIGHED) {
                return overruled(bytes, "declares " + declared.label() + " in " + declared.where() + " but is valid UTF-8 with "
                        + sequences + " multi-byte sequences");
            }
        }
        EncodingDetector.requireText(d.text());
        if (!charset.equals(declared.charset())) {
            return new DecodedText(d.text(), charset.name(), evidence(declared) + "; decoded with its extension "
                    + charset.name() + ", as browsers read the label");
        }
        return new DecodedText(d.text(), declared.charset().name(), evidence(declared));
    }

    /** Multi-byte UTF-8 sequences that outweigh a single-byte charset's label on a page that is valid UTF-8. */
    static final int LABEL_OUTWEIGHED = 4;

    /** Whether every character of {@code charset} is one byte (ISO 8859, the Windows code pages, ASCII …). */
    private static boolean singleByte(Charset charset) {
        try {
            return charset.canEncode() && charset.newEncoder().maxBytesPerChar() == 1.0f;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static String evidence(HtmlCharsetDeclaration declared) {
        String name = declared.charset().name();
        if (declared.widenedToGb18030()) {
            return "declared " + declared.label() + " in " + declared.where() + "; decoded as GB18030, its superset,"
                    + " because pages labelled " + declared.label() + " often contain GBK-only characters";
        }
        return "declared " + declared.label() + " in " + declared.where()
                + (declared.label().equalsIgnoreCase(name) ? "" : " (decoded as " + name + ")");
    }

    private static DecodedText overruled(byte[] bytes, String why) throws ReadException {
        DecodedText detected = EncodingDetector.detect(bytes);
        return new DecodedText(detected.text(), detected.encoding(), "page " + why + "; detected instead: "
                + detected.evidence());
    }
}
