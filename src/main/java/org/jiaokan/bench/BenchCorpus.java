package org.jiaokan.bench;

import org.jiaokan.edition.TeiFiles;
import org.jiaokan.script.ScriptConverter;
import org.jiaokan.xml.Xml;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A synthetic corpus for the benchmark: paragraphs of an edition's sources recombined into new
 * documents, with the persons' names its register lists replaced by invented ones, years and days
 * varied, a third of the documents in traditional script, and the documents written as plain text
 * (UTF-8 and GB18030), HTML pages and DOCX files. The same seed gives the same files, byte for byte,
 * so recognition and conversion do real work on text no rule was written for, and runs compare.
 */
public final class BenchCorpus {
    /** What was generated: the files, their characters of text and how many of each format. */
    public record Generated(List<Path> files, long characters, int text, int html, int docx) {}

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";
    private static final String GIVEN = "建国伟明志强海军红梅丽华永刚晓东振宇子涵思远嘉欣文博俊杰秀英春生玉兰德胜国庆宏伟立新卫东桂芳敏静雪琳浩然宇航鹏飞";
    private static final Pattern YEAR = Pattern.compile("(19[5-9]\\d|20[0-2]\\d)年");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})月(\\d{1,2})日");

    private final List<String> paragraphs;
    private final List<String> names;

    private BenchCorpus(List<String> paragraphs, List<String> names) {
        this.paragraphs = paragraphs;
        this.names = names;
    }

    /**
     * The paragraphs (non-empty lines) of the raw sources in {@code sources} and the simplified person
     * names of {@code registers} (either may be absent: a few invented paragraphs stand in).
     */
    public static BenchCorpus from(Path sources, Path registers) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        if (sources != null && Files.isDirectory(sources)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(sources)) {
                files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
            for (Path f : files) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                for (String line : text.split("\\R")) if (line.strip().length() >= 8) paragraphs.add(line.strip());
            }
        }
        if (paragraphs.isEmpty()) {
            paragraphs.add("市公安局召开全市公安机关安全生产工作会议，局党委书记、局长张建国出席会议并讲话。");
            paragraphs.add("会议指出，2019年以来，全市公安机关深入开展扫黑除恶专项斗争，社会治安形势持续平稳。");
            paragraphs.add("会议要求，各级公安机关要切实加强社会治安防控体系建设，确保人民群众安居乐业。");
            paragraphs.add("3月15日，县人民政府办公室印发《关于进一步加强道路交通安全管理工作的通知》。");
        }
        Set<String> names = new LinkedHashSet<>();
        if (registers != null && Files.isRegularFile(registers)) {
            try {
                NodeList list = Xml.parse(registers).getElementsByTagNameNS(Xml.TEI_NS, "persName");
                for (int i = 0; i < list.getLength(); i++) {
                    Element e = (Element) list.item(i);
                    String name = ScriptConverter.toSimplified(e.getTextContent().strip());
                    if (name.length() >= 2 && name.length() <= 4) names.add(name);
                }
            } catch (org.xml.sax.SAXException e) {
                // no names to vary: the paragraphs as they are
            }
        }
        return new BenchCorpus(List.copyOf(paragraphs), List.copyOf(names));
    }

    /** Writes {@code n} documents into {@code dir} (created; files of an earlier run with the same names are replaced). */
    public Generated generate(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>(n);
        long chars = 0;
        int text = 0, html = 0, docx = 0;
        for (int i = 0; i < n; i++) {
            int count = 3 + random.nextInt(10);
            List<String> doc = new ArrayList<>(count);
            for (int k = 0; k < count; k++) doc.add(vary(paragraphs.get(random.nextInt(paragraphs.size())), random));
            boolean traditional = random.nextInt(3) == 0;
            if (traditional) doc.replaceAll(ScriptConverter::toTraditional);
            for (String p : doc) chars += p.length();
            String base = String.format("bench-%05d", i);
            int kind = random.nextInt(10);
            Path file;
            if (kind < 6) {
                // plain text; some of it in the legacy encoding of its script
                Charset cs = kind < 4 || traditional ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
                file = dir.resolve(base + ".txt");
                TeiFiles.atomicWrite(file, String.join("\n", doc).concat("\n").getBytes(cs));
                text++;
            } else if (kind < 9) {
                file = dir.resolve(base + ".html");
                TeiFiles.atomicWrite(file, html(doc, traditional).getBytes(StandardCharsets.UTF_8));
                html++;
            } else {
                file = dir.resolve(base + ".docx");
                TeiFiles.atomicWrite(file, docx(doc));
                docx++;
            }
            files.add(file);
        }
        return new Generated(files, chars, text, html, docx);
    }

    /** The paragraph with other names, years and days. */
    String vary(String paragraph, Random random) {
        String p = paragraph;
        for (String name : names) {
            if (!p.contains(name)) continue;
            String other = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                    + GIVEN.charAt(random.nextInt(GIVEN.length()))
                    + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
            p = p.replace(name, other);
        }
        Matcher y = YEAR.matcher(p);
        StringBuilder sb = new StringBuilder();
        while (y.find()) y.appendReplacement(sb, (2005 + random.nextInt(20)) + "年");
        y.appendTail(sb);
        Matcher d = DAY.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (d.find()) d.appendReplacement(out, (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日");
        d.appendTail(out);
        return out.toString();
    }

    private static String html(List<String> doc, boolean traditional) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(traditional ? "zh-Hant" : "zh-Hans")
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(doc.get(0).length() > 30 ? doc.get(0).substring(0, 30) : doc.get(0)))
                .append("</title></head><body>\n<div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/news\">新闻中心</a></div>\n<div class=\"article\">\n");
        for (String p : doc) sb.append("<p>").append(escape(p)).append("</p>\n");
        return sb.append("</div>\n<div class=\"footer\">版权所有 主办单位：某市人民政府办公室</div>\n</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A minimal DOCX: content types, package relationships and the document, with fixed entry times. */
    private static byte[] docx(List<String> doc) throws IOException {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        for (String p : doc) body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(escape(p)).append("</w:t></w:r></w:p>");
        body.append("</w:body></w:document>");
        String types = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] e : new String[][]{{"[Content_Types].xml", types}, {"_rels/.rels", rels}, {"word/document.xml", body.toString()}}) {
                ZipEntry entry = new ZipEntry(e[0]);
                entry.setTime(315532800000L); // 1980-01-01, the zip format's first day
                zip.putNextEntry(entry);
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
