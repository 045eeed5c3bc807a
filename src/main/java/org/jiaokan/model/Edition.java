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

    /** The stable identifier of a document made from the given source file name. */
    public String documentId(String sourceFileName) {
        String stem = sourceFileName.replaceFirst("\\.[^.]*$", "");
        return idPrefix + stem.replaceAll("[^\\p{L}\\p{N}_.-]", "-");
    }

    public String documentUrl(String documentId) { return baseUrl + documentId + ".html"; }

    /** Defaults for conversions made outside an edition. */
    public static Edition standalone() {
        return new Edition("Jiaokan conversions", java.util.List.of(), "", "", "", "", "", "", "");
    }
}
