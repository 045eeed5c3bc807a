package org.jiaokan.model;

/** What a reader already knows about the role of a source line, before structure recognition. */
public enum Hint {
    /** Nothing known: plain text. */
    NONE,
    /** The document title (HTML h1/title, DOCX Title style). */
    TITLE,
    /** A subtitle. */
    SUBTITLE,
    /** Source, author, editor, reporter credits. */
    BYLINE,
    /** Place and/or time of publication. */
    DATELINE,
    /** A heading; {@link SourceLine#detail()} holds its level ("1", "2", ...). */
    HEADING,
    /** A body paragraph. */
    PARAGRAPH,
    /** Page furniture removed from the article (navigation, share widgets, related links, footer);
     *  {@link SourceLine#detail()} holds its kind, used as the TEI {@code fw/@type}. */
    BOILERPLATE,
    /** A footnote; {@link SourceLine#detail()} holds its number or mark. */
    FOOTNOTE
}
