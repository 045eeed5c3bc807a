package org.jiaokan.read;

import org.jiaokan.model.Hint;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.jiaokan.read.HtmlBlocks.Block;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a saved web page: decodes it (byte-order mark, the page's own charset declaration, or
 * detection), finds the article, and returns every visible text block in document order.
 *
 * <p>The article's blocks carry {@link Hint#TITLE}, {@link Hint#SUBTITLE}, {@link Hint#BYLINE},
 * {@link Hint#DATELINE}, {@link Hint#HEADING} and {@link Hint#PARAGRAPH}. Every other visible
 * block is kept as {@link Hint#BOILERPLATE} with its kind (see {@link BoilerplateKind}), because
 * page furniture is still source text. Only what a browser never shows as text is dropped:
 * scripts, styles, noscript, template and iframe content, comments and hidden inputs; the
 * properties "html.dropped.KIND" count them. When no block of the page is its title, the
 * {@code <title>} without the site name becomes the TITLE line ("html.title.source" = "title").
 *
 * <p>Parsing is jsoup's HTML parser on the decoded string: no network access, no DTDs or external
 * entities.
 */
public final class HtmlReader implements SourceReader {

    public static final String MEDIA_TYPE = "text/html";

    private static final List<String> DROPPED_ELEMENTS = List.of("script", "style", "noscript", "template", "iframe");

    @Override
    public SourceDocument read(String fileName, byte[] bytes, Charset forced) throws ReadException {
        FileFacts.requireNonEmpty(bytes);
        DecodedText decoded = HtmlDecoding.decode(bytes, forced);
        Document doc = Jsoup.parse(decoded.text());
        Map<String, String> properties = new TreeMap<>();
        collectMetadata(doc, properties);
        dropNonText(doc, properties);
        List<SourceLine> lines = articleLines(doc, properties);
        if (lines.isEmpty()) throw new ReadException("no visible text in the HTML page");
        return new SourceDocument(fileName, bytes.length, FileFacts.sha256(bytes), MEDIA_TYPE,
                decoded.encoding(), decoded.evidence(), lines, properties);
    }

    private static List<SourceLine> articleLines(Document doc, Map<String, String> properties) {
        Element body = doc.body();
        List<Block> blocks = HtmlBlocks.of(body);
        List<SourceLine> lines = new ArrayList<>();
        if (blocks.isEmpty()) {
            addTitleFromTitleElement(doc, lines, properties);
            return lines;
        }
        Element container = ArticleLocator.container(blocks, body);
        int first = ArticleLocator.firstIndexIn(blocks, container);
        int last = ArticleLocator.lastIndexIn(blocks, container);
        int title = ArticleLocator.title(blocks, container, doc.title());
        int articleStart = title >= 0 ? Math.min(title, first) : first;
        int tailEnd = bylineTailEnd(blocks, last);
        for (Block b : blocks) {
            int i = b.index();
            if (i == articleStart && title < 0) addTitleFromTitleElement(doc, lines, properties);
            if (i == title) {
                lines.add(new SourceLine(b.text(), Hint.TITLE, ""));
                properties.put("html.title.source", b.owner().normalName());
            } else if (i >= first && i <= last && ArticleLocator.isInside(b.owner(), container)) {
                lines.add(insideArticle(b, container, i - first < 3 || last - i < 3));
            } else if (i > articleStart && i < first) {
                lines.add(betweenTitleAndBody(b, body));
            } else if (i > last && i <= tailEnd) {
                lines.add(new SourceLine(b.text(), BylineRules.classify(b.text()), ""));
            } else {
                lines.add(boilerplate(b, body));
            }
        }
        return lines;
    }

    /** A block inside the article container; credit lines are looked for only near its start and end. */
    private static SourceLine insideArticle(Block b, Element container, boolean nearEdge) {
        Hint credit = nearEdge ? BylineRules.classify(b.text()) : null;
        if (credit != null) return new SourceLine(b.text(), credit, "");
        String named = BoilerplateKind.byElementNames(b.owner(), container);
        if (named != null && !named.equals("sidebar") && !named.equals("header")) {
            return new SourceLine(b.text(), Hint.BOILERPLATE, named);
        }
        if (b.linkDensity() >= 0.8 && b.text().length() <= 60) {
            return new SourceLine(b.text(), Hint.BOILERPLATE, BoilerplateKind.of(b.text(), b.owner(), container));
        }
        if (ArticleLocator.isHeading(b.owner())) {
            return new SourceLine(b.text(), Hint.HEADING, b.owner().normalName().substring(1));
        }
        return new SourceLine(b.text(), Hint.PARAGRAPH, "");
    }

    /** Between the title and the body text: credits and dates, subtitles, or furniture such as font-size widgets. */
    private static SourceLine betweenTitleAndBody(Block b, Element body) {
        Hint credit = BylineRules.classify(b.text());
        if (credit != null) return new SourceLine(b.text(), credit, "");
        if (ArticleLocator.isHeading(b.owner()) && b.linkDensity() < 0.5) return new SourceLine(b.text(), Hint.SUBTITLE, "");
        return boilerplate(b, body);
    }

    /**
     * A block outside the article. Without a sign of being furniture (a furniture kind, links),
     * prose stays a paragraph: better a stray paragraph in the reading than article text hidden.
     */
    private static SourceLine boilerplate(Block b, Element body) {
        String kind = BoilerplateKind.of(b.text(), b.owner(), body);
        if ("other".equals(kind) && b.linkDensity() < 0.3 && hanCount(b.text()) >= 30) {
            return new SourceLine(b.text(), Hint.PARAGRAPH, "");
        }
        return new SourceLine(b.text(), Hint.BOILERPLATE, kind);
    }

    private static int hanCount(String s) {
        return org.jiaokan.script.Han.count(s);
    }

    /** Credit lines often follow the article's last paragraph ("(责任编辑:张三)"); they end at the first other block. */
    private static int bylineTailEnd(List<Block> blocks, int last) {
        int end = last;
        while (end + 1 < blocks.size() && BylineRules.classify(blocks.get(end + 1).text()) != null) end++;
        return end;
    }

    /**
     * The page's {@code <title>} as the title line. The site name around the title ("_新闻中心_某某网")
     * is kept as its own furniture line, so the whole {@code <title>} text stays in the edition.
     */
    private static void addTitleFromTitleElement(Document doc, List<SourceLine> lines, Map<String, String> properties) {
        String full = doc.title().strip();
        String title = ArticleLocator.mainTitle(full);
        if (title.isEmpty()) return;
        int at = full.indexOf(title);
        String before = at > 0 ? full.substring(0, at) : "";
        String after = at >= 0 ? full.substring(at + title.length()) : "";
        if (!before.isBlank()) lines.add(new SourceLine(before, Hint.BOILERPLATE, "site-name"));
        lines.add(new SourceLine(title, Hint.TITLE, ""));
        if (!after.isBlank()) lines.add(new SourceLine(after, Hint.BOILERPLATE, "site-name"));
        properties.put("html.title.source", "title");
    }

    private static void collectMetadata(Document doc, Map<String, String> properties) {
        putIfPresent(properties, "html.title", doc.title());
        Element html = doc.selectFirst("html");
        if (html != null) putIfPresent(properties, "html.lang", html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang"));
        for (Element meta : doc.select("meta[content]")) {
            String key = metadataKey(meta);
            if (key != null && !properties.containsKey(key)) putIfPresent(properties, key, meta.attr("content"));
        }
        capture(doc, properties);
        // The page's own address, as the page states it.
        Element canonical = doc.selectFirst("link[rel~=(?i)^canonical$][href]");
        if (canonical != null && canonical.attr("href").strip().matches("(?i)https?://\\S+")) {
            putIfPresent(properties, "html.canonical", canonical.attr("href"));
        }
    }

    private static final java.util.regex.Pattern SAVED_FROM = java.util.regex.Pattern.compile(
            "saved from url=\\(\\d+\\)(https?://\\S+)");
    private static final java.util.regex.Pattern SAVED_URL = java.util.regex.Pattern.compile("(?m)^\\s*url:\\s*(https?://\\S+)");
    private static final java.util.regex.Pattern SAVED_DATE = java.util.regex.Pattern.compile(
            "(?:saved date:\\s*)?(?:[A-Z][a-z]{2},?\\s+)?([A-Z][a-z]{2})\\s+(\\d{1,2}),?\\s+(\\d{4}),?\\s+(\\d{2}):(\\d{2}):(\\d{2})");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    /**
     * Where and when a saved page was captured, as the saving tool wrote it: a browser's
     * {@code <!-- saved from url=(0051)https://… -->}, SingleFile's comment ({@code url:}, {@code saved date:}),
     * Save Page WE's {@code savepage-url} and {@code savepage-date}. The date is kept as written in
     * "html.captured" (local time of the capture, without its offset).
     */
    private static void capture(Document doc, Map<String, String> properties) {
        for (Element meta : doc.select("meta[name=savepage-url][content], meta[name=savepage-date][content]")) {
            String key = meta.attr("name").equals("savepage-url") ? "html.saved-from" : "html.captured.text";
            putIfPresent(properties, key, meta.attr("content"));
        }
        doc.forEachNode(n -> {
            if (!(n instanceof Comment c)) return;
            String data = c.getData();
            java.util.regex.Matcher from = SAVED_FROM.matcher(data);
            if (from.find()) properties.putIfAbsent("html.saved-from", from.group(1));
            if (data.contains("SingleFile")) {
                java.util.regex.Matcher url = SAVED_URL.matcher(data);
                if (url.find()) properties.putIfAbsent("html.saved-from", url.group(1));
                int at = data.indexOf("saved date:");
                if (at >= 0) properties.putIfAbsent("html.captured.text", data.substring(at + "saved date:".length()).lines().findFirst().orElse("").strip());
            }
        });
        String text = properties.get("html.captured.text");
        if (text == null) return;
        java.util.regex.Matcher m = SAVED_DATE.matcher(text);
        if (!m.find() || MONTHS.indexOf(m.group(1)) < 0) return;
        properties.put("html.captured", String.format(Locale.ROOT, "%s-%02d-%02dT%s:%s:%s", m.group(3),
                MONTHS.indexOf(m.group(1)) + 1, Integer.parseInt(m.group(2)), m.group(4), m.group(5), m.group(6)));
    }

    private static String metadataKey(Element meta) {
        String property = meta.attr("property").toLowerCase(Locale.ROOT);
        if (property.equals("og:site_name") || property.equals("og:title") || property.equals("og:url")
                || property.equals("article:published_time")
                || property.equals("article:author")) {
            return property;
        }
        return switch (meta.attr("name").toLowerCase(Locale.ROOT)) {
            case "description" -> "meta.description";
            case "keywords" -> "meta.keywords";
            case "author" -> "meta.author";
            case "source", "contentsource" -> "meta.source";
            case "publishdate", "pubdate", "publish_date", "publication_date", "date", "dc.date", "dcterms.date",
                    "dc.date.issued" -> "meta.publishdate";
            default -> null;
        };
    }

    private static void putIfPresent(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) properties.put(key, value.strip());
    }

    /** Removes what is never shown as text, counting it by kind. */
    private static void dropNonText(Document doc, Map<String, String> properties) {
        for (String tag : DROPPED_ELEMENTS) {
            Elements found = doc.select(tag);
            // Counted before removal, so a script nested in a noscript still counts as a script.
            if (!found.isEmpty()) properties.put("html.dropped." + tag, String.valueOf(found.size()));
            found.remove();
        }
        Elements hiddenInputs = doc.select("input[type=hidden]");
        if (!hiddenInputs.isEmpty()) properties.put("html.dropped.hidden-input", String.valueOf(hiddenInputs.size()));
        hiddenInputs.remove();
        List<Node> comments = new ArrayList<>();
        doc.forEachNode(n -> {
            if (n instanceof Comment) comments.add(n);
        });
        if (!comments.isEmpty()) properties.put("html.dropped.comment", String.valueOf(comments.size()));
        comments.forEach(Node::remove);
    }
}
