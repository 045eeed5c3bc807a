package org.jiaokan.read;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Splits the visible text of an HTML body into blocks: one block per run of text between
 * block-level boundaries and {@code <br>}, as a browser would lay it out in lines of paragraphs.
 *
 * <p>Whitespace is collapsed as HTML rendering does (runs of ASCII whitespace become one space,
 * none at the ends of a block), except inside {@code pre} and {@code textarea}, where each source
 * line is a block. Non-breaking and ideographic spaces are text, not layout, and are kept.
 */
final class HtmlBlocks {

    /**
     * One block of visible text.
     *
     * @param text      the block's text
     * @param owner     the nearest block-level element containing it
     * @param linkChars how many of its characters are inside links
     * @param index     its position among the page's blocks
     */
    record Block(String text, Element owner, int linkChars, int index) {
        double linkDensity() {
            return text.isEmpty() ? 0 : (double) linkChars / text.length();
        }
    }

    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
            "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
            "main", "menu", "nav", "ol", "optgroup", "option", "p", "pre", "section", "summary", "table", "tbody",
            "td", "textarea", "tfoot", "th", "thead", "tr", "ul", "select");

    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private int lineLinkChars;
    private Element lineOwner;

    private HtmlBlocks() {}

    /** The blocks of {@code root} in document order; blocks with no visible character are left out. */
    static List<Block> of(Element root) {
        HtmlBlocks splitter = new HtmlBlocks();
        // Iterative traversal: a page nested thousands of elements deep must not exhaust the stack.
        NodeTraversor.traverse(splitter.new Splitter(root), root);
        splitter.flush();
        return splitter.blocks;
    }

    /** What an element's content inherits: its block owner, whether it is in a link, whether it is preformatted. */
    private record Context(Element owner, boolean inLink, boolean preformatted, boolean block) {}

    /** Keeps one context per open element, so that the walk needs no recursion. */
    private final class Splitter implements NodeVisitor {
        private final Deque<Context> open = new ArrayDeque<>();

        Splitter(Element root) {
            open.push(new Context(root, false, false, false));
        }

        @Override
        public void head(Node node, int depth) {
            Context here = open.peek();
            if (node instanceof TextNode text) {
                appendText(text.getWholeText(), here.owner(), here.inLink(), here.preformatted());
            } else if (node instanceof Element e) {
                if (e.nameIs("br")) {
                    flush();
                    open.push(new Context(here.owner(), here.inLink(), here.preformatted(), false));
                    return;
                }
                boolean block = BLOCK_TAGS.contains(e.normalName());
                if (block) flush();
                open.push(new Context(block ? e : here.owner(), here.inLink() || e.nameIs("a"),
                        here.preformatted() || e.nameIs("pre") || e.nameIs("textarea") || e.nameIs("listing"), block));
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element) {
                if (open.pop().block()) flush();
            }
        }
    }

    private void appendText(String raw, Element owner, boolean inLink, boolean preformatted) {
        if (preformatted) {
            List<String> parts = TextReader.splitLines(raw);
            boolean endsWithBreak = raw.endsWith("\n") || raw.endsWith("\r");
            for (int i = 0; i < parts.size(); i++) {
                append(parts.get(i), owner, inLink);
                if (i < parts.size() - 1 || endsWithBreak) flush();
            }
        } else {
            append(collapse(raw), owner, inLink);
        }
    }

    private void append(String text, Element owner, boolean inLink) {
        if (text.isEmpty()) return;
        if (lineOwner == null && !isLayoutSpace(text)) lineOwner = owner;
        // Collapsing across text nodes: never two spaces where two nodes meet.
        if (text.charAt(0) == ' ' && (line.length() == 0 || line.charAt(line.length() - 1) == ' ')) {
            text = text.substring(1);
        }
        line.append(text);
        if (inLink) lineLinkChars += text.strip().length();
    }

    private void flush() {
        String text = trimLayoutSpace(line.toString());
        if (!text.isEmpty() && lineOwner != null && hasVisibleCharacter(text)) {
            blocks.add(new Block(text, lineOwner, Math.min(lineLinkChars, text.length()), blocks.size()));
        }
        line.setLength(0);
        lineLinkChars = 0;
        lineOwner = null;
    }

    /** Collapses runs of ASCII whitespace (HTML's "inter-element whitespace") to one space. */
    static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isLayoutSpace(c)) {
                if (!space) sb.append(' ');
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }

    static String trimLayoutSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isLayoutSpace(s.charAt(start))) start++;
        while (end > start && isLayoutSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static boolean isLayoutSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isLayoutSpace(s.charAt(i))) return false;
        }
        return true;
    }

    private static boolean isLayoutSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** A block of nothing but no-break or ideographic spaces is spacing, not text. */
    private static boolean hasVisibleCharacter(String s) {
        return s.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c));
    }
}
