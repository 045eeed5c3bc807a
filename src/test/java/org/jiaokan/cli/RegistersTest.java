package org.jiaokan.cli;

import com.hankcs.hanlp.HanLP;
import org.jiaokan.TestSupport;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registers gather both scripts' spellings in one entry, with every mention. */
class RegistersTest {
    @TempDir
    Path tmp;

    @Test
    void simplifiedAndTraditionalSpellingsAreOneEntry() throws Exception {
        Path trad = TestSupport.seed("004");
        Path simp = Files.writeString(tmp.resolve("004-simplified.txt"), HanLP.convertToSimplifiedChinese(Files.readString(trad)));
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), trad.toString(), simp.toString()).exit());
        Document reg = Xml.parse(out.resolve("registers.xml"));
        List<Element> people = Dom.descendants(reg.getDocumentElement(), "person").stream()
                .filter(p -> Dom.xmlId(p).equals("per-叶寒冰")).toList();
        assertEquals(1, people.size());
        Element ye = people.get(0);
        List<String> names = Dom.children(ye, "persName").stream().map(e -> e.getAttributeNS(Xml.XML_NS, "lang") + ":" + e.getTextContent()).toList();
        assertEquals(List.of("zh-Hans:叶寒冰", "zh-Hant:葉寒冰"), names);
        List<String> targets = Dom.descendants(ye, "ptr").stream().map(p -> p.getAttribute("target").replaceFirst("#.*", "")).distinct().toList();
        assertEquals(List.of("004_02a83077c9d50b2a.xml", "004-simplified.xml"), targets);

        // Each mention in a document points at its register entry.
        String tei = Files.readString(out.resolve("004_02a83077c9d50b2a.xml"));
        assertTrue(tei.contains("ref=\"registers.xml#per-叶寒冰\" resp=\"#" + org.jiaokan.tei.DocumentIds.key("004_02a83077c9d50b2a")
                + "-jk\">葉寒冰</persName>"), "mention linked");
        // Places known to the gazetteer are filed under their full name (成都 → 成都市) with their GB/T 2260 code.
        Element chengdu = Dom.descendants(reg.getDocumentElement(), "place").stream()
                .filter(p -> Dom.xmlId(p).equals("pl-成都市")).findFirst().orElseThrow();
        assertEquals("510100", Dom.child(chengdu, "idno").orElseThrow().getTextContent());
    }

    @Test
    void editorsAdditionsToAnEntryAreKept() throws Exception {
        Path out = tmp.resolve("out");
        Path seed = TestSupport.seed("000");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), seed.toString()).exit());
        Path regFile = out.resolve("registers.xml");
        String reg = Files.readString(regFile);
        String entry = "<person xml:id=\"per-赵克志\">";
        assertTrue(reg.contains(entry), reg);
        Files.writeString(regFile, reg.replace(entry, entry + "<occupation>国务委员、公安部部长（2017–2022）</occupation>"));
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), seed.toString()).exit());
        assertTrue(Files.readString(regFile).contains("<occupation>国务委员、公安部部长（2017–2022）</occupation>"));
    }

    @Test
    void aSurnameAloneIsMarkedButNotRegistered() throws Exception {
        Path in = Files.writeString(tmp.resolve("s.txt"), "会上，江主席和李书记分别讲话。副市长王建国出席会议。\n");
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), in.toString()).exit());
        String tei = Files.readString(out.resolve("s.xml"));
        String reg = Files.readString(out.resolve("registers.xml"));
        assertTrue(reg.contains("per-王建国"), reg);
        for (String surname : List.of("江", "李")) {
            assertTrue(!reg.contains("per-" + surname + "\""), "no register entry for the bare surname " + surname);
            assertTrue(!tei.contains("registers.xml#per-" + surname + "\""), tei);
        }
    }
}
