package org.jiaokan.tei;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.Set;

/**
 * The two readings of a TEI text defined by the edition specification, computed from the TEI alone.
 * The diplomatic reading is the source as it stands (editors' additions and corrections left out);
 * the regularised reading is the clean text a reader sees (noise, forme work and damaged forms left out).
 * A redaction mark of the source ({@code <seg type="redaction">**</seg>}) is in both readings; when an
 * editor restored the withheld words inside it ({@code <seg type="redaction">**<supplied>…</supplied></seg>}),
 * the diplomatic reading keeps the mark and the regularised reading gives the supplied words instead;
 * likewise for {@code <choice><seg type="redaction">**</seg><supplied>…</supplied></choice>}.
 */
public final class Readings {
    private static final Set<String> NOT_DIPLOMATIC = Set.of("reg", "corr", "expan", "supplied");
    private static final Set<String> NOT_REGULARISED = Set.of("orig", "sic", "abbr", "surplus", "del", "fw");
    private static final Set<String> CHOICE_DIPLOMATIC = Set.of("orig", "sic", "abbr");

    private Readings() {}

    /** All text in {@code <text>} but what editors supplied or corrected and their notes. */
    public static String diplomatic(Document tei) {
        StringBuilder sb = new StringBuilder();
        text(tei).ifPresent(t -> walk(t, sb, true));
        return sb.toString();
    }

    /** The reading a reader sees: corrections and regularisations in, noise, forme work and damaged forms out. */
    public static String regularised(Document tei) {
        StringBuilder sb = new StringBuilder();
        text(tei).ifPresent(t -> walk(t, sb, false));
        return sb.toString();
    }

    /** The reading of one element (a paragraph, say). */
    public static String of(Element e, boolean diplomatic) {
        StringBuilder sb = new StringBuilder();
        walk(e, sb, diplomatic);
        return sb.toString();
    }

    private static java.util.Optional<Element> text(Document tei) {
        return org.jiaokan.xml.Dom.child(tei.getDocumentElement(), "text");
    }

    private static void walk(Node n, StringBuilder sb, boolean diplomatic) {
        for (Node k = n.getFirstChild(); k != null; k = k.getNextSibling()) {
            if (k.getNodeType() == Node.TEXT_NODE || k.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(k.getNodeValue());
            } else if (k instanceof Element e && "g".equals(e.getLocalName()) && !e.hasChildNodes()) {
                // A character XML cannot carry, declared by code point: it is source text.
                if (diplomatic) referencedCharacter(e).ifPresent(sb::append);
            } else if (k instanceof Element e && !diplomatic && isRestoredRedaction(e)) {
                // The source's redaction mark with the words an editor restored: the reader sees the words.
                for (Element s : org.jiaokan.xml.Dom.children(e, "supplied")) walk(s, sb, false);
            } else if (k instanceof Element e && included(e, diplomatic)) {
                walk(e, sb, diplomatic);
            }
        }
    }

    /** The character a {@code <g ref="#U000B"/>} stands for. */
    private static java.util.Optional<String> referencedCharacter(Element g) {
        String ref = g.getAttribute("ref");
        // #U000B, or #KEY-U000B where ids carry the document's key.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#(?:[a-z][a-z2-7]{6}-)?U([0-9A-F]{4,6})").matcher(ref);
        if (!m.matches()) return java.util.Optional.empty();
        return java.util.Optional.of(new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    }

    private static boolean included(Element e, boolean diplomatic) {
        String name = e.getLocalName();
        if (isEditorialNote(e)) return false;
        boolean inChoice = e.getParentNode() instanceof Element p && "choice".equals(p.getLocalName());
        if (diplomatic) {
            // A redaction mark is source text, also as one alternative of an editor's choice.
            if (inChoice) return CHOICE_DIPLOMATIC.contains(name) || isRedaction(e);
            return !NOT_DIPLOMATIC.contains(name);
        }
        // <choice><seg type="redaction">**</seg><supplied>words</supplied></choice>: the reader sees the words.
        if (inChoice && isRedaction(e) && !org.jiaokan.xml.Dom.children((Element) e.getParentNode(), "supplied").isEmpty()) return false;
        return !NOT_REGULARISED.contains(name);
    }

    private static boolean isRedaction(Element e) {
        return "seg".equals(e.getLocalName()) && "redaction".equals(e.getAttribute("type"));
    }

    /** {@code <seg type="redaction">**<supplied>words</supplied></seg>}: a mark of the source and the words an editor restored. */
    private static boolean isRestoredRedaction(Element e) {
        return "seg".equals(e.getLocalName()) && "redaction".equals(e.getAttribute("type"))
                && !org.jiaokan.xml.Dom.children(e, "supplied").isEmpty();
    }

    private static boolean isEditorialNote(Element e) {
        return "note".equals(e.getLocalName()) && (e.hasAttribute("resp") || "editorial".equals(e.getAttribute("type")));
    }
}
