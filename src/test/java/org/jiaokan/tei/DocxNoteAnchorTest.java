package org.jiaokan.tei;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jiaokan.TestSupport;
import org.jiaokan.read.Readers;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOCX notes stand where the source refers to them, and the text gains no reference mark. */
class DocxNoteAnchorTest {
    @TempDir
    Path tmp;

    private static final String[][] TEXTS = {
            // title, paragraph before the reference, after it, note 1, note 2 (two paragraphs), unreferenced note, second paragraph
            {"关于开展夏季治安打击整治行动的实施方案", "根据省公安厅统一部署", "，市局决定在全市开展夏季治安打击整治行动。",
                    "指省公安厅2022年6月印发的通知。", "夏季行动期间实行日报告制度。", "重大情况随时报告。", "本方案未列明的事项另行通知。",
                    "各分局要在7月10日前将工作方案报市局指挥中心", "，逾期未报的予以通报。"},
            {"關於開展夏季治安打擊整治行動的實施方案", "根據省公安廳統一部署", "，市局決定在全市開展夏季治安打擊整治行動。",
                    "指省公安廳2022年6月印發的通知。", "夏季行動期間實行日報告制度。", "重大情況隨時報告。", "本方案未列明的事項另行通知。",
                    "各分局要在7月10日前將工作方案報市局指揮中心", "，逾期未報的予以通報。"}};

    static byte[] docx(String[] t) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(t[0]);
            XWPFParagraph p1 = doc.createParagraph();
            p1.createRun().setText(t[1]);
            XWPFFootnote n1 = doc.createFootnote();
            n1.createParagraph().createRun().setText(t[3]);
            p1.addFootnoteReference(n1);
            p1.createRun().setText(t[2]);
            XWPFParagraph p2 = doc.createParagraph();
            p2.createRun().setText(t[7]);
            XWPFFootnote n2 = doc.createFootnote();
            n2.createParagraph().createRun().setText(t[4]);
            n2.createParagraph().createRun().setText(t[5]);
            p2.addFootnoteReference(n2);
            p2.createRun().setText(t[8]);
            // A note nothing in the text refers to.
            XWPFFootnote n3 = doc.createFootnote();
            n3.createParagraph().createRun().setText(t[6]);
            doc.write(out);
            return out.toByteArray();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void notesStandAtTheirReferences(int script) throws Exception {
        String[] t = TEXTS[script];
        Path src = Files.write(tmp.resolve("plan.docx"), docx(t));
        byte[] bytes = TestSupport.convert(src, "2026-12-01");
        assertEquals(List.of(), Schemas.jiaokan().validate(bytes, "plan.xml"));
        assertEquals(List.of(), TestSupport.teiAll().validate(bytes, "plan.xml"));
        Document tei = Xml.parse(bytes);
        String diplomatic = Readings.diplomatic(tei);
        assertEquals(TestSupport.noSpace(Readers.read(src, null).text()), TestSupport.noSpace(diplomatic), "lossless");
        assertFalse(diplomatic.matches("(?s).*\\[e?\\d+].*"), "no reference mark the source lacks: " + diplomatic);

        Element text = Dom.child(tei.getDocumentElement(), "text").orElseThrow();
        List<Element> notes = Dom.descendants(text, "note");
        assertEquals(3, notes.size());
        // Note 1 in the first paragraph, exactly where the reference stood.
        Element first = notes.get(0);
        assertEquals("footnote", first.getAttribute("type"));
        assertEquals("foot", first.getAttribute("place"));
        Element p1 = (Element) first.getParentNode();
        assertEquals("p", p1.getLocalName());
        assertEquals(t[1] + t[3] + t[2], Readings.of(p1, true));
        assertEquals(t[3], first.getTextContent());
        assertTrue(org.jiaokan.tei.DocumentIds.local(Dom.xmlId(first)).matches("b-[0-9a-f]{6}"), "a one-paragraph note is citable by its id");
        // Note 2 has two paragraphs: they are p inside the note, inside the paragraph referring to it.
        Element second = notes.get(1);
        assertEquals("p", ((Element) second.getParentNode()).getLocalName());
        assertEquals(List.of(t[4], t[5]), Dom.children(second, "p").stream().map(Element::getTextContent).toList());
        assertEquals(t[7] + t[4] + t[5] + t[8], Readings.of((Element) second.getParentNode(), true));
        assertEquals(first.getAttribute("n").isEmpty(), false);
        // The note nothing refers to stays in back.
        Element third = notes.get(2);
        assertEquals(t[6], third.getTextContent());
        Element back = Dom.child(text, "back").orElseThrow();
        assertEquals(List.of(third), Dom.descendants(back, "note"));
        String decl = Dom.descendants(tei.getDocumentElement(), "editorialDecl").get(0).getTextContent();
        assertTrue(decl.contains("stands where the source refers to it"), decl);
    }

    @org.junit.jupiter.api.Test
    void aSecondReferenceToTheSameNotePointsAtIt() throws Exception {
        byte[] bytes;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText("全市共设立“护学岗”一百二十个");
            XWPFFootnote note = doc.createFootnote();
            note.createParagraph().createRun().setText("护学岗指上学、放学时段在校门口设立的执勤岗位。");
            p.addFootnoteReference(note);
            p.createRun().setText("，今后“护学岗”");
            p.addFootnoteReference(note);
            p.createRun().setText("将覆盖全部中小学。");
            doc.write(out);
            bytes = out.toByteArray();
        }
        Path src = Files.write(tmp.resolve("twice.docx"), bytes);
        byte[] tei = TestSupport.convert(src, "2026-12-01");
        assertEquals(List.of(), Schemas.jiaokan().validate(tei, "twice.xml"));
        Document d = Xml.parse(tei);
        assertEquals(TestSupport.noSpace(Readers.read(src, null).text()), TestSupport.noSpace(Readings.diplomatic(d)));
        List<Element> notes = Dom.descendants(d.getDocumentElement(), "note").stream()
                .filter(n -> "footnote".equals(n.getAttribute("type"))).toList();
        assertEquals(1, notes.size());
        List<Element> ptrs = Dom.descendants(d.getDocumentElement(), "ptr").stream()
                .filter(n -> "noteAnchor".equals(n.getAttribute("type"))).toList();
        assertEquals(1, ptrs.size());
        assertEquals("#" + Dom.xmlId(notes.get(0)), ptrs.get(0).getAttribute("target"));
        assertEquals(notes.get(0).getParentNode(), ptrs.get(0).getParentNode());
    }
}
