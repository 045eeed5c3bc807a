package org.jiaokan.read;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what kind of page furniture a block of text outside the article is: "breadcrumb",
 * "navigation", "share-widget", "related-links", "footer", "header", "sidebar", "advert" or
 * "other" (the TEI {@code fw/@type}).
 *
 * <p>Evidence, strongest first: the names that the page's authors gave the enclosing elements
 * (class, id, role, and the tags header/nav/footer/aside), nearest first; then cues in the block's
 * own text (分享, 相关, 版权, "首页 > 新闻"); then cues that head the enclosing region (a "相关新闻"
 * heading over a list of links).
 */
final class BoilerplateKind {

    static final String OTHER = "other";

    private static final int REGION_TEXT_LIMIT = 600;

    private record Cue(String kind, Pattern pattern) {}

    private static final List<Cue> TEXT_CUES = List.of(
            new Cue("breadcrumb", Pattern.compile("当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|所在位置")),
            new Cue("share-widget", Pattern.compile("分享|掃碼|扫码|扫一扫|掃一掃|QQ空间|QQ空間|朋友圈")),
            new Cue("footer", Pattern.compile("版权|版權|Copyright|©|ICP备|ICP證|ICP证|公网安备|公網安備|"
                    + "违法和不良信息|違法和不良信息|联系我们|聯繫我們|關於我們|关于我们|网站地图|網站地圖", Pattern.CASE_INSENSITIVE)),
            new Cue("related-links", Pattern.compile("相关|相關|推荐|推薦|延伸阅读|延伸閱讀|热点|熱點|热门|熱門|猜你喜欢|猜你喜歡|更多")),
            new Cue("advert", Pattern.compile("广告|廣告")));

    /** Breadcrumb trails: short items joined by an arrow-like separator. */
    private static final Pattern TRAIL_SEPARATOR = Pattern.compile("\\s*(?:>|›|»|＞|→|>>)\\s*");

    private BoilerplateKind() {}

    /**
     * The kind of {@code text} found in {@code owner}, looking at ancestors up to but not including
     * {@code stop} (the body, or the article container for furniture inside the article).
     */
    static String of(String text, Element owner, Element stop) {
        String byName = byElementNames(owner, stop);
        if (byName != null) return byName;
        String byText = byText(text);
        if (byText != null) return byText;
        String byRegion = byRegionHeading(owner, stop, text);
        return byRegion != null ? byRegion : OTHER;
    }

    /** The kind named by the nearest enclosing element's class, id, role or tag, or null. */
    static String byElementNames(Element owner, Element stop) {
        for (Element e = owner; e != null && e != stop && !e.nameIs("body"); e = e.parent()) {
            String kind = kindOfElement(e);
            if (kind != null) return kind;
        }
        return null;
    }

    static String byText(String text) {
        if (isTrail(text)) return "breadcrumb";
        if (text.length() > 80) return null;
        for (Cue cue : TEXT_CUES) {
            if (cue.pattern().matcher(text).find()) return cue.kind();
        }
        return null;
    }

    private static String byRegionHeading(Element owner, Element stop, String text) {
        for (Element e = owner.parent(); e != null && e != stop && !e.nameIs("body"); e = e.parent()) {
            String region = HtmlBlocks.collapse(e.text()).strip();
            if (region.length() > REGION_TEXT_LIMIT) return null;
            if (region.length() <= text.length()) continue;
            String head = region.substring(0, Math.min(12, region.length()));
            for (Cue cue : TEXT_CUES) {
                if (cue.pattern().matcher(head).find()) return cue.kind();
            }
            if (TEXT_CUES.get(2).pattern().matcher(region).find()) return "footer";
        }
        return null;
    }

    private static boolean isTrail(String text) {
        String[] items = TRAIL_SEPARATOR.split(text.strip());
        if (items.length < 2 || items.length > 8 || text.length() > 100) return false;
        for (String item : items) {
            if (item.isBlank() || item.length() > 16) return false;
        }
        return true;
    }

    private static String kindOfElement(Element e) {
        String tag = e.normalName();
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        for (String token : nameTokens(e)) {
            String kind = kindOfToken(token);
            if (kind != null) return kind;
        }
        if (tag.equals("nav") || role.equals("navigation") || role.equals("menubar")) return "navigation";
        if (tag.equals("footer") || role.equals("contentinfo")) return "footer";
        if (tag.equals("header") || role.equals("banner")) return "header";
        if (tag.equals("aside") || role.equals("complementary")) return "sidebar";
        return null;
    }

    /** Class and id split into lower-case words at '-', '_', spaces and camelCase humps. */
    static List<String> nameTokens(Element e) {
        List<String> tokens = new ArrayList<>();
        List<String> names = new ArrayList<>(e.classNames());
        names.add(e.id());
        for (String name : names) {
            for (String part : name.split("[-_\\s]+|(?<=[a-z])(?=[A-Z])")) {
                if (!part.isEmpty()) tokens.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }

    private static String kindOfToken(String t) {
        if (containsAny(t, "breadcrumb", "crumb", "weizhi", "dangqian", "location", "position")) return "breadcrumb";
        if (containsAny(t, "share", "social", "jiathis", "fenxiang")) return "share-widget";
        if (containsAny(t, "related", "relate", "recommend", "tuijian", "xiangguan", "relevant")
                || t.equals("hot") || t.equals("more")) return "related-links";
        if (containsAny(t, "copyright", "footer", "bottom", "banquan") || affix(t, "foot") || t.equals("ft")) return "footer";
        if (containsAny(t, "advert", "guanggao", "sponsor") || t.equals("ad") || t.equals("ads") || t.equals("adv")
                || t.equals("gg")) return "advert";
        if (containsAny(t, "navigation", "navbar", "menubar", "daohang") || affix(t, "nav") || affix(t, "menu")
                || t.equals("channel")) return "navigation";
        if (containsAny(t, "sidebar", "aside") || (affix(t, "side") && !t.equals("inside")) || t.equals("right") || t.equals("left")) return "sidebar";
        if (containsAny(t, "header", "masthead", "topbar") || (affix(t, "head") && !t.startsWith("heading") && !t.startsWith("headline")) || affix(t, "logo") || t.equals("top")
                || t.equals("banner")) return "header";
        return null;
    }

    private static boolean containsAny(String token, String... words) {
        for (String w : words) {
            if (token.contains(w)) return true;
        }
        return false;
    }

    /** Short names match only as a whole word or at its start or end ("topnav", "navbox"), not inside ("unavailable"). */
    private static boolean affix(String token, String word) {
        return token.startsWith(word) || token.endsWith(word);
    }
}
