package org.jiaokan.read;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character encoding an HTML page declares for itself ({@code <meta charset>}, a
 * {@code http-equiv="Content-Type"} meta, or an XML declaration), mapped to the charset that
 * decodes such pages correctly.
 *
 * <p>Pages labelled gb2312 or gbk are decoded as GB18030: it is a superset of both, and many pages
 * labelled gb2312 really contain GBK-only characters (镕, 喆, traditional forms), which a GB2312
 * decoder would turn into errors.
 *
 * @param label   the label as the page wrote it, lower-cased
 * @param where   the kind of declaration, for the evidence sentence
 * @param charset the charset to decode with, or null when the label names no supported charset
 */
record HtmlCharsetDeclaration(String label, String where, Charset charset) {

    /** Declarations must come early in the page (HTML requires the first 1024 bytes; be lenient). */
    private static final int PRESCAN_BYTES = 4096;

    private static final Pattern META = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml\\b[^>]*\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> GB_FAMILY = Set.of("gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80",
            "csgb2312", "chinese", "euc-cn", "x-euc-cn", "cp936", "windows-936", "ms936", "iso-ir-58", "gb18030");
    private static final Set<String> BIG5_FAMILY = Set.of("big5", "cn-big5", "x-x-big5", "csbig5", "big-5", "cp950",
            "ms950", "windows-950", "x-windows-950");

    /** True for a gb2312/gbk label that is decoded with its superset GB18030. */
    boolean widenedToGb18030() {
        return GB_FAMILY.contains(label) && !label.equals("gb18030");
    }

    /** The first encoding declaration in the page's opening bytes, or null if there is none. */
    static HtmlCharsetDeclaration find(byte[] bytes) {
        // The declaration itself is ASCII in every encoding the prescan applies to.
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_DECL.matcher(head);
        if (xml.find()) return of(xml.group(1), "XML declaration");
        Matcher meta = META.matcher(head);
        while (meta.find()) {
            String tag = meta.group();
            Matcher charset = CHARSET.matcher(tag);
            if (charset.find()) {
                String where = tag.toLowerCase(Locale.ROOT).contains("http-equiv")
                        ? "<meta http-equiv=\"Content-Type\">" : "<meta charset>";
                return of(charset.group(1), where);
            }
        }
        return null;
    }

    private static HtmlCharsetDeclaration of(String rawLabel, String where) {
        String label = rawLabel.toLowerCase(Locale.ROOT);
        return new HtmlCharsetDeclaration(label, where, charsetFor(label));
    }

    private static Charset charsetFor(String label) {
        if (GB_FAMILY.contains(label)) return EncodingDetector.GB18030;
        if (BIG5_FAMILY.contains(label)) return EncodingDetector.BIG5;
        if (label.equals("utf8")) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(label);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
