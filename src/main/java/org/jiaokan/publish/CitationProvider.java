package org.jiaokan.publish;

import org.w3c.dom.Document;

import java.util.Map;

/**
 * The citations of one document for its "cite this" panel and download files. Keys the page knows:
 * {@code gbt7714}, {@code chicago}, {@code apa} (plain text shown in the panel) and {@code bibtex},
 * {@code ris}, {@code cslJson} (written as {@code cite/{docid}.bib|.ris|.json}). A key that is
 * absent is not shown. The edition's citation code supplies the full implementation.
 */
@FunctionalInterface
public interface CitationProvider {
    /** @param tei the document's TEI (read only); @param url its canonical URL, or "" */
    Map<String, String> citations(Document tei, String url);
}
