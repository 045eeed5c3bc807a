package org.jiaokan.clean;

import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Script;
import org.jiaokan.model.SourceLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jiaokan.clean.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoilerplateRuleTest {

    private final BoilerplateRule rule = new BoilerplateRule();

    private String type(String line, int index, int count) {
        List<Intervention> found = rule.find(line, at(index, count));
        if (found.isEmpty()) return null;
        assertEquals(1, found.size());
        assertEquals(Intervention.Kind.FORME_WORK, found.get(0).kind());
        return found.get(0).reason();
    }

    @Test
    void breadcrumbs() {
        assertEquals("breadcrumb", type("今日四川 > 正文", 0, 31));
        assertEquals("breadcrumb", type("首页 > 新闻 > 正文", 0, 40));
        assertEquals("breadcrumb", type("当前位置：首页 > 要闻动态", 2, 40));
        assertEquals("breadcrumb", type("首頁 » 警務資訊 » 正文", 20, 40));
    }

    @Test
    void shareWidgets() {
        assertEquals("share-widget", type("微信掃碼", 29, 31));
        assertEquals("share-widget", type("網頁右上角按鈕分享", 30, 31));
        assertEquals("share-widget", type("分享到：", 12, 40));
        assertEquals("share-widget", type("扫一扫在手机打开当前页", 38, 40));
    }

    @Test
    void relatedLinksHeaders() {
        assertEquals("related-links", type("相关文章", 20, 21));
        assertEquals("related-links", type("∥\u00a0推薦專題", 27, 31));
        assertEquals("related-links", type("【推荐阅读】", 30, 40));
        assertEquals("related-links", type("相关阅读：", 35, 40));
    }

    @Test
    void footersAndNavigation() {
        assertEquals("footer", type("版权所有 © 2019 某某市公安局 京ICP备12345678号", 39, 40));
        assertEquals("footer", type("Copyright © 2020 example.gov.cn All Rights Reserved", 39, 40));
        assertEquals("footer", type("（责任编辑：张三）", 38, 40));
        assertEquals("navigation", type("打印本页 关闭窗口", 37, 40));
        assertEquals("navigation", type("【打印】【关闭】", 37, 40));
        assertEquals("navigation", type("返回顶部", 39, 40));
        assertEquals("navigation", type("上一篇：全市公安工作会议召开", 36, 40));
    }

    @Test
    void genuineTextSurvives() {
        assertNull(type("要及时总结推广好经验好做法,加强交流分享,推动工作落实。", 30, 31));
        assertNull(type("分享经验", 10, 40));
        assertNull(type("相关文章", 0, 40));
        assertNull(type("收入 > 支出", 15, 40));
        assertNull(type("责任编辑：张三", 10, 40));
        assertNull(type("一、突出抓好防恐和反恐工作", 6, 21));
        assertNull(type("同志们:", 1, 21));
        assertNull(type("谢谢大家。", 19, 20));
        assertTrue(rule.find("   ", at(39, 40)).isEmpty());
    }

    @Test
    void readerHintMarksWholeLineWithReadersType() {
        SourceLine line = new SourceLine("更多精彩内容请关注我们的公众号和微博账号", Hint.BOILERPLATE, "advert");
        LineContext ctx = new LineContext(Script.SIMPLIFIED, 10, 40, Hint.BOILERPLATE);
        List<Intervention> found = new Cleaner().clean(line, ctx);
        assertEquals(1, found.size());
        assertEquals("advert", found.get(0).reason());
        assertEquals(line.text().length(), found.get(0).end());
    }

    /**
     * A line holding a sentence's end is told text without being converted: exact only while the simplifying table
     * keeps every such mark, which this checks against HanLP's table, and the answer is the one the converted line
     * gives, on lines that mix furniture words, marks and both scripts.
     */
    @Test
    void aLineWithASentencesEndIsTextWithoutBeingConverted() {
        for (char c : "。！？；".toCharArray()) {
            assertTrue(org.jiaokan.script.ScriptConverter.simplifyingKeeps(c), "the table keeps " + c);
            assertTrue(BoilerplateRule.keptSentenceEnd(String.valueOf(c), 0, 1));
        }
        String[] pieces = {"版權所有", "版权所有", "首页", " > ", "相关阅读", "。", "！", "？", "；", "打印", "关闭", "責任編輯：王", "微信掃碼", "，", "會議", " "};
        java.util.Random random = new java.util.Random(5);
        for (int k = 0; k < 3000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(5);
            for (int j = 0; j < n; j++) sb.append(pieces[random.nextInt(pieces.length)]);
            String line = sb.toString();
            int count = 2 + random.nextInt(40);
            LineContext ctx = at(random.nextInt(count), count);
            String trimmed = line.strip();
            String expected = trimmed.isEmpty() ? null : BoilerplateRule.classify(ChineseLexicon.toSimplified(trimmed), ctx);
            List<Intervention> found = rule.find(line, ctx);
            assertEquals(expected, found.isEmpty() ? null : found.get(0).reason(), line);
        }
    }
}
