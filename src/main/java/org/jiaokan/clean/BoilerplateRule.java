package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;
import org.jiaokan.script.ScriptConverter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds whole lines of web-page furniture in plain-text captures (breadcrumbs, share widgets, related
 * links headers, footers, navigation) and marks them as forme work typed by what they are.
 *
 * <p>Page furniture is short, sits near the top or bottom of a capture and never ends like a sentence,
 * so every test here demands a short line, and the weaker ones a position near an edge of the document;
 * a body sentence that mentions 分享 or 版权所有 is never marked. Lines are compared in simplified script.
 * Lines the HTML reader already knew to be furniture are marked whole with the reader's type.
 */
public final class BoilerplateRule implements CleaningRule {

    /** The {@code fw/@type} values this rule gives. */
    public static final String BREADCRUMB = "breadcrumb";
    public static final String SHARE_WIDGET = "share-widget";
    public static final String RELATED_LINKS = "related-links";
    public static final String FOOTER = "footer";
    public static final String NAVIGATION = "navigation";
    /** The type given to a line the reader hinted as furniture without saying which kind. */
    public static final String READER_MARKED = "boilerplate";

    private static final int EDGE_LINES = 6;
    private static final int TAIL_LINES = 12;

    /** The marks that end a sentence: a line holding one is text, not furniture. */
    private static final String SENTENCE_ENDS = "。！？；";
    private static final Pattern SENTENCE_END = Pattern.compile("[" + SENTENCE_ENDS + "]");
    private static final Pattern LOCATION_PREFIX = Pattern.compile("^(当前位置|您的位置|您现在的位置|你的位置|现在位置|位置)\\s*[:：]");
    private static final Pattern CRUMB_SEPARATOR = Pattern.compile("\\s*(?:>>|[>＞»›→])\\s*");
    private static final Pattern CRUMB_WORD = Pattern.compile("首页|主页|正文|网站首页|新闻中心|新闻|资讯|要闻|栏目|频道");
    private static final Pattern SHARE = Pattern.compile("分享|扫码|扫一扫|右上角|朋友圈|二维码|转发到|一键转发");
    private static final Pattern SHARE_LEAD = Pattern.compile("^(分享到|分享至|分享给|一键分享)");
    private static final Pattern DECORATION = Pattern.compile("^[\\s\\u00a0\\u3000∥‖|｜■□●◆◇★☆►▶▲>》【\\[(（:：—\\-·]+|[\\s\\u00a0\\u3000∥‖|｜■□●◆◇★☆◄◀<《】\\])）:：—\\-·>]+$");
    private static final Pattern RELATED = Pattern.compile(
            "相关(文章|阅读|新闻|链接|报道|稿件|专题|推荐)|推荐(阅读|专题|文章|新闻)|延伸阅读|热点(推荐|新闻|文章)"
                    + "|热门(文章|推荐|新闻)|猜你喜欢|精彩推荐|更多(精彩|新闻|阅读)|往期(回顾|推荐)|专题推荐");
    private static final Pattern FOOTER_STRONG = Pattern.compile("版权所有|(?i:copyright)|©|ICP[备证]|公网安备|网站标识码");
    private static final Pattern FOOTER_WEAK = Pattern.compile("主办单位|承办单位|技术支持|联系我们|关于我们|网站地图|建议使用.{0,12}浏览器|未经(授权|许可).{0,10}(转载|复制)");
    private static final Pattern EDITOR_CREDIT = Pattern.compile("^[（(\\[【]?(责任编辑|责编|编辑)\\s*[:：]\\s*\\S{1,12}?[）)\\]】]?$");
    private static final Pattern NAVIGATION_LINE = Pattern.compile(
            "^[\\s【】\\[\\]()（）|｜·/、]*(?:(?:打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|返回首页|返回列表|返回|收藏本页|加入收藏|"
                    + "设为首页|我要纠错|纠错|发表评论|字体\\s*[:：]?\\s*(?:[大中小]\\s*){2,3}|默认)"
                    + "[\\s【】\\[\\]()（）|｜·/、]*)+$");
    private static final Pattern PREV_NEXT = Pattern.compile("^[【\\[]?(上一篇|下一篇|上一条|下一条)[】\\]]?\\s*[:：]");

