package org.jiaokan.tei;

import org.jiaokan.TestSupport;
import org.jiaokan.read.Readers;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Enumerations, the closing exhortation and redaction marks in the body, on invented speeches in both scripts. */
class BodyStructureTest {
    @TempDir
    Path tmp;

    static final String SPEECH_HANS = """
            在全县公安机关春季安全防范工作会议上的讲话
            同志们：
            今天召开全县公安机关春季安全防范工作会议，主要任务是总结去年工作，部署今年任务。
            一、充分肯定过去一年的工作成绩
            过去一年，全县公安机关主要做了以下几方面工作：
            ——抓好统筹，推动各项安全防范措施落实落地；
            ——抓好基层，夯实派出所和社区警务基础工作；
            ——抓好队伍，锻造忠诚干净担当的公安铁军。
            去年共破获**案件*起，抓获犯罪嫌疑人×××等人。
            二、突出抓好今年的重点工作
            今年的工作要求是：一是坚决维护政治安全，严防各类风险隐患；二是全力打击违法犯罪，提升群众安全感；三是持续深化基层基础建设，夯实工作根基。
            具体要做到以下几点：
            1. 加强组织领导，各单位主要负责同志要亲自抓、负总责。
            2. 强化督导检查，对工作不力的单位要通报批评。
            3. 严格责任追究，确保各项措施落到实处。
            同志们，新的一年任务艰巨、责任重大，让我们紧密团结，扎实工作，奋力开创全县公安工作新局面！
            谢谢大家。
            """;

    static final String SPEECH_HANT = """
            在全縣公安機關春季安全防範工作會議上的講話
            同志們：
            今天召開全縣公安機關春季安全防範工作會議，主要任務是總結去年工作，部署今年任務。
            一、充分肯定過去一年的工作成績
            過去一年，全縣公安機關主要做了以下幾方面工作：
            ——抓好統籌，推動各項安全防範措施落實落地；
            ——抓好基層，夯實派出所和社區警務基礎工作；
            ——抓好隊伍，鍛造忠誠乾淨擔當的公安鐵軍。
            去年共破獲**案件*起，抓獲犯罪嫌疑人×××等人。
            二、突出抓好今年的重點工作
            今年的工作要求是：一是堅決維護政治安全，嚴防各類風險隱患；二是全力打擊違法犯罪，提升群眾安全感；三是持續深化基層基礎建設，夯實工作根基。
            具體要做到以下幾點：
            （1）加強組織領導，各單位主要負責同志要親自抓、負總責。
            （2）強化督導檢查，對工作不力的單位要通報批評。
            （3）嚴格責任追究，確保各項措施落到實處。
            同志們，新的一年任務艱巨、責任重大，讓我們緊密團結，紮實工作，奮力開創全縣公安工作新局面！
            謝謝大家。
            """;

    private Document convert(String name, String text) throws Exception {
        Path src = tmp.resolve(name);
        Files.writeString(src, text, StandardCharsets.UTF_8);
        byte[] bytes = TestSupport.convert(src, "2026-12-01");
        assertEquals(List.of(), Schemas.jiaokan().validate(bytes, name));
        assertEquals(List.of(), TestSupport.teiAll().validate(bytes, name));
        Document tei = Xml.parse(bytes);
        assertEquals(TestSupport.noSpace(Readers.read(src, null).text()), TestSupport.noSpace(Readings.diplomatic(tei)),
                "lossless");
        return tei;
    }

    private static List<Element> all(Document tei, String name) {
        return Dom.descendants(Dom.child(tei.getDocumentElement(), "text").orElseThrow(), name);
    }

