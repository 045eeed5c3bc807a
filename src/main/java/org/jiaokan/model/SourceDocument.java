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
                             String encodingEvidence, List<SourceLine> lines, Map<String, String> properties) implements java.io.Serializable {
    public SourceDocument {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(encodingEvidence, "encodingEvidence");
        lines = List.copyOf(lines);
        properties = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(properties));
    }

    /**
     * The decoded text as one string, lines joined with "\n". A note the text refers to (a DOCX
     * footnote) stands where the reference stands, its lines joined with "\n", as the edition places
     * it; a note without a reference stands where the reader put it.
     */
    public String text() {
        Map<String, List<String>> notes = new java.util.LinkedHashMap<>();
        for (SourceLine line : lines) {
            if (line.hint() == Hint.FOOTNOTE) notes.computeIfAbsent(line.detail(), k -> new java.util.ArrayList<>()).add(line.text());
        }
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (SourceLine line : lines) {
            if (line.hint() == Hint.FOOTNOTE) continue;
            for (SourceLine.NoteAnchor a : line.anchors()) if (notes.containsKey(a.mark())) placed.add(a.mark());
        }
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> written = new java.util.HashSet<>();
        boolean first = true;
        for (SourceLine line : lines) {
            if (line.hint() == Hint.FOOTNOTE && placed.contains(line.detail())) continue;
            if (!first) sb.append('\n');
            first = false;
            String text = line.text();
            int pos = 0;
            for (SourceLine.NoteAnchor a : line.hint() == Hint.FOOTNOTE ? List.<SourceLine.NoteAnchor>of() : line.anchors()) {
                if (!placed.contains(a.mark()) || !written.add(a.mark())) continue;
                int at = Math.min(a.offset(), text.length());
                sb.append(text, pos, at).append(String.join("\n", notes.get(a.mark())));
                pos = at;
            }
            sb.append(text, pos, text.length());
        }
        return sb.toString();
    }
}
