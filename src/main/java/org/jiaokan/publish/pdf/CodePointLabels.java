package org.jiaokan.publish.pdf;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Passes XSL-FO on to FOP with every private-use character (U+E000–U+F8FF, planes 15 and 16) and every control
 * character XML carries but no face draws (DEL and the C1 controls, U+007F–U+009F, from a source decoded as it said)
 * written as its code point, {@code 〈U+F1E6〉}, {@code 〈U+0089〉}. A private-use character means what an agreement
 * outside the text says (a MUFI medieval letter, a vendor's symbol): no pinned face draws it, and a face that has a
 * glyph there draws whatever its maker put there. A control character is no letter at all, and FOP would refuse the
 * document for it. So the reader sees which character the source holds, in every place the text is set (body, notes,
 * heads, bookmarks), the same on every machine; any other character no face has is still a missing glyph.
 */
final class CodePointLabels implements ContentHandler {
    private final ContentHandler next;

    CodePointLabels(ContentHandler next) {
        this.next = next;
    }

    /** Whether a code point is set as its label: in a private-use area, or DEL or a C1 control. */
    static boolean labelled(int cp) {
        return cp >= 0x7F && cp <= 0x9F || Character.getType(cp) == Character.PRIVATE_USE;
    }

    /** The text with each such character replaced by its label; the same string when it holds none. */
    static String label(String s) {
        if (s.codePoints().noneMatch(CodePointLabels::labelled)) return s;
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (labelled(cp)) b.append(String.format("〈U+%04X〉", cp));
            else b.appendCodePoint(cp);
        });
        return b.toString();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (Character.isSurrogate(c) || labelled(c)) {
                String s = label(new String(ch, start, length));
                next.characters(s.toCharArray(), 0, s.length());
                return;
            }
        }
        next.characters(ch, start, length);
    }

    @Override public void setDocumentLocator(Locator locator) { next.setDocumentLocator(locator); }
    @Override public void startDocument() throws SAXException { next.startDocument(); }
    @Override public void endDocument() throws SAXException { next.endDocument(); }
    @Override public void startPrefixMapping(String prefix, String uri) throws SAXException { next.startPrefixMapping(prefix, uri); }
    @Override public void endPrefixMapping(String prefix) throws SAXException { next.endPrefixMapping(prefix); }
    @Override public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException { next.startElement(uri, local, qName, atts); }
    @Override public void endElement(String uri, String local, String qName) throws SAXException { next.endElement(uri, local, qName); }
    @Override public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException { next.ignorableWhitespace(ch, start, length); }
    @Override public void processingInstruction(String target, String data) throws SAXException { next.processingInstruction(target, data); }
    @Override public void skippedEntity(String name) throws SAXException { next.skippedEntity(name); }
}
