package org.jiaokan.publish.cite;

import org.jiaokan.xml.Dom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.Optional;

/**
 * What a citation of one document takes from the edition it belongs to: the edition's title (the
 * "website" a document page is part of), its publisher and its canonical base URL.
 *
 * @param title     the edition's title, or empty
 * @param publisher the edition's publisher, or empty
 * @param baseUrl   the canonical base URL of the published edition, or empty
 */
public record EditionInfo(String title, String publisher, String baseUrl) {

    /** No edition: documents are cited from their own headers alone. */
    public static final EditionInfo NONE = new EditionInfo("", "", "");

    public EditionInfo {
        title = title == null ? "" : title.strip();
        publisher = publisher == null ? "" : publisher.strip();
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
    }

    /**
     * Reads the edition's corpus header ({@code teiCorpus/teiHeader}, as in {@code edition.xml}): the
     * titleStmt's first title, the publicationStmt's publisher and its {@code idno type="URI"}.
     */
    public static EditionInfo fromCorpus(Document corpus) {
        Element root = corpus.getDocumentElement();
        Optional<Element> fileDesc = Dom.child(root, "teiHeader").flatMap(h -> Dom.child(h, "fileDesc"));
        if (fileDesc.isEmpty()) return NONE;
        String title = fileDesc.flatMap(f -> Dom.child(f, "titleStmt")).flatMap(t -> Dom.child(t, "title"))
                .map(TeiHeaderData::text).orElse("");
        Optional<Element> pub = fileDesc.flatMap(f -> Dom.child(f, "publicationStmt"));
        String publisher = pub.flatMap(p -> Dom.child(p, "publisher")).map(TeiHeaderData::text).orElse("");
        String url = pub.map(p -> TeiHeaderData.idno(p, "URI")).orElse("");
        return new EditionInfo(title, publisher, url);
    }
}
