package org.jiaokan.read;

import org.jiaokan.read.HtmlBlocks.Block;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the article in a news page's text blocks: the container element whose paragraphs hold the
 * most Chinese prose (a readability-style text-density score), and the block that is its title.
 *
 * <p>Each block of at least {@value #MIN_PROSE_HAN} Han characters that is not mostly link text
 * credits its Han count to the elements around it: a paragraph-like block ({@code p}, {@code li},
 * headings) credits its parent fully and its grandparent half; a block owned by a generic container
 * ({@code div}, {@code td}) credits that container and its parent fully and the next ancestor half.
 * Blocks inside elements named as navigation, footer, share, related-links or advert count a
 * quarter. The best score, discounted by the container's link density, wins; on a tie the deeper
 * element wins, so a wrapper gains nothing from merely containing the article.
 */
final class ArticleLocator {

    static final int MIN_PROSE_HAN = 8;

    private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "li", "dd", "dt", "blockquote", "pre",
            "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "address");
    private static final Set<String> NON_ARTICLE_KINDS = Set.of("navigation", "footer", "share-widget",
            "related-links", "advert", "breadcrumb");
    private static final Pattern TITLE_SEPARATORS = Pattern.compile("\\s+[-—–|｜]\\s+|\\s*[_｜|]\\s*|\\s*——\\s*|\\s*－\\s*");

    private ArticleLocator() {}

    /** The article container, or {@code fallback} when no block looks like Chinese prose. */
    static Element container(List<Block> blocks, Element fallback) {
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Block b : blocks) {
            int han = hanCount(b.text());
            if (han < MIN_PROSE_HAN || b.linkDensity() > 0.5) continue;
            double weight = han * (insideNonArticle(b.owner()) ? 0.25 : 1.0);
            Element owner = b.owner();
            if (PARAGRAPH_TAGS.contains(owner.normalName())) {
                credit(scores, owner.parent(), weight);
                if (owner.parent() != null) credit(scores, owner.parent().parent(), weight / 2);
            } else {
                credit(scores, owner, weight);
                credit(scores, owner.parent(), weight);
                if (owner.parent() != null) credit(scores, owner.parent().parent(), weight / 2);
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            double score = e.getValue() * (1 - linkDensity(blocks, e.getKey()));
            boolean better = score > bestScore + 1e-9
                    || (Math.abs(score - bestScore) <= 1e-9 && best != null && depth(e.getKey()) > depth(best));
            if (better) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return best != null ? best : fallback;
    }

    /**
     * The index of the title block: a block before or in the container whose text matches the
     * page's {@code <title>} (preferring headings and the one nearest the container), else the
     * nearest h1 (then h2, h3) that is neither a link nor inside the page header or navigation; -1 if none.
     */
    static int title(List<Block> blocks, Element container, String pageTitle) {
        int first = firstIndexIn(blocks, container);
        int last = lastIndexIn(blocks, container);
        if (first < 0) return -1;
        String wanted = mainTitle(pageTitle);
        if (!wanted.isEmpty()) {
            int byTitle = nearest(blocks, first, last, b -> matchesTitle(b.text(), wanted) && isHeading(b.owner())
                    && b.linkDensity() < 0.5);
            if (byTitle < 0) byTitle = nearest(blocks, first, last, b -> matchesTitle(b.text(), wanted) && b.linkDensity() < 0.5);
            if (byTitle >= 0) return byTitle;
        }
        for (String level : List.of("h1", "h2", "h3")) {
            int byHeading = nearest(blocks, first, last, b -> b.owner().nameIs(level) && b.linkDensity() < 0.5
                    && !insideNonArticle(b.owner()) && !"header".equals(BoilerplateKind.byElementNames(b.owner(), null)));
            if (byHeading >= 0) return byHeading;
        }
        return -1;
    }

    /** The page title without site names: the longest part between separators ("标题 - 中国网", "标题_新浪网"). */
    static String mainTitle(String pageTitle) {
        if (pageTitle == null) return "";
        String best = "";
        for (String part : TITLE_SEPARATORS.split(pageTitle.strip())) {
            if (part.strip().length() > best.length()) best = part.strip();
        }
        return best;
    }

    static int firstIndexIn(List<Block> blocks, Element container) {
        for (Block b : blocks) {
            if (isInside(b.owner(), container)) return b.index();
        }
        return -1;
    }

    static int lastIndexIn(List<Block> blocks, Element container) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (isInside(blocks.get(i).owner(), container)) return i;
        }
        return -1;
    }

    static boolean isInside(Element e, Element ancestor) {
        for (Element x = e; x != null; x = x.parent()) {
            if (x == ancestor) return true;
        }
        return false;
    }

    static boolean isHeading(Element e) {
        String n = e.normalName();
        return n.length() == 2 && n.charAt(0) == 'h' && n.charAt(1) >= '1' && n.charAt(1) <= '6';
    }

    static int hanCount(String s) {
        return org.jiaokan.script.Han.count(s);
    }

    private static boolean matchesTitle(String text, String wanted) {
        String t = text.strip();
        if (t.equals(wanted)) return true;
        if (t.length() < 6 || wanted.length() < 6) return false;
        return wanted.contains(t) || (t.contains(wanted) && t.length() <= wanted.length() * 3 / 2);
    }

    /** Among blocks up to the container's end: the last matching one before the container, else the first inside it. */
    private static int nearest(List<Block> blocks, int first, int last, Predicate<Block> test) {
        for (int i = first - 1; i >= 0; i--) {
            if (test.test(blocks.get(i))) return i;
        }
        for (int i = first; i <= last; i++) {
            if (test.test(blocks.get(i))) return i;
        }
        return -1;
    }

    private static boolean insideNonArticle(Element owner) {
        String kind = BoilerplateKind.byElementNames(owner, null);
        return kind != null && NON_ARTICLE_KINDS.contains(kind);
    }

    private static void credit(Map<Element, Double> scores, Element e, double weight) {
        if (e == null || e.nameIs("html") || e.nameIs("#root")) return;
        scores.merge(e, weight, Double::sum);
    }

    private static double linkDensity(List<Block> blocks, Element container) {
        long chars = 0;
        long linkChars = 0;
        for (Block b : blocks) {
            if (isInside(b.owner(), container)) {
                chars += b.text().length();
                linkChars += b.linkChars();
            }
        }
        return chars == 0 ? 0 : (double) linkChars / chars;
    }

    private static int depth(Element e) {
        int d = 0;
        for (Element x = e; x != null; x = x.parent()) d++;
        return d;
    }
}
