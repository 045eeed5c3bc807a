package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.jiaokan.clean.Fixtures.spans;
import static org.jiaokan.clean.Fixtures.traditional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinyinArtifactRuleTest {

    private final PinyinArtifactRule rule = new PinyinArtifactRule();

    @Test
    void glossesFromSeedAreCertain() {
        String line = "全省安全穩(wěn)定工作,深入學(xué)習(xí)貫徹,負(fù)責(zé)同志";
        List<Intervention> found = rule.find(line, traditional());
        assertEquals(List.of("(wěn)", "(xué)", "(xí)", "(fù)", "(zé)"), spans(line, found));
        assertTrue(found.stream().allMatch(iv -> iv.cert() == Cert.HIGH && iv.reason().equals("converter-pinyin")));
    }

    @Test
    void fullWidthParenthesesAndUnseenGlosses() {
        String line = "經（jīng）濟發（fā）展,綠(lǜ)色,準(zhǔn)備";
        assertEquals(List.of("（jīng）", "（fā）", "(lǜ)", "(zhǔn)"), spans(line, rule.find(line, traditional())));
    }

    @Test
    void polyphonicCharacterAcceptsAnyReading() {
        assertEquals(Cert.HIGH, PinyinArtifactRule.judge('行', "háng"));
        assertEquals(Cert.HIGH, PinyinArtifactRule.judge('行', "xíng"));
    }

    @Test
    void decomposedToneMarksAreRecognised() {
        String line = "穩(we\u030Cn)定";
        assertEquals(List.of("(we\u030Cn)"), spans(line, rule.find(line, traditional())));
    }

    @Test
    void wrongReadingIsOnlyLikely() {
        List<Intervention> found = rule.find("穩(bǎo)定", traditional());
        assertEquals(1, found.size());
        assertEquals(Cert.MEDIUM, found.get(0).cert());
    }

    @Test
    void tonelessGlossCountsOnlyWhenItIsTheReading() {
        assertEquals(Cert.MEDIUM, rule.find("同志們(men)", traditional()).get(0).cert());
        assertTrue(rule.find("項目(a)款", traditional()).isEmpty());
    }

    @Test
    void glossAfterMojibakeIsLikely() {
        String line = "兩個確?!钡陌踩€(wěn)定";
        List<Intervention> found = rule.find(line, traditional());
        assertEquals(List.of("(wěn)"), spans(line, found));
        assertEquals(Cert.MEDIUM, found.get(0).cert());
    }

    @ParameterizedTest
    @ValueSource(strings = {"推動社區(農村)警務室(站)", "下载客户端(APP)", "講話(2015年2月6日)", "主持會議。(鄒邇戈)",
            "各市(州)公安局、縣(市、區)公安(分)局", "使用(Windows)系统", "見附件(a)", "(wěn)開頭", "單位(xyz)"})
    void genuineParenthesesSurvive(String line) {
        assertTrue(rule.find(line, traditional()).isEmpty(), line);
    }

    @Test
    void pinyinInsideGenuineParenthesesIsMarkedButTheParenthesesStay() {
        String line = "社區(qū)(農(nóng)村)警務(wù)室(站)";
        assertEquals(List.of("(qū)", "(nóng)", "(wù)"), spans(line, rule.find(line, traditional())));
    }
}
