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
 * heads, bookmarks), the same on every machine; any other character no face has is still a missing glyph. The
 * characters Unicode draws as nothing, which FOP refuses, are left out ({@link #invisible}).
 */
final class CodePointLabels implements ContentHandler {
    private static final String FO = "http://www.w3.org/1999/XSL/Format";
    /** The FO elements whose text may be set in an {@code fo:inline} of its own (no bookmark title, no metadata). */
    private static final java.util.Set<String> INLINE_PARENTS = java.util.Set.of("block", "inline", "basic-link", "wrapper", "title", "marker");

    private final ContentHandler next;
    /** The face's family that sets a code point under a font-family list, where not the list's first (else null); or null. */
    private final java.util.function.BiFunction<java.util.List<String>, Integer, String> fallback;
    /** An open element: the font-family list in force, and whether its text may be given an inline. */
    private record Open(java.util.List<String> families, boolean inlineParent) {}

    private final java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();
    private final java.util.Map<String, java.util.List<String>> parsedFamilies = new java.util.HashMap<>();

    CodePointLabels(ContentHandler next) {
        this(next, null);
    }

    /**
     * @param fallback where not null, a run of characters the first face of the font-family in force lacks and another
     *                 of the list has is set in an {@code fo:inline} with that face's family ({@link PdfEngine#fallbackFamily})
     */
    CodePointLabels(ContentHandler next, java.util.function.BiFunction<java.util.List<String>, Integer, String> fallback) {
        this.next = next;
        this.fallback = fallback;
    }

    /** Whether a code point is set as its label: in a private-use area, or DEL or a C1 control. */
    static boolean labelled(int cp) {
        return cp >= 0x7F && cp <= 0x9F || Character.getType(cp) == Character.PRIVATE_USE;
    }

    /**
     * Whether a code point is one Unicode says to draw as nothing where it is not supported (Default_Ignorable_Code_Point)
     * and FOP refuses as a missing glyph: the directional marks, embeddings and isolates (U+200E, U+202A–U+202E,
     * U+2066–U+2069, U+061C), the variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF; an emoji's U+FE0F), the
     * Mongolian selectors, the invisible operators and the tags. Text from the web is full of them, and they change
     * nothing a reader of a Chinese text sees. They are left out of the print edition's text (the TEI keeps them);
     * those FOP sets itself are kept: the soft hyphen, U+034F, the zero-width space, joiners and no-break marks.
     */
    static boolean invisible(int cp) {
        if (cp < 0x061C) return false;
        return cp == 0x061C || cp >= 0x17B4 && cp <= 0x17B5 || cp >= 0x180B && cp <= 0x180F
                || cp >= 0x200E && cp <= 0x200F || cp >= 0x202A && cp <= 0x202E || cp >= 0x2061 && cp <= 0x206F
                || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xFFF0 && cp <= 0xFFF8 || cp >= 0x1BCA0 && cp <= 0x1BCA3
                || cp >= 0x1D173 && cp <= 0x1D17A || cp >= 0xE0000 && cp <= 0xE0FFF;
    }

    /** The text with each labelled character replaced by its label and each invisible one left out; the same string when it holds none. */
    static String label(String s) {
        if (s.codePoints().noneMatch(cp -> labelled(cp) || invisible(cp))) return s;
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (labelled(cp)) b.append(String.format("〈U+%04X〉", cp));
            else if (!invisible(cp)) b.appendCodePoint(cp);
        });
        return b.toString();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        Open top = open.peek();
        java.util.List<String> families = fallback == null || top == null || !top.inlineParent() ? null : top.families();
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (Character.isSurrogate(c) || labelled(c) || invisible(c)
                    || families != null && c > 0x7E && fallback.apply(families, (int) c) != null) {
                String s = label(new String(ch, start, length));
                if (families == null) next.characters(s.toCharArray(), 0, s.length());
                else withFallbacks(s, families);
                return;
            }
        }
        next.characters(ch, start, length);
    }

    /** The text, each run of characters another face of the list sets in an {@code fo:inline} of that face's family. */
    private void withFallbacks(String s, java.util.List<String> families) throws SAXException {
        char[] chars = s.toCharArray();
        int from = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            String family = cp <= 0x7E || !org.jiaokan.publish.fonts.FontCoverage.takesGlyph(cp) ? null : fallback.apply(families, cp);
            if (family == null) {
                i += Character.charCount(cp);
                continue;
            }
            int end = i + Character.charCount(cp);
            while (end < s.length()) {
                int next = s.codePointAt(end);
                if (!family.equals(fallback.apply(families, next))) break;
                end += Character.charCount(next);
            }
            if (from < i) next.characters(chars, from, i - from);
            org.xml.sax.helpers.AttributesImpl a = new org.xml.sax.helpers.AttributesImpl();
            a.addAttribute("", "font-family", "font-family", "CDATA", "'" + family + "'");
            next.startElement(FO, "inline", "fo:inline", a);
            next.characters(chars, i, end - i);
            next.endElement(FO, "inline", "fo:inline");
            from = i = end;
        }
        if (from < s.length()) next.characters(chars, from, s.length() - from);
    }

    /** A font-family list as its names, quotes and spaces taken off: {@code 'UMingCN', 'WenQuanYiZenHei'}. */
    private java.util.List<String> families(String value) {
        return parsedFamilies.computeIfAbsent(value, v -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (String f : v.split(",")) {
                String name = f.strip();
                if (name.length() >= 2 && (name.charAt(0) == '\'' || name.charAt(0) == '"') && name.charAt(name.length() - 1) == name.charAt(0)) {
                    name = name.substring(1, name.length() - 1);
                }
                if (!name.isEmpty()) out.add(name);
            }
            return java.util.List.copyOf(out);
        });
    }

    @Override public void setDocumentLocator(Locator locator) { next.setDocumentLocator(locator); }
    @Override public void startDocument() throws SAXException { next.startDocument(); }
    @Override public void endDocument() throws SAXException { next.endDocument(); }
    @Override public void startPrefixMapping(String prefix, String uri) throws SAXException { next.startPrefixMapping(prefix, uri); }
    @Override public void endPrefixMapping(String prefix) throws SAXException { next.endPrefixMapping(prefix); }
    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
        if (fallback != null) {
            Open top = open.peek();
            String family = FO.equals(uri) ? atts.getValue("", "font-family") : null;
            java.util.List<String> families = family != null ? families(family) : top == null ? java.util.List.of() : top.families();
            open.push(new Open(families, FO.equals(uri) && INLINE_PARENTS.contains(local)));
        }
        next.startElement(uri, local, qName, atts);
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
        if (fallback != null) open.pop();
        next.endElement(uri, local, qName);
    }
    @Override public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException { next.ignorableWhitespace(ch, start, length); }
    @Override public void processingInstruction(String target, String data) throws SAXException { next.processingInstruction(target, data); }
    @Override public void skippedEntity(String name) throws SAXException { next.skippedEntity(name); }
}
