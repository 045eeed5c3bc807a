package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.jiaokan.clean.Fixtures.simplified;
import static org.jiaokan.clean.Fixtures.spans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JammerRuleTest {

    private final JammerRule rule = new JammerRule();

    private List<String> marked(String line) {
        return spans(line, rule.find(line, simplified()));
    }

    @Test
    void inlineRunTouchingTextAtLineStart() {
        String line = "! y1 { b% b4 U: e5 n3 L今年是新中国成立75周年";
        List<Intervention> found = rule.find(line, simplified());
        assertEquals(List.of("! y1 { b% b4 U: e5 n3 L"), spans(line, found));
        assertEquals(Cert.HIGH, found.get(0).cert());
        assertEquals("jammer", found.get(0).reason());
    }

    @Test
    void lineEndRunTakesItsLeadingSpace() {
        assertEquals(List.of(" + l* {6 l% e R& Q; q4 a% k"), marked("关键点 六个“必须坚持” + l* {6 l% e R& Q; q4 a% k"));
    }

    @Test
    void lineEndRunTouchingQuoteKeepsItsFirstMark() {
        assertEquals(List.of("; N2 ]. D) }; ]/ H$ ]7 f0 a"), marked("关键点 一个“总体要求”; N2 ]. D) }; ]/ H$ ]7 f0 a"));
        assertEquals(List.of("3 p, [& i! r, a# w5 \\4 ]"), marked("关键点 八个“重点任务”3 p, [& i! r, a# w5 \\4 ]"));
    }

    @Test
    void wholeLineRun() {
        String line = ": l8 f0 C& ]2 Y\" w( _ l3 X0 N* X\" Q4 r; W";
        assertEquals(List.of(line), marked(line));
    }

    @Test
    void lineEndRunOfMostlyMarksAndDigitsAfterAFullStop() {
        assertEquals(List.of("- ~8 w) \\3 @( {"), marked("先控制局面再说。- ~8 w) \\3 @( {"));
    }

    @Test
    void shortWholeLineRunWithOneGluedToken() {
        assertEquals(List.of("* x3 ^ P"), marked("* x3 ^ P"));
    }

    @Test
    void shortInlineRunWithOneGluedTokenIsText() {
        assertEquals(List.of(), marked("比例为 * x3 ^ P 时"));
    }

    @Test
    void formulaWithOneDigitGluedToAMarkIsNotJammer() {
        assertEquals(List.of(), marked("当 x = 1, y = 2 时成立。"));
    }

    @Test
    void strayMarkLine() {
        List<Intervention> found = rule.find("|", simplified());
        assertEquals(1, found.size());
        assertEquals("stray-mark", found.get(0).reason());
        assertEquals(List.of("｜"), marked("  ｜ "));
    }

    @Test
    void unseenRunBetweenSpacesTakesTrailingSpaceOnly() {
        assertEquals(List.of("# U3 H. a: Q) w, ]6 e "), marked("会议指出 # U3 H. a: Q) w, ]6 e 要坚持人民至上"));
    }

    @Test
    void unseenRunInsideAWordKeepsTheNumberBeforeIt() {
        assertEquals(List.of("]$ C* j4 c. E) g"), marked("群众满意度 ]$ C* j4 c. E) g提升明显"));
        assertEquals(List.of("7 ]$ C* j4 c. E) g"), marked("群众满意度7 ]$ C* j4 c. E) g提升明显"));
    }

    @Test
    void shortRunIsOnlyMedium() {
        List<Intervention> found = rule.find("安全& o7 K, x发展", simplified());
        assertEquals(List.of("& o7 K, x"), spans("安全& o7 K, x发展", found));
        assertEquals(Cert.MEDIUM, found.get(0).cert());
    }

    @Test
    void numberWithUnitBeforeRunIsContent() {
        assertEquals(List.of(" ! y1 { b% b4 U: e5"), marked("同比增长5% ! y1 { b% b4 U: e5"));
        assertEquals(List.of(" ! y1 { b% b4 U: e5"), marked("推进5G ! y1 { b% b4 U: e5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "來源:中國網    時間:2020-03-25 18:08:57    編輯:劉映紅",
            "要严密落实公安武警联勤武装巡逻和“1、3、5分钟”快速响应等机制",
            "認真執行“1,3,5分鐘”快反機制",
            "下载官方客户端(APP)即可办理",
            "深化110与12345高效对接联动",
            "推动5G网络和COVID-19疫苗研发,A股上涨",
            "详见 https://www.gov.cn/zhengce/ 网站",
            "推出 Made in China 2025 计划",
            "第1 2 3 名",
            "选项 A. B. C. D. 中选择",
            "公式 a + b = c 成立",
            "设 x = 1, y = 2 时",
            "加大 R&D Q&A P2P 投入",
            "笑脸 :) :-) ^_^ 表情",
            "OK OK OK",
            "全省刑事案件同比下降11.3%,日均330萬條數據",
            "* * *"
    })
    void genuineContentSurvives(String line) {
        assertTrue(rule.find(line, simplified()).isEmpty(), () -> "marked in: " + line + " -> " + marked(line));
    }
}
