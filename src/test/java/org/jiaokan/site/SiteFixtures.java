package org.jiaokan.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The site tests' fixtures (invented TEI in both scripts) and helpers to read published pages. */
public final class SiteFixtures {
    private SiteFixtures() {}

    public static Path resource(String name) {
        try {
            return Path.of(SiteFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the fixture edition (two documents, registers, a raw source) in {@code dir}. */
    public static Path edition(Path dir) throws IOException {
        Path src = resource("edition");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return dir;
    }

    /** The text of a fixture ({@code edition/zhs-notice.xml} …), as a template for documents of one's own. */
    public static String text(String name) throws IOException {
        return Files.readString(resource(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    static Document page(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    /** Chinese text that has no lang="zh…" on itself or an ancestor (a few Chinese words quoted in other-language prose aside). */
    static List<String> hanWithoutChineseLang(Document d) {
        List<String> bad = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (!(node instanceof TextNode t) || t.isBlank()) return;
                if (t.text().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) return;
                Element e = (Element) t.parent();
                if (e == null || e.tagName().equals("script") || e.tagName().equals("title")) return;
                String lang = "";
                for (Element a = e; a != null; a = a.parent()) {
                    if (a.hasAttr("lang")) {
                        lang = a.attr("lang");
                        break;
                    }
                }
                // English prose of a header quoting a few Chinese words (as the TEI has it) is an English run
                long han = t.text().codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
                long letters = t.text().codePoints().filter(Character::isLetter).count();
                boolean quoted = !lang.isEmpty() && han * 2 < letters;
                if (!lang.startsWith("zh") && !quoted) bad.add(e.tagName() + "[lang=" + lang + "]: " + t.text().strip());
            }

            @Override
            public void tail(Node node, int depth) {}
        }, d);
        return bad;
    }

    static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }
}
