package org.jiaokan.publish.pdf;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Passes XSL-FO on to FOP with a very long paragraph set as a sequence of blocks. FOP breaks the lines of each run of
 * text between block boundaries as one problem, at a cost that grows with the square of its length when every
 * character is a place to break, as in Chinese: a paragraph of 25,000 characters took seconds, one of 100,000 a minute
 * and a half, and one of 500,000 (a source with no line ends) filled a 2 GB heap and stopped the run. Past
 * {@value #SOFT} characters of one run, the text goes on in a block of its own inside the paragraph's block, after the
 * next sentence's end ({@code 。！？；!?;}), or at {@value #HARD} characters where none comes: the paragraph keeps
 * its place, spacing and tagging, a line ends early where it was divided, and nothing of its text changes. The inline
 * elements open there ({@code fo:inline}, {@code fo:basic-link}, {@code fo:wrapper}) are closed and opened again
 * (without their {@code id}); text inside any other element is not divided. Shorter paragraphs pass unchanged.
 */
final class LongParagraphs implements ContentHandler {
    static final String FO = "http://www.w3.org/1999/XSL/Format";
    /** Characters of one run after which it is divided at the next sentence's end. */
    static final int SOFT = 4000;
    /** Characters of one run after which it is divided where it is. */
    static final int HARD = 6000;
    private static final Set<String> BLOCKS = Set.of("block", "block-container", "list-block", "list-item", "list-item-label",
            "list-item-body", "table", "table-body", "table-row", "table-cell", "footnote-body", "flow", "static-content");
    private static final Set<String> INLINES = Set.of("inline", "basic-link", "wrapper");
    private static final String ENDS = "。！？；!?;";

    /** An open element, as it was started; {@code run}: the characters of its block's current run of text. */
    private static final class Open {
        final String uri, local, qName;
        final Attributes atts;
        final boolean continuation;
        int run;

        Open(String uri, String local, String qName, Attributes atts, boolean continuation) {
            this.uri = uri;
            this.local = local;
            this.qName = qName;
            this.atts = atts;
            this.continuation = continuation;
        }

        boolean block() { return FO.equals(uri) && BLOCKS.contains(local); }

        boolean inline() { return FO.equals(uri) && INLINES.contains(local); }
    }

    private final ContentHandler next;
    private final ArrayDeque<Open> open = new ArrayDeque<>();

    LongParagraphs(ContentHandler next) {
        this.next = next;
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
        Open o = new Open(uri, local, qName, FO.equals(uri) && INLINES.contains(local) ? new AttributesImpl(atts) : null, false);
        // A block inside a run ends it: the text after the block is a run of its own.
        if (o.block()) resetRun();
        open.push(o);
        next.startElement(uri, local, qName, atts);
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
        // The elements this filter opened end before the element that holds them.
        while (!open.isEmpty() && open.peek().continuation) {
            Open c = open.pop();
            next.endElement(c.uri, c.local, c.qName);
        }
        Open o = open.pop();
        if (o.block()) resetRun();
        next.endElement(uri, local, qName);
    }

    private void resetRun() {
        Open b = block();
        if (b != null) b.run = 0;
    }

    /** The innermost block open, where only inline elements this filter can close and open again lie between it and the text; else null. */
    private Open block() {
        for (Open o : open) {
            if (o.block()) return o;
            if (!o.inline()) return null;
        }
        return null;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        Open b = block();
        if (b == null) {
            next.characters(ch, start, length);
            return;
        }
        int from = start, end = start + length;
        while (b.run + (end - from) > SOFT) {
            int at = divisionPoint(ch, from, end, b.run);
            if (at < 0) break;
            if (at > from) next.characters(ch, from, at - from);
            divide();
            b = block();
            from = at;
        }
        b.run += end - from;
        if (end > from) next.characters(ch, from, end - from);
    }

    /** Where the run is divided in {@code ch[from, end)}, the run having {@code run} characters before it: -1 where not there. */
    private static int divisionPoint(char[] ch, int from, int end, int run) {
        int i = Math.max(from, from + SOFT - run);
        for (; i < end && i - from + run < HARD; i++) {
            if (ENDS.indexOf(ch[i]) >= 0) {
                // the closing quotes and brackets after a sentence's end stay on its line (no line begins with one)
                int after = i + 1;
                while (after < end && after - from + run < HARD && (CLOSING.indexOf(ch[after]) >= 0 || ENDS.indexOf(ch[after]) >= 0)) after++;
                return after;
            }
        }
        if (i - from + run < HARD || i >= end) return -1;
        // never between the two halves of a surrogate pair, nor before a combining mark
        while (i > from && (Character.isLowSurrogate(ch[i]) || combining(ch[i]))) i--;
        return i;
    }

    /** Closing quotes and brackets, full-width and not. */
    private static final String CLOSING = "”’」』）》〉】〕〗〙〛\"')]}";

    private static boolean combining(char c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK
                || c >= 0xFE00 && c <= 0xFE0F || c == 0x200D;
    }

    /** Ends the run here: closes the open inline elements and the block this filter opened (if any), opens a block and the inline elements again. */
    private void divide() throws SAXException {
        List<Open> inlines = new ArrayList<>();
        while (!open.isEmpty() && open.peek().inline()) {
            Open o = open.pop();
            inlines.add(0, o);
            next.endElement(o.uri, o.local, o.qName);
        }
        if (!open.isEmpty() && open.peek().continuation) {
            Open c = open.pop();
            next.endElement(c.uri, c.local, c.qName);
        }
        AttributesImpl a = new AttributesImpl();
        a.addAttribute("", "text-indent", "text-indent", "CDATA", "0pt");
        Open c = new Open(FO, "block", "fo:block", a, true);
        open.push(c);
        next.startElement(FO, "block", "fo:block", a);
        for (Open o : inlines) {
            AttributesImpl again = new AttributesImpl(o.atts);
            int id = again.getIndex("", "id");
            if (id >= 0) again.removeAttribute(id);
            Open copy = new Open(o.uri, o.local, o.qName, again, false);
            open.push(copy);
            next.startElement(o.uri, o.local, o.qName, again);
        }
    }

    @Override public void setDocumentLocator(Locator locator) { next.setDocumentLocator(locator); }
    @Override public void startDocument() throws SAXException { next.startDocument(); }
    @Override public void endDocument() throws SAXException { next.endDocument(); }
    @Override public void startPrefixMapping(String prefix, String uri) throws SAXException { next.startPrefixMapping(prefix, uri); }
    @Override public void endPrefixMapping(String prefix) throws SAXException { next.endPrefixMapping(prefix); }
    @Override public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException { next.ignorableWhitespace(ch, start, length); }
    @Override public void processingInstruction(String target, String data) throws SAXException { next.processingInstruction(target, data); }
    @Override public void skippedEntity(String name) throws SAXException { next.skippedEntity(name); }
}
