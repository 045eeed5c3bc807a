package org.jiaokan.publish.catalog;

import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code CITATION.cff} (Citation File Format 1.2.0) for the edition, from {@code edition.xml}: title,
 * the editors as authors (a body as an entity {@code name}, a person as family and given names),
 * version, release date, URL, licence (an SPDX identifier where the licence URL has one), type dataset.
 */
public final class CitationCff {
    private CitationCff() {}

    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    private static final Pattern BODY = Pattern.compile("(?i).*(team|project|group|committee|board|office|society|institute|centre|center|university|部|组|組|委员会|委員會|中心|研究所|办公室|辦公室).*");
    /** Common Chinese surnames in pinyin, for the order of a romanised name. */
    private static final java.util.Set<String> PINYIN_SURNAMES = java.util.Set.of(
            "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao",
            "Lin", "He", "Guo", "Ma", "Luo", "Liang", "Song", "Zheng", "Xie", "Han", "Tang", "Feng", "Yu", "Dong", "Xiao",
            "Cheng", "Cao", "Yuan", "Deng", "Fu", "Shen", "Zeng", "Peng", "Lü", "Su", "Lu", "Jiang", "Cai", "Jia", "Ding",
            "Wei", "Xue", "Ye", "Yan", "Pan", "Du", "Dai", "Xia", "Zhong", "Tian", "Ren", "Fan", "Fang", "Shi", "Yao",
            "Tan", "Liao", "Zou", "Xiong", "Jin", "Hao", "Kong", "Bai", "Cui", "Kang", "Mao", "Qiu", "Qin", "Gu", "Hou",
            "Shao", "Meng", "Long", "Wan", "Duan", "Lei", "Qian", "Yin", "Yi", "Chang", "Qiao", "Lai", "Gong", "Wen",
            "Ouyang", "Sima", "Zhuge", "Shangguan");
    private static final Map<String, String> SPDX = Map.ofEntries(
            Map.entry("creativecommons.org/licenses/by/4.0", "CC-BY-4.0"),
            Map.entry("creativecommons.org/licenses/by-sa/4.0", "CC-BY-SA-4.0"),
            Map.entry("creativecommons.org/licenses/by-nc/4.0", "CC-BY-NC-4.0"),
            Map.entry("creativecommons.org/licenses/by-nc-sa/4.0", "CC-BY-NC-SA-4.0"),
            Map.entry("creativecommons.org/licenses/by-nd/4.0", "CC-BY-ND-4.0"),
            Map.entry("creativecommons.org/licenses/by-nc-nd/4.0", "CC-BY-NC-ND-4.0"),
            Map.entry("creativecommons.org/licenses/by/3.0", "CC-BY-3.0"),
            Map.entry("creativecommons.org/publicdomain/zero/1.0", "CC0-1.0"),
            Map.entry("opensource.org/licenses/mit", "MIT"),
            Map.entry("www.apache.org/licenses/license-2.0", "Apache-2.0"));