    private static String parentName(Element e) {
        return ((Element) e.getParentNode()).getLocalName();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void dashAndNumberedRunsAreLists(boolean simplified) throws Exception {
        Document tei = convert("speech.txt", simplified ? SPEECH_HANS : SPEECH_HANT);
        List<Element> lists = all(tei, "list").stream().filter(l -> "div".equals(parentName(l))).toList();
        assertEquals(List.of("dash", "numbered"), lists.stream().map(l -> l.getAttribute("type")).toList());
        List<Element> dash = Dom.children(lists.get(0), "item");
        assertEquals(3, dash.size());
        assertTrue(dash.get(0).getTextContent().startsWith("——抓好"));
        List<Element> numbered = Dom.children(lists.get(1), "item");
        assertEquals(3, numbered.size());
        assertTrue(numbered.get(2).getTextContent().contains(simplified ? "严格责任追究" : "嚴格責任追究"));
        // Items are citable: they carry the ids their paragraphs had, and the list takes the first item's.
        for (Element item : numbered) assertTrue(org.jiaokan.tei.DocumentIds.local(Dom.xmlId(item)).matches("b-[0-9a-f]{6}"), Dom.xmlId(item));
        assertEquals("l" + org.jiaokan.tei.DocumentIds.local(Dom.xmlId(dash.get(0))).substring(1), org.jiaokan.tei.DocumentIds.local(Dom.xmlId(lists.get(0))));
        // The lead-in stays a paragraph of the same section, before its list.
        org.w3c.dom.Node before = lists.get(0).getPreviousSibling();
        while (!(before instanceof Element)) before = before.getPreviousSibling();
        Element lead = (Element) before;
        assertEquals("p", lead.getLocalName());
        assertTrue(lead.getTextContent().endsWith("工作："));
        assertEquals("section", ((Element) lists.get(0).getParentNode()).getAttribute("type"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void enumerationInsideAParagraphIsARunInList(boolean simplified) throws Exception {
        Document tei = convert("speech.txt", simplified ? SPEECH_HANS : SPEECH_HANT);
        List<Element> runIn = all(tei, "list").stream().filter(l -> "run-in".equals(l.getAttribute("type"))).toList();
        assertEquals(1, runIn.size());
        Element p = (Element) runIn.get(0).getParentNode();
        assertEquals("p", p.getLocalName());
        assertTrue(p.getFirstChild().getTextContent().startsWith(simplified ? "今年的工作要求是" : "今年的工作要求是"));
        List<Element> items = Dom.children(runIn.get(0), "item");
        assertEquals(3, items.size());
        assertTrue(items.get(0).getTextContent().startsWith("一是"));
        assertTrue(items.get(1).getTextContent().startsWith("二是"));
        assertTrue(items.get(2).getTextContent().startsWith("三是"));
        assertTrue(items.get(2).getTextContent().endsWith("根基。"));
        assertEquals(Dom.xmlId(p) + "-i2", Dom.xmlId(items.get(1)));
    }

    @Test
    void theParagraphKeepsItsIdWhenItHoldsARunInList() throws Exception {
        String para = "工作要求：一是严格落实值班备勤制度，确保通信畅通；二是加强重点部位巡逻防控，及时处置警情。";
        Document withList = convert("a.txt", "关于做好节日期间安全工作的通知\n" + para + "\n");
        Document plain = convert("b.txt", "关于做好节日期间安全工作的通知\n" + para.replace("二是", "另外") + "\n");
        Element listed = all(withList, "p").stream().filter(p -> p.getTextContent().equals(para)).findFirst().orElseThrow();
        assertEquals(1, Dom.children(listed, "list").size());
        assertEquals(org.jiaokan.tei.BlockIds.assign(List.of(new org.jiaokan.model.Block(
                org.jiaokan.model.Block.Type.P, para, List.of(), List.of(), ""))).get(0).id(), org.jiaokan.tei.DocumentIds.local(Dom.xmlId(listed)));
        assertTrue(all(plain, "list").isEmpty(), "one marker alone is no enumeration");
    }

    @Test
    void aLoneNumberedLineOrBrokenNumberingIsNoList() throws Exception {
        Document tei = convert("n.txt", """
                关于开展消防安全检查的通知
                1. 各单位要对辖区内的重点场所开展一次全面检查。
                3. 检查结果于本月底前报局指挥中心。
                ——此项工作由治安大队负责。
                """);
        assertTrue(all(tei, "list").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void twoEnumerationsInOneParagraphAreTwoListsWithTheTextBetweenThem(boolean simplified) throws Exception {
        String para = simplified
                ? "会议要求，严密防范各类风险。一是强化情报信息研判；二是严格落实重点人员管控。会议强调，深入开展矛盾纠纷排查化解。一是加大排查工作力度，二是落实化解稳控责任。"
                : "會議要求，嚴密防範各類風險。一是強化情報信息研判；二是嚴格落實重點人員管控。會議強調，深入開展矛盾糾紛排查化解。一是加大排查工作力度，二是落實化解穩控責任。";
        Document tei = convert("two.txt", (simplified ? "关于做好近期安全稳定工作的通报\n" : "關於做好近期安全穩定工作的通報\n") + para + "\n");
        Element p = all(tei, "p").stream().filter(e -> e.getTextContent().equals(para)).findFirst().orElseThrow();
        List<Element> lists = Dom.children(p, "list");
        assertEquals(2, lists.size());
        assertEquals(List.of("i1", "i2", "i3", "i4"), all(tei, "item").stream()
                .map(i -> Dom.xmlId(i).substring(Dom.xmlId(i).lastIndexOf('-') + 1)).toList());
        String between = lists.get(0).getNextSibling().getTextContent();
        assertTrue(between.startsWith(simplified ? "会议强调" : "會議強調"), between);
        assertTrue(Dom.children(lists.get(0), "item").get(1).getTextContent().endsWith(simplified ? "管控。" : "管控。"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void closingExhortationBelongsToNoSection(boolean simplified) throws Exception {
        Document tei = convert("speech.txt", simplified ? SPEECH_HANS : SPEECH_HANT);
        Element exhortation = all(tei, "p").stream()
                .filter(p -> p.getTextContent().startsWith(simplified ? "同志们，新的一年" : "同志們，新的一年")).findFirst().orElseThrow();
        Element own = (Element) exhortation.getParentNode();
        assertEquals("exhortation", own.getAttribute("type"));
        assertEquals("d" + org.jiaokan.tei.DocumentIds.local(Dom.xmlId(exhortation)).substring(1), org.jiaokan.tei.DocumentIds.local(Dom.xmlId(own)));
        assertTrue(Dom.children(own, "head").isEmpty());
        Element div = (Element) own.getParentNode();
        assertEquals("d-body", org.jiaokan.tei.DocumentIds.local(Dom.xmlId(div)), "the exhortation is in the speech's top division");
        List<Element> sections = Dom.children(div, "div");
        assertEquals(List.of("section", "section", "exhortation"), sections.stream().map(d -> d.getAttribute("type")).toList());
        // It follows the last section, and the closer follows it.
        assertTrue(own.compareDocumentPosition(sections.get(1)) == org.w3c.dom.Node.DOCUMENT_POSITION_PRECEDING);
        assertEquals(1, Dom.children(div, "closer").size());
        assertFalse(sections.get(1).getTextContent().contains("新的一年"));
        assertEquals(Dom.children(div, null).get(Dom.children(div, null).size() - 1).getLocalName(), "closer");
    }

    @Test
    void anAddressOpeningASectionStaysInIt() throws Exception {
        Document tei = convert("s.txt", """
                在全市禁毒工作会议上的讲话
                同志们：
                一、认清形势
                同志们，当前禁毒形势依然严峻复杂，我们必须保持清醒头脑。
                二、明确任务
                各地要把禁毒工作摆上重要议事日程。
                """);
        Element p = all(tei, "p").stream().filter(e -> e.getTextContent().startsWith("同志们，当前")).findFirst().orElseThrow();
        assertEquals("section", ((Element) p.getParentNode()).getAttribute("type"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void redactionMarksAreInTheTextFlowAndInBothReadings(boolean simplified) throws Exception {
        Document tei = convert("speech.txt", simplified ? SPEECH_HANS : SPEECH_HANT);
        List<Element> segs = all(tei, "seg").stream().filter(s -> "redaction".equals(s.getAttribute("type"))).toList();
        assertEquals(List.of("**", "*", "×××"), segs.stream().map(Element::getTextContent).toList());
        for (Element s : segs) {
            assertTrue(TeiWriter.isOwnResp(s.getAttribute("resp")), s.getAttribute("resp"));
            assertTrue(Dom.children(s, null).isEmpty(), "the mark is text of the seg itself, not hidden in desc");
        }
        assertTrue(all(tei, "gap").isEmpty());
        String line = simplified ? "去年共破获**案件*起，抓获犯罪嫌疑人×××等人。" : "去年共破獲**案件*起，抓獲犯罪嫌疑人×××等人。";
        assertTrue(Readings.diplomatic(tei).contains(line));
        assertTrue(Readings.regularised(tei).contains(line));
        String decl = Dom.descendants(tei.getDocumentElement(), "editorialDecl").get(0).getTextContent();
        assertTrue(decl.contains("seg type=\"redaction\""), decl);
    }

    @Test
    void otherRedactionMarksAreSegsToo() throws Exception {
        Document tei = convert("r.txt", """
                关于XXX派出所民警违纪问题的通报
                ××县公安局：
                经查，XXX派出所民警**于某日在辖区内违规饮酒，造成恶劣影响。
                """);
        List<String> marks = all(tei, "seg").stream().filter(s -> "redaction".equals(s.getAttribute("type")))
                .map(Element::getTextContent).toList();
        assertEquals(List.of("XXX", "××", "XXX", "**"), marks);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void editorsSuppliedWordsAndItemCorrectionsSurviveReconversion(boolean simplified) throws Exception {
        String source = simplified ? SPEECH_HANS : SPEECH_HANT;
        Path src = tmp.resolve("speech.txt");
        Files.writeString(src, source, StandardCharsets.UTF_8);
        Document edited = Xml.parse(TestSupport.convert(src, "2026-12-01"));
        // The editor restores the withheld words inside the redaction, and corrects an item of a list.
        Element seg = all(edited, "seg").stream().filter(e -> "**".equals(e.getTextContent())).findFirst().orElseThrow();
        Element supplied = edited.createElementNS(Xml.TEI_NS, "supplied");
        supplied.setAttribute("resp", "#editor");
        supplied.setAttribute("reason", "redacted");
        supplied.setTextContent(simplified ? "电信诈骗" : "電信詐騙");
        if (simplified) {
            seg.appendChild(supplied);
        } else {
            // The other form an editor may choose: the mark and the words as alternatives.
            Element choice = edited.createElementNS(Xml.TEI_NS, "choice");
            seg.getParentNode().replaceChild(choice, seg);
            choice.appendChild(seg);
            choice.appendChild(supplied);
        }
        Element item = all(edited, "item").get(1);
        Element note = edited.createElementNS(Xml.TEI_NS, "note");
        note.setAttribute("type", "editorial");
        note.setAttribute("resp", "#editor");
        note.setTextContent("Checked against the printed text.");
        item.appendChild(note);
        String itemId = Dom.xmlId(item);
        // And adds a note of their own after the dash list.
        Element dashList = (Element) item.getParentNode();
        Element added = edited.createElementNS(Xml.TEI_NS, "note");
        added.setAttribute("type", "editorial");
        added.setAttribute("resp", "#editor");
        added.setTextContent("Editor's remark on the list.");
        dashList.getParentNode().insertBefore(added, dashList.getNextSibling());
        String pId = Dom.xmlId((Element) (simplified ? seg.getParentNode() : seg.getParentNode().getParentNode()));

        Document fresh = Xml.parse(TestSupport.convert(src, "2026-12-01"));
        CorrectionMerger.Result merged = CorrectionMerger.merge(fresh, Xml.parse(org.jiaokan.xml.XmlWriter.bytes(edited)));
        assertTrue(merged.keptUnits().containsAll(List.of(pId, itemId)), merged.keptUnits().toString());
        Document tei = merged.document();
        byte[] bytes = org.jiaokan.xml.XmlWriter.bytes(tei);
        assertEquals(List.of(), Schemas.jiaokan().validate(bytes, "merged.xml"));
        assertEquals(List.of(), TestSupport.teiAll().validate(bytes, "merged.xml"));
        // Nothing is doubled: one list of each kind, the corrected item in its place.
        assertEquals(List.of("dash", "run-in", "numbered"), all(tei, "list").stream().map(l -> l.getAttribute("type")).toList());
        Element keptItem = all(tei, "item").get(1);
        assertEquals(itemId, Dom.xmlId(keptItem));
        assertEquals(1, Dom.children(keptItem, "note").size());
        org.w3c.dom.Node afterList = keptItem.getParentNode().getNextSibling();
        while (!(afterList instanceof Element)) afterList = afterList.getNextSibling();
        assertEquals("Editor's remark on the list.", afterList.getTextContent(), "the editor's note stays after the list");
        assertEquals(TestSupport.noSpace(Readers.read(src, null).text()), TestSupport.noSpace(Readings.diplomatic(tei)));
        String reg = Readings.regularised(tei);
        assertTrue(reg.contains(simplified ? "去年共破获电信诈骗案件*起" : "去年共破獲電信詐騙案件*起"), reg);
        assertTrue(Readings.diplomatic(tei).contains(simplified ? "去年共破获**案件*起" : "去年共破獲**案件*起"));
    }

    @Test
    void anEditorsLanguageOfTheDocumentSurvivesReconversion() throws Exception {
        // The root's attributes were no unit: the build gave the detected script back to an editor's xml:lang="en".
        Path src = tmp.resolve("speech.txt");
        Files.writeString(src, SPEECH_HANS, StandardCharsets.UTF_8);
        byte[] first = TestSupport.convert(src, "2026-12-01");
        Document fresh = Xml.parse(TestSupport.convert(src, "2026-12-01"));
        // untouched, the root stays Jiaokan's
        CorrectionMerger.Result same = CorrectionMerger.merge(fresh, Xml.parse(first));
        assertFalse(same.keptUnits().contains("TEI (attributes)"), same.keptUnits().toString());
        Document edited = Xml.parse(first);
        String lang = edited.getDocumentElement().getAttributeNS(Xml.XML_NS, "lang");
        assertEquals("zh-Hans", lang);
        edited.getDocumentElement().setAttributeNS(Xml.XML_NS, "xml:lang", "en");
        CorrectionMerger.Result merged = CorrectionMerger.merge(Xml.parse(TestSupport.convert(src, "2026-12-01")),
                Xml.parse(org.jiaokan.xml.XmlWriter.bytes(edited)));
        assertTrue(merged.keptUnits().contains("TEI (attributes)"), merged.keptUnits().toString());
        assertEquals("en", merged.document().getDocumentElement().getAttributeNS(Xml.XML_NS, "lang"));
        // and stays the editor's at the next build
        CorrectionMerger.Result again = CorrectionMerger.merge(Xml.parse(TestSupport.convert(src, "2026-12-01")),
                Xml.parse(org.jiaokan.xml.XmlWriter.bytes(merged.document())));
        assertEquals("en", again.document().getDocumentElement().getAttributeNS(Xml.XML_NS, "lang"));
        assertEquals(List.of(), Schemas.jiaokan().validate(org.jiaokan.xml.XmlWriter.bytes(again.document()), "merged.xml"));
    }

    @Test
    void suppliedWordsInARedactionAreTheRegularisedReading() throws Exception {
        String xml = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>破获<seg type=\"redaction\" resp=\"#jk\">**"
                + "<supplied reason=\"redacted\" resp=\"#editor\">诈骗</supplied></seg>案件<seg type=\"redaction\" resp=\"#jk\">*</seg>起</p>"
                + "</body></text></TEI>";
        Document tei = Xml.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals("破获**案件*起", Readings.diplomatic(tei));
        assertEquals("破获诈骗案件*起", Readings.regularised(tei));

        String choice = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><p>破獲<choice><seg type=\"redaction\" resp=\"#jk\">**</seg>"
                + "<supplied reason=\"redacted\" resp=\"#editor\">詐騙</supplied></choice>案件<seg type=\"redaction\" resp=\"#jk\">*</seg>起</p>"
                + "</body></text></TEI>";
        Document alt = Xml.parse(choice.getBytes(StandardCharsets.UTF_8));
        assertEquals("破獲**案件*起", Readings.diplomatic(alt));
        assertEquals("破獲詐騙案件*起", Readings.regularised(alt));
    }
}
