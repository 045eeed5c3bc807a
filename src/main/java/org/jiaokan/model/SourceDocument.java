package org.jiaokan.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A source file decoded into lines, with the facts about the file that the TEI header records.
 *
 * @param fileName         the file's name (no folders)
 * @param size             size in bytes
 * @param sha256           lower-case hex SHA-256 of the file's bytes
 * @param mediaType        "text/plain", "text/html" or the DOCX media type
 * @param encoding         the character encoding used to decode it (canonical Java name, e.g. "UTF-8", "GB18030", "Big5")
 * @param encodingEvidence how the encoding was found, in one sentence (BOM, meta charset, byte statistics, user override)
 * @param lines            the decoded text as lines in source order; for plain text, exactly the source's lines
 * @param properties       reader-found metadata (e.g. "html.title", "meta.author", "docx.creator"), sorted by key
 */
public record SourceDocument(String fileName, long size, String sha256, String mediaType, String encoding,
                             String encodingEvidence, List<SourceLine> lines, Map<String, String> properties) {
    public SourceDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(encodingEvidence, "encodingEvidence");
        lines = List.copyOf(lines);
        properties = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(properties));
    }

    /** The decoded text as one string, lines joined with "\n". */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) sb.append('\n');
            sb.append(lines.get(i).text());
        }
        return sb.toString();
    }
}