    /** The file's text for the edition header {@code edition} (a teiCorpus or TEI document). */
    public static String of(XdmNode edition) {
        XdmNode header = first(root(edition), "teiHeader");
        XdmNode fileDesc = first(header, "fileDesc");
        XdmNode titleStmt = first(fileDesc, "titleStmt");
        XdmNode pub = first(fileDesc, "publicationStmt");
        StringBuilder y = new StringBuilder();
        y.append("cff-version: 1.2.0\n");
        y.append("message: ").append(q("If you use this edition, please cite it as below.")).append('\n');
        y.append("type: dataset\n");
        y.append("title: ").append(q(text(first(titleStmt, "title")))).append('\n');
        List<String> authors = new ArrayList<>();
        for (XdmNode e : children(titleStmt, "editor")) authors.add(text(e));
        if (authors.isEmpty()) for (XdmNode e : children(pub, "publisher")) authors.add(text(e));
        authors.removeIf(String::isEmpty);
        if (authors.isEmpty()) authors.add("Unknown");
        y.append("authors:\n");
        for (String a : authors) {
            String[] parts = a.split("\\s+");
            boolean han = a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (BODY.matcher(a).matches() || (parts.length < 2 && !han)) {
                y.append("  - name: ").append(q(a)).append('\n');
            } else if (han) {
                // A Chinese name: the surname first (two characters for a compound surname of a longer name).
                String n = a.replaceAll("\\s+", "");
                int cut = n.length() >= 4 ? 2 : 1;
                y.append("  - family-names: ").append(q(n.substring(0, cut))).append('\n')
                 .append("    given-names: ").append(q(n.substring(cut))).append('\n');
            } else if (parts.length == 2 && PINYIN_SURNAMES.contains(parts[0])) {
                // A Chinese name in pinyin is written surname first (Li Ming).
                y.append("  - family-names: ").append(q(parts[0])).append('\n')
                 .append("    given-names: ").append(q(parts[1])).append('\n');
            } else if (a.contains(",")) {
                y.append("  - family-names: ").append(q(a.substring(0, a.indexOf(',')).strip())).append('\n')
                 .append("    given-names: ").append(q(a.substring(a.indexOf(',') + 1).strip())).append('\n');
            } else {
                y.append("  - family-names: ").append(q(parts[parts.length - 1])).append('\n')
                 .append("    given-names: ").append(q(a.substring(0, a.lastIndexOf(' ')).strip())).append('\n');
            }
        }
        XdmNode edition1 = first(first(fileDesc, "editionStmt"), "edition");
        if (edition1 != null) {
            String n = attr(edition1, "n");
            String v = n.isEmpty() ? text(edition1) : n;
            if (!v.isEmpty()) y.append("version: ").append(q(v)).append('\n');
        }
        XdmNode date = first(pub, "date");
        String when = date == null ? "" : attr(date, "when");
        if (when.matches("\\d{4}-\\d{2}-\\d{2}")) y.append("date-released: ").append(q(when)).append('\n');
        String url = "";
        for (XdmNode i : children(pub, "idno")) {
            if ("URI".equals(attr(i, "type")) && text(i).matches("https?://[^\\s\"<>]+")) { url = text(i); break; }
        }
        if (!url.isEmpty()) {
            y.append("url: ").append(q(url)).append('\n');
            y.append("identifiers:\n  - type: url\n    value: ").append(q(url)).append('\n');
        }
        XdmNode licence = first(first(pub, "availability"), "licence");
        if (licence != null) {
            String target = attr(licence, "target");
            String key = target.toLowerCase().replaceFirst("^https?://", "").replaceFirst("/+$", "").replaceFirst("/(legalcode|deed\\.[a-z-]+)$", "");
            String spdx = SPDX.get(key);
            if (spdx != null) y.append("license: ").append(q(spdx)).append('\n');
            if (target.matches("https?://[^\\s\"<>]+")) y.append("license-url: ").append(q(target)).append('\n');
        }
        return y.toString();
    }

    /** A YAML double-quoted scalar. */
    static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    private static XdmNode root(XdmNode doc) {
        for (XdmNode c : doc.children()) if (c.getNodeKind() == XdmNodeKind.ELEMENT) return c;
        return null;
    }

    private static List<XdmNode> children(XdmNode parent, String local) {
        List<XdmNode> out = new ArrayList<>();
        if (parent == null) return out;
        for (XdmNode c : parent.children()) {
            if (c.getNodeKind() == XdmNodeKind.ELEMENT && TEI.equals(c.getNodeName().getNamespace()) && local.equals(c.getNodeName().getLocalName())) out.add(c);
        }
        return out;
    }

    private static XdmNode first(XdmNode parent, String local) {
        List<XdmNode> c = children(parent, local);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String text(XdmNode n) {
        return n == null ? "" : n.getStringValue().replaceAll("\\s+", " ").strip();
    }

    private static String attr(XdmNode n, String name) {
        String v = n.getAttributeValue(new QName(name));
        return v == null ? "" : v.strip();
    }
}
