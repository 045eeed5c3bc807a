package org.jiaokan.model;

/**
 * The edition's own metadata, read from the edition header an editor maintains.
 *
 * @param title     the edition's title
 * @param editors   editors, in order, one string each
 * @param publisher who publishes the edition
 * @param licence   licence name, e.g. "CC BY 4.0"
 * @param licenceUrl licence URL
 * @param baseUrl   canonical base URL, ending in "/"; a document's URL is baseUrl + its identifier + ".html"
 * @param idPrefix  prefix of document identifiers
 * @param date      release date (ISO)
 * @param version   release version
 */
public record Edition(String title, java.util.List<String> editors, String publisher, String licence, String licenceUrl,
                      String baseUrl, String idPrefix, String date, String version) {
    public Edition {
        editors = java.util.List.copyOf(editors);
    }

    private static final java.util.regex.Pattern LEADING_DOTS = java.util.regex.Pattern.compile("^\\.+");
    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile("\\.[^.]*$");
    private static final java.util.regex.Pattern NOT_IN_ID = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}_.-]");

    /** The stable identifier of a document made from the given source file name. */
    public String documentId(String sourceFileName) {
        // Leading dots would make the TEI file hidden (".notes.txt" gives "notes", ".txt" gives "txt").
        String name = LEADING_DOTS.matcher(sourceFileName).replaceFirst("");
        String stem = NOT_IN_ID.matcher(EXTENSION.matcher(name).replaceFirst("")).replaceAll("-");
        if (stem.isEmpty()) stem = "untitled";
        return fitted(idPrefix + stem);
    }

    /** The longest identifier, in UTF-8 bytes: the file "ID.xml" and its temporary sibling must fit a file name (255 bytes). */
    static final int MAX_ID_BYTES = 200;

    /** A long identifier cut to {@link #MAX_ID_BYTES}, with a digest of the whole so that cut names stay distinct. */
    private static String fitted(String id) {
        return fitted(id, MAX_ID_BYTES, 4);
    }

    /**
     * {@code id} where it takes at most {@code maxBytes} bytes of UTF-8; else cut at a character's end and followed by
     * {@code -} and the first {@code digestBytes} bytes of the SHA-256 of the whole in hex, {@code maxBytes} at most in
     * all, so that two names cut alike stay distinct.
     */
    public static String fitted(String id, int maxBytes, int digestBytes) {
        byte[] utf8 = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) return id;
        String digest;
        try {
            digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(utf8), 0, digestBytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 0;
        for (int cp : id.codePoints().toArray()) {
            String c = new String(Character.toChars(cp));
            bytes += c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > maxBytes - 1 - digest.length()) break;
            cut.append(c);
        }
        return cut + "-" + digest;
    }

    /** The canonical URL of a document: its page in the published site ({@code doc/ID.html} under the base URL). */
    public String documentUrl(String documentId) { return baseUrl + "doc/" + documentId + ".html"; }

    /** Defaults for conversions made outside an edition. */
    public static Edition standalone() {
        return new Edition("Jiaokan conversions", java.util.List.of(), "", "", "", "", "", "", "");
    }
}
