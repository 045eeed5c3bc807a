package org.jiaokan.tei;

import org.jiaokan.model.Cert;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Mention;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a note reference (a zero-length intervention) is written among names and other interventions. */
class NoteAnchorEncodingTest {

    private static String encode(String text, List<Intervention> ivs, List<Mention> mentions) {
        Document dom = Xml.newDocument();
        Element p = Dom.add(dom, "p");
        InlineEncoder inline = new InlineEncoder(m -> "registers.xml#x");
        inline.notes((parent, mark) -> Dom.addText(parent, "note", "注" + mark, "n", mark));
        inline.encode(p, text, ivs, mentions);
        String xml = new String(XmlWriter.bytes(dom), StandardCharsets.UTF_8);
        return xml.substring(xml.indexOf("<p"), xml.lastIndexOf("</p>") + 4).replaceAll(" xmlns=\"[^\"]*\"", "");
    }

    private static Intervention anchor(int at, String mark) {
        return new Intervention(at, at, Intervention.Kind.NOTE_ANCHOR, "", mark, Cert.HIGH, "note-anchor");
    }

    private static Mention person(int start, int end, String text) {
        return new Mention(start, end, EntityType.PERSON, text, text, 0.95, "");
    }

    @Test
    void aReferenceRightAfterANameFollowsTheName() {
        String t = "局长張建國同志主持會議。";
        String xml = encode(t, List.of(anchor(5, "1")), List.of(person(2, 5, "張建國")));
        assertTrue(xml.contains("張建國</persName><note n=\"1\">注1</note>同志"), xml);
    }

    @Test
    void aReferenceRightBeforeANamePrecedesIt() {
        String t = "局长张建国同志主持会议。";
        String xml = encode(t, List.of(anchor(2, "1")), List.of(person(2, 5, "张建国")));
        assertTrue(xml.contains("局长<note n=\"1\">注1</note><persName"), xml);
    }

    @Test
    void referencesAtTheStartAndTheEndOfTheTextAndNextToARedaction() {
        String t = "破获**案件。";
        Intervention redaction = new Intervention(2, 4, Intervention.Kind.REDACTION, "", "redacted", Cert.HIGH, "redaction");
        String xml = encode(t, List.of(anchor(0, "1"), anchor(2, "2"), redaction, anchor(4, "3"), anchor(t.length(), "4")), List.of());
        assertEquals("<p><note n=\"1\">注1</note>破获<note n=\"2\">注2</note><seg cert=\"high\" resp=\"#jk\" type=\"redaction\">**</seg>"
                + "<note n=\"3\">注3</note>案件。<note n=\"4\">注4</note></p>", xml);
    }
}
