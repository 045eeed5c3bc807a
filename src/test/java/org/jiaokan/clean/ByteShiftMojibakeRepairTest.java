package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.jiaokan.clean.Fixtures.simplified;
import static org.jiaokan.clean.Fixtures.traditional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteShiftMojibakeRepairTest {

    private final ByteShiftMojibakeRepair rule = new ByteShiftMojibakeRepair();

    /**
     * The run of the example edition: its first byte shows as {@code ?}, the full-width {@code ！} was
     * folded, and two bytes inside it (the trail of 全 and the lead of 穩) were lost without a mark. The
     * shifted reading recovers the text up to 安; the lost pair is not modelled, so the end stays unsure.
     */
    @Test
    void seedRunIsRepairedUpToItsLostPair() {
        String line = "堅決守牢“五個堅決防止、兩個確?!钡陌踩€(wěn)定工作底線,確保全市政治大局";
        List<Intervention> found = rule.find(line, traditional());
        assertEquals(1, found.size());
        Intervention iv = found.get(0);
        assertEquals("?!钡陌踩€", line.substring(iv.start(), iv.end()));
        assertEquals(Kind.CORRECTION, iv.kind());
        assertTrue(iv.replacement().startsWith("保”的安"), iv.replacement());
        assertEquals("byte-shift-mojibake", iv.reason());
    }

    /** Made by encoding 要保持嚴打高壓態勢 to GB18030 and decoding it one byte late. */
    @Test
    void unseenShiftWithoutHardTraceIsRepairedInTraditionalText() {
        String line = "要?３謬来蚋邏簯B勢";
        List<Intervention> found = rule.find(line, traditional());
        assertEquals(1, found.size());
        assertEquals(Kind.CORRECTION, found.get(0).kind());
        assertEquals("保持嚴打高壓態", found.get(0).replacement());
    }

    /** Made from 我們要堅持發展理念 the same way; a short run gives less evidence. */
    @Test
    void unseenShortShiftIsRepairedWithLowCertainty() {
        String line = "我們要?猿职l展理念";
        List<Intervention> found = rule.find(line, traditional());
        assertEquals(1, found.size());
        assertEquals("?猿职l", line.substring(found.get(0).start(), found.get(0).end()));
        assertEquals("堅持發", found.get(0).replacement());
    }

    @Test
    void hardTraceWithoutConvincingRepairIsFlaggedAsDamage() {
        String line = "據報道€€稱";
        List<Intervention> found = rule.find(line, traditional());
        assertEquals(1, found.size());
        assertEquals(Kind.DAMAGE, found.get(0).kind());
        assertEquals("€€", line.substring(found.get(0).start(), found.get(0).end()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "今年公安工作怎么干?全国公安厅局长会议精神关键点提示",
            "他们问:为什么?我们回答:因为!这是大家的共同心愿。",
            "有关部门组织开展“亮剑2019”专项行动?是的!",
            "價格為100€的商品,折合€20元",
            "要严密落实“1、3、5分钟”快速响应等机制,深化110与12345高效对接联动。",
            "今天是8月8日,距离*奥运会开幕仅有几个小时的时间了。"
    })
    void cleanSimplifiedTextIsLeftAlone(String line) {
        assertTrue(rule.find(line, simplified()).isEmpty(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "我們要堅持發展理念,發揚鬥爭精神,涌現出一批英雄模範。",
            "縱深推進掃黑除惡專項斗爭,生産生活秩序加快恢復。",
            "四川省公安廳黨委副書記、常務副廳長張穎主持會議。(鄒邇戈)",
            "來源:中國網    時間:2020-03-25 18:08:57    編輯:劉映紅",
            "為甚麼要這樣做?因為群眾需要!",
            "會議於上午十時在台北舉行,着力解決群眾反映強烈的問題。"
    })
    void cleanTraditionalTextIsLeftAlone(String line) {
        assertTrue(rule.find(line, traditional()).isEmpty(), line);
    }
}
