package org.jiaokan.model;

import java.util.List;

/**
 * What the metadata stage knows about a document, for its TEI header. Empty strings and nulls mean
 * "not known": nothing here is ever invented.
 *
 * @param title           the title, as the source gives it, or a title made from the opening words
 * @param titleSupplied   true when the source has no title and {@code title} was made from its opening words
 * @param docType         one of "speech", "meeting-report", "news-report", "notice", "forum-post", "document"
 * @param speaker         who speaks (speeches) or ""
 * @param author          author or ""
 * @param issuer          issuing body or ""
 * @param place           where the document was made or the event took place, or ""
 * @param date            the document's own date, or null
 * @param published       publication date of a web source, or null
 * @param publisher       the web site that published the page (og:site_name, the site named in the page title) or ""
 * @param editor          editor credited by a web page or forum, or ""
 * @param reporter        reporter credited, or ""
 * @param keywords        keywords (campaign terms, places), in document order, no duplicates
 * @param script          the source's script
 * @param lastEditedBy    who last edited a forum post (from its edit notice), or ""
 * @param lastEdited      when a forum post was last edited, or null
 * @param docNumber       an official document's number (江公通字〔2019〕12号, GB/T 9704 发文字号) or ""
 * @param signer          who signed an official document off (签发人) or ""
 * @param addressees      the bodies an official document is addressed to (主送机关), in order
 * @param originalSource  where a web item says it comes from (来源：新华社), as distinct from its publisher, or ""
 * @param pageUrl         the page's own URL as the page states it (canonical link, og:url, the saving tool's record) or ""
 * @param captured        when a saved web page was captured, as the saving tool recorded it, or null
 */
public record Metadata(String title, boolean titleSupplied, String docType, String speaker, String author,
                       String issuer, String place, DatedValue date, DatedValue published, String publisher,
                       String editor, String reporter, List<String> keywords, Script script,
                       String lastEditedBy, DatedValue lastEdited, String docNumber, String signer,
                       List<String> addressees, String originalSource, String pageUrl, DatedValue captured) implements java.io.Serializable {
    public Metadata {
        keywords = List.copyOf(keywords);
        addressees = List.copyOf(addressees);
    }
}
