package org.jiaokan.model;

import java.util.List;

/**
 * One document ready to be written as TEI: its source, metadata and blocks in source order.
 *
 * @param id     the document's stable identifier in the edition
 * @param source the decoded source and its file facts
 * @param meta   header metadata
 * @param blocks the text, block by block, in source order
 */
public record EditionDocument(String id, SourceDocument source, Metadata meta, List<Block> blocks) implements java.io.Serializable {
    public EditionDocument {
        blocks = List.copyOf(blocks);
    }

    public EditionDocument withBlocks(List<Block> b) { return new EditionDocument(id, source, meta, b); }

    public EditionDocument withMeta(Metadata m) { return new EditionDocument(id, source, m, blocks); }
}
