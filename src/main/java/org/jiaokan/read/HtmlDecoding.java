package org.jiaokan.read;

import java.nio.charset.Charset;

/**
 * Decodes an HTML page's bytes: a forced encoding, else the byte-order mark, else the page's own
 * declaration, else detection as for plain text. A declaration that the bytes contradict is
 * overruled by detection, and the evidence says so.
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
        if (!d.ok()) {
            return overruled(bytes, "declares " + declared.label() + " in " + declared.where()
                    + " but is not valid " + declared.charset().name() + " at byte " + d.errorOffset());
        }
        EncodingDetector.requireText(d.text());
        return new DecodedText(d.text(), declared.charset().name(), evidence(declared));
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
