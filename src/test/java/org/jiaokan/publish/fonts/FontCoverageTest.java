package org.jiaokan.publish.fonts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FontCoverage} over invented texts, against the pinned faces as FOP loads them. */
class FontCoverageTest {
    static CjkFonts fonts;
    static FontCoverage coverage;

    @BeforeAll
    static void load() throws Exception {
        fonts = PinnedFonts.get();
        coverage = FontCoverage.of(fonts);
    }

    static final String SIMPLIFIED = "【通报】东湖区公安分局于2025年3月12日召开“平安社区”专项整治部署会，要求各派出所——特别是滨江、"
            + "柳林两所——加强夜间巡逻；会议强调：“群众利益无小事！”（完）〔2025〕第１７号《关于加强治安防控的通知》……";
    static final String TRADITIONAL = "【通報】東湖區公安分局於2025年3月12日召開「平安社區」專項整治部署會，要求各派出所——特別是濱江、"
            + "柳林兩所——加強夜間巡邏；會議強調：『群眾利益無小事！』（完）〔2025〕第１７號《關於加強治安防控的通知》……";

    @Test
    void inventedTextsInBothScriptsAreCoveredByTheSerif() {
        for (String text : List.of(SIMPLIFIED, TRADITIONAL)) {
            FontCoverage.Report r = coverage.check(text);
            assertTrue(r.complete(), () -> "missing: " + r.missing());
            assertEquals(List.of(), List.copyOf(r.missingInSerif()), text);
            assertEquals(text.codePoints().distinct().count(), r.checked(), "every distinct character is checked once");
        }
    }

    @Test
    void charactersInNeitherFaceAreReportedInCodePointOrder() {
        String text = "市局通报𓀀：张𠀀同志";
        FontCoverage.Report r = coverage.check(text);
        assertFalse(r.complete());
        assertEquals(List.of(0x13000, 0x20000), List.copyOf(r.missing()));
        assertTrue(r.missingInSerif().containsAll(r.missing()));
        assertEquals(new TreeSet<>(List.of(0x13000, 0x20000)), missing(text));
        assertEquals("U+20000 𠀀 (CJK UNIFIED IDEOGRAPHS EXTENSION B 20000)", FontCoverage.describe(0x20000));
    }

    @Test
    void aCharacterOnlyTheSansHasCountsAsCoveredThroughTheFallback() {
        // Hangul and CJK extension A: WenQuanYi Zen Hei has them, AR PL UMing does not.
        FontCoverage.Report r = coverage.check("韩国首尔（서울）㐀");
        assertTrue(r.complete(), () -> "missing: " + r.missing());
        SortedSet<Integer> expected = new TreeSet<>(List.of((int) '서', (int) '울', 0x3400));
        assertEquals(expected, r.onlyInSans());
        assertEquals(expected, r.missingInSerif());
        assertFalse(coverage.inSerif('서'));
        assertTrue(coverage.inSans('서'));
    }

    @Test
    void greekCyrillicAndMathematicalSignsComeFromTheFacesForOtherScripts() {
        // ϑ (theta symbol) and the minus sign: in neither CJK face, in DejaVu; Chinese stays with the CJK faces.
        assertTrue(fonts.fallbackSerif() != null && fonts.fallbackSans() != null, "the pinned faces include DejaVu");
        FontCoverage.Report r = coverage.check("公式ϑ＝∮−Ж");
        assertTrue(r.complete(), () -> "missing: " + r.missing());
        assertTrue(r.onlyInFallback().containsAll(List.of(0x3D1, 0x2212)), () -> "only in DejaVu: " + r.onlyInFallback());
        assertFalse(r.onlyInFallback().contains((int) '公'));
        assertFalse(coverage.inFallback('公'), "DejaVu has no ideographs: the CJK faces set the Chinese");
        assertTrue(coverage.inFallback(0x3D1));
        // A private-use character and an Egyptian hieroglyph are in no face: still missing.
        assertEquals(List.of(0xF1E6, 0x13000), List.copyOf(coverage.check("\uF1E6𓀀").missing()));
    }

    @Test
    void spacesAndControlCharactersTakeNoGlyphAndAreNotChecked() {
        FontCoverage.Report r = coverage.check("\t \u3000\u00A0\u200B\uFEFF\u001B\n");
        assertEquals(0, r.checked());
        assertTrue(r.complete());
        assertFalse(FontCoverage.takesGlyph('\u3000'));
        assertTrue(FontCoverage.takesGlyph('〔'));
    }

    private static SortedSet<Integer> missing(String text) {
        try {
            return FontCoverage.missing(fonts, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
