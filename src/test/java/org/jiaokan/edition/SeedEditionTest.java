package org.jiaokan.edition;

import org.jiaokan.TestSupport;
import org.jiaokan.model.Metadata;
import org.jiaokan.model.Script;
import org.jiaokan.read.Readers;
import org.jiaokan.tei.Readings;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five seeds through the whole conversion: the edition contract, seed by seed. */
class SeedEditionTest {
    /** Runs of short ASCII tokens: what jammer strings look like. */
    private static final Pattern JAMMER = Pattern.compile("(?:[!-~]{1,3} ){3,}[!-~]{1,3}");
    private static final Pattern PINYIN = Pattern.compile("[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]");

    static List<Path> seeds() {
        return TestSupport.seeds();
    }

    private static Document tei(Path seed) throws Exception {
        return TestSupport.parse(TestSupport.convert(seed, "2026-01-01"));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void diplomaticReadingIsTheDecodedSource(Path seed) throws Exception {
        String source = Readers.read(seed, null).text();
        assertEquals(TestSupport.noSpace(source), TestSupport.noSpace(Readings.diplomatic(tei(seed))));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void regularisedReadingHasNoJammerOrConverterPinyin(Path seed) throws Exception {
        String reg = Readings.regularised(tei(seed));
        Matcher j = JAMMER.matcher(reg);
        assertFalse(j.find(), () -> "jammer left in the reading: " + j.group());
        Matcher p = PINYIN.matcher(reg);
        assertFalse(p.find(), () -> "converter pinyin left in the reading: " + p.group());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void validAgainstJiaokanSchemaAndTeiAll(Path seed) throws Exception {
        byte[] bytes = TestSupport.convert(seed, "2026-01-01");
        assertEquals(List.of(), Schemas.jiaokan().validate(bytes, seed.toString()));
        assertEquals(List.of(), TestSupport.teiAll().validate(bytes, seed.toString()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void convertingTwiceGivesTheSameBytes(Path seed) throws Exception {
        assertArrayEquals(TestSupport.convert(seed, "2026-01-01"), TestSupport.convert(seed, "2026-01-01"));
    }

    @Test
    void seed001JammerAndStrayMarksAreOutOfTheReadingButKept() throws Exception {
        Document tei = tei(TestSupport.seed("001"));
        String reg = Readings.regularised(tei);
        String dip = Readings.diplomatic(tei);
        for (String junk : List.of("! y1 { b% b4 U: e5 n3 L", "+ l* {6 l% e R& Q; q4 a% k", ": l8 f0 C& ]2 Y\" w( _ l3 X0 N* X\" Q4 r; W")) {
            assertTrue(dip.contains(junk), junk);
            assertFalse(reg.contains(junk), junk);
        }
        assertFalse(reg.strip().endsWith("|"));
        assertTrue(reg.contains("今年是新中国成立75周年"));
        List<Element> heads = Dom.descendants(tei.getDocumentElement(), "head");
        assertTrue(heads.stream().anyMatch(h -> Readings.of(h, false).strip().equals("关键点 六个“必须坚持”")),
                "the embedded heading is split off as a head");
    }

    @Test
    void seed002PinyinOutGenuineParenthesesKeptMojibakeMarked() throws Exception {
        Document tei = tei(TestSupport.seed("002"));
        String reg = Readings.regularised(tei);
        assertTrue(reg.contains("安全穩定工作視頻會議"));
        assertTrue(reg.contains("負責同志"));
        assertTrue(reg.contains("社區(農村)警務室(站)"));
        assertTrue(reg.contains("“楓橋經驗”"));
        assertFalse(reg.contains("?!钡陌踩€"), "the mojibake is marked, not left in the clean reading");
        boolean marked = Dom.descendants(tei.getDocumentElement(), "sic").stream()
                .anyMatch(s -> s.getTextContent().contains("钡陌踩"));
        assertTrue(marked, "the byte-shifted run is encoded as sic");
    }

    @Test
    void seed003RedactionMarksAreKeptAsSourceRedactions() throws Exception {
        Document tei = tei(TestSupport.seed("003"));
        String source = Readers.read(TestSupport.seed("003"), null).text();
        Matcher m = Pattern.compile("\\*+").matcher(source);
        int marks = 0;
        while (m.find()) marks++;
        List<Element> gaps = Dom.descendants(tei.getDocumentElement(), "seg").stream()
                .filter(g -> "redaction".equals(g.getAttribute("type"))).toList();
        assertEquals(marks, gaps.size());
        assertTrue(gaps.stream().allMatch(g -> g.getTextContent().matches("\\*+")));
        String reg = Readings.regularised(tei);
        assertTrue(reg.contains("共破获**功案件*起"), "the marks stay in the reading as the source has them");
    }

    @Test
    void seed004BoilerplateIsFormeWorkAndBylineIsParsed() throws Exception {
        Path seed = TestSupport.seed("004");
        Document tei = tei(seed);
        String reg = Readings.regularised(tei);
        for (String fw : List.of("今日四川 > 正文", "微信掃碼", "網頁右上角按鈕分享", "推薦專題")) {
            assertFalse(reg.contains(fw), fw);
        }
        assertTrue(reg.contains("四川省公安局處長會議召開"));
        Metadata meta = TestSupport.model(seed).meta();
        assertEquals("中國網", meta.originalSource());
        assertEquals("劉映紅", meta.editor());
        assertEquals("鄒邇戈", meta.reporter());
        assertEquals("2020-03-25T18:08:57", meta.published().when());
        assertEquals("news-report", meta.docType());
    }

    @ParameterizedTest
    @MethodSource("metadata")
    void titleDateAndScript(String seed, String title, String when, Script script, String docType) throws Exception {
        Metadata meta = TestSupport.model(TestSupport.seed(seed)).meta();
        assertEquals(title, meta.title());
        assertEquals(when, meta.date() == null ? null : meta.date().when());
        assertEquals(script, meta.script());
        assertEquals(docType, meta.docType());
    }

    static List<Object[]> metadata() {
        return List.of(
                new Object[]{"000", "全国公安机关庆祝建党100周年安保维稳工作动员部署会4月27日召开", "2021-04-27", Script.SIMPLIFIED, "meeting-report"},
                new Object[]{"001", "今年公安工作怎么干?全国公安厅局长会议精神关键点提示", "2024-01-14", Script.SIMPLIFIED, "meeting-report"},
                new Object[]{"002", "5月30日下午,在收聽收看全省安全穩定工作視頻會議之后,市委…", "2019-05-30", Script.TRADITIONAL, "meeting-report"},
                new Object[]{"003", "在全县公安机关奥运安保工作会议上的讲话", "2008-08-08", Script.SIMPLIFIED, "speech"},
                new Object[]{"004", "四川省公安局處長會議召開 安排部署2020年全省公安工作", "2020-03-25", Script.TRADITIONAL, "news-report"});
    }

    @Test
    void inferredYearsCarryCertaintyAndAReason() throws Exception {
        Document tei = tei(TestSupport.seed("003"));
        Element date = Dom.descendants(tei.getDocumentElement(), "creation").get(0);
        Element d = Dom.child(date, "date").orElseThrow();
        assertEquals("2008-08-08", d.getAttribute("when"));
        assertEquals("medium", d.getAttribute("cert"));
        assertTrue(d.getTextContent().contains("8 August 2008"));
    }
}
