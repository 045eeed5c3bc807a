package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.jiaokan.clean.Fixtures.simplified;
import static org.jiaokan.clean.Fixtures.spans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactionRuleTest {

    private final RedactionRule rule = new RedactionRule();

    private List<String> marked(String line) {
        return spans(line, rule.find(line, simplified()));
    }

    @Test
    void asteriskMarksFromSeed() {
        assertEquals(List.of("*"), marked("距离*奥运会开幕仅有几个小时"));
        assertEquals(List.of("**", "*", "*"), marked("共破获**功案件*起;各类刑事案件*起;"));
        assertEquals(List.of("*"), marked("从我县流入*。"));
        assertEquals(List.of("*"), marked("从我市流入*"));
        assertEquals(List.of("*"), marked("今年以来,全*各地扬言爆炸"));
        assertEquals(List.of("**"), marked("对“**功”等邪教"));
    }

    @Test
    void markIsKeptExactlyAndCertain() {
        List<Intervention> found = rule.find("×××同志讲话", simplified());
        assertEquals(List.of("×××"), spans("×××同志讲话", found));
        assertEquals(Cert.HIGH, found.get(0).cert());
        assertEquals("redacted", found.get(0).reason());
    }

    @Test
    void unseenMarks() {
        assertEquals(List.of("XX", "XX"), marked("XX市XX县公安局"));
        assertEquals(List.of("xxx"), marked("犯罪嫌疑人xxx,男"));
        assertEquals(List.of("○○"), marked("张○○,女"));
        assertEquals(List.of("□□"), marked("□□公司负责人"));
        assertEquals(List.of("＊＊"), marked("＊＊局长"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"面积为3×4米", "长×宽", "XXL码", "Xbox游戏", "Windows XP系统", "二○○八年八月", "5*3=15",
            ": l8 N* X\" Q4", "* * *", "〇〇七"})
    void genuineTextSurvives(String line) {
        assertTrue(rule.find(line, simplified()).isEmpty(), () -> line + " -> " + marked(line));
    }
}