    @Override
    public String name() { return "boilerplate"; }

    @Override
    public String description() {
        return "Whole lines of web-page furniture (breadcrumb, share widget, related links, footer, navigation) "
                + "are kept as forme work typed by what they are.";
    }

    @Override
    public List<Intervention> find(String line, LineContext context) {
        int s = 0;
        int e = line.length();
        while (s < e && isBlank(line.charAt(s))) s++;
        while (e > s && isBlank(line.charAt(e - 1))) e--;
        if (s == e) return List.of();
        // LineContext does not carry the reader's detail; Cleaner#clean(SourceLine, LineContext) puts it in.
        if (context.hint() == Hint.BOILERPLATE) return List.of(whole(s, e, READER_MARKED));
        // A sentence's end that the conversion keeps is in the simplified line too, which makes it text (classify):
        // the line need not be converted to be told so.
        if (keptSentenceEnd(line, s, e)) return List.of();
        String type = classify(ChineseLexicon.toSimplified(line.substring(s, e)), context);
        return type == null ? List.of() : List.of(whole(s, e, type));
    }

    /** Whether {@code line[s, e)} holds one of the {@link #SENTENCE_ENDS} that {@link ChineseLexicon#toSimplified} keeps. */
    static boolean keptSentenceEnd(String line, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = line.charAt(i);
            if (SENTENCE_ENDS.indexOf(c) >= 0 && ScriptConverter.simplifyingKeeps(c)) return true;
        }
        return false;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private Intervention whole(int s, int e, String type) {
        return new Intervention(s, e, Kind.FORME_WORK, "", type, Cert.HIGH, name());
    }

    /** The furniture type of a trimmed, simplified line, or null for text. */
    static String classify(String text, LineContext ctx) {
        int len = text.length();
        if (len > 80 || SENTENCE_END.matcher(text).find()) return null;
        boolean nearStart = ctx.index() < EDGE_LINES;
        boolean nearEnd = ctx.isInLastLines(TAIL_LINES);
        if (isBreadcrumb(text, nearStart)) return BREADCRUMB;
        if (len <= 30 && SHARE.matcher(text).find() && (nearStart || nearEnd || SHARE_LEAD.matcher(text).find())) {
            return SHARE_WIDGET;
        }
        String bare = DECORATION.matcher(text).replaceAll("");
        if (bare.length() <= 8 && RELATED.matcher(bare).matches() && (nearEnd || ctx.index() * 2 >= ctx.lineCount())) {
            return RELATED_LINKS;
        }
        if (FOOTER_STRONG.matcher(text).find()) return FOOTER;
        if (nearEnd && len <= 60 && FOOTER_WEAK.matcher(text).find()) return FOOTER;
        if (ctx.isInLastLines(5) && EDITOR_CREDIT.matcher(text).matches()) return FOOTER;
        if (len <= 40 && (NAVIGATION_LINE.matcher(text).matches() || PREV_NEXT.matcher(text).find())) return NAVIGATION;
        return null;
    }

    private static boolean isBreadcrumb(String text, boolean nearStart) {
        if (LOCATION_PREFIX.matcher(text).find()) return text.length() <= 60;
        if (text.length() > 60) return false;
        String[] parts = CRUMB_SEPARATOR.split(text);
        if (parts.length < 2) return false;
        boolean navWord = false;
        for (String p : parts) {
            if (p.isBlank() || p.length() > 12 || p.matches(".*[，,].*")) return false;
            if (CRUMB_WORD.matcher(p).matches()) navWord = true;
        }
        return navWord || nearStart;
    }
}
