package org.jiaokan.publish.pdf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which texts are laid out with OpenType's complex-script features, and which without. */
class ComplexScriptsTest {
    @Test
    void chineseInBothScriptsAndLatinGreekAndCyrillicDoNot() {
        assertFalse(PdfEngine.needsComplexScripts("各派出所：现将《治安防控工作要点》印发给你们，请结合实际认真贯彻执行。"));
        assertFalse(PdfEngine.needsComplexScripts("各派出所：現將《治安防控工作要點》印發給你們——請結合實際〔2021〕12號·認真貫徹執行。"));
        assertFalse(PdfEngine.needsComplexScripts("穩(wěn)定 Zhōngguó ϑ≤0.5 «Отчёт» x−y 〓 \u200B \uE425 한국"));
        assertFalse(PdfEngine.needsComplexScripts(""));
    }

    @Test
    void rightToLeftShapedScriptsAndCombiningMarksDo() {
        assertTrue(PdfEngine.needsComplexScripts("名称 العربية"));
        assertTrue(PdfEngine.needsComplexScripts("עברית"));
        assertTrue(PdfEngine.needsComplexScripts("हिन्दी"));
        assertTrue(PdfEngine.needsComplexScripts("ภาษาไทย"));
        assertTrue(PdfEngine.needsComplexScripts("བོད་"));
        assertTrue(PdfEngine.needsComplexScripts("e\u0301"), "a combining acute accent");
        assertTrue(PdfEngine.needsComplexScripts("abc\u200Fdef"), "a right-to-left mark");
        assertTrue(PdfEngine.needsComplexScripts("葛\uDB40\uDD00"), "an ideographic variation selector");
    }
}
