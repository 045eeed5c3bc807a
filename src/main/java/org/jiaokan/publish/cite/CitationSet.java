package org.jiaokan.publish.cite;

import org.jiaokan.edition.TeiFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The citations of one document: three formatted references (plain text, no markup) and three
 * files a reference manager imports.
 *
 * @param id      the document's identifier (the key of the BibTeX entry and the CSL item)
 * @param gbt7714 GB/T 7714-2015 (numeric style, without the list number)
 * @param chicago Chicago, notes and bibliography (the bibliography entry)
 * @param apa     APA 7th edition
 * @param bibtex  a BibTeX entry
 * @param ris     a RIS record (CRLF line ends)
 * @param cslJson a CSL-JSON array holding the one item
 */
public record CitationSet(String id, String gbt7714, String chicago, String apa, String bibtex, String ris, String cslJson) {

    /** The strings by name, for a stylesheet's parameters: gbt7714, chicago, apa, bibtex, ris, csl-json. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gbt7714", gbt7714);
        m.put("chicago", chicago);
        m.put("apa", apa);
        m.put("bibtex", bibtex);
        m.put("ris", ris);
        m.put("csl-json", cslJson);
        return m;
    }

    /**
     * Writes {@code DIR/{docid}.bib}, {@code .ris} and {@code .json} (CSL-JSON), atomically and
     * readable under the umask; {@code docid} must be a plain file name.
     */
    public void writeFiles(Path dir, String docid) throws IOException {
        TeiFiles.atomicWrite(TeiFiles.inside(dir, docid + ".bib"), bibtex.getBytes(StandardCharsets.UTF_8));
        TeiFiles.atomicWrite(TeiFiles.inside(dir, docid + ".ris"), ris.getBytes(StandardCharsets.UTF_8));
        TeiFiles.atomicWrite(TeiFiles.inside(dir, docid + ".json"), cslJson.getBytes(StandardCharsets.UTF_8));
    }
}
