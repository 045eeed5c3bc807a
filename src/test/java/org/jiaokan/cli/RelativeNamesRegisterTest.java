package org.jiaokan.cli;

import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Organisations named relative to the document's place (市公安局) or by a name many places share
 * (城关派出所) in the registers: resolved to the full body where the document's place is known,
 * otherwise an entry of the document alone; and two names of one body (中共中央, 党中央) in one
 * entry. Fixtures written for these tests, in both scripts.
 */
class RelativeNamesRegisterTest {
    @TempDir
    Path tmp;

    private Document convert(String... nameAndText) throws Exception {
        Path out = tmp.resolve("out");
        String[] args = new String[4 + nameAndText.length / 2];
        args[0] = "convert";
        args[1] = "-q";
        args[2] = "-o";
        args[3] = out.toString();
        for (int i = 0; i < nameAndText.length; i += 2) {
            args[4 + i / 2] = Files.writeString(tmp.resolve(nameAndText[i]), nameAndText[i + 1]).toString();
        }
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exit(), r.toString());
        return Xml.parse(out.resolve("registers.xml"));
    }

    /** The register file as text, for failure messages. */
    private String show(Document reg) {
        try {
            return Files.readString(tmp.resolve("out").resolve("registers.xml"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private String tei(String name) throws Exception {
        return Files.readString(tmp.resolve("out").resolve(name));
    }

    private static Optional<Element> org(Document reg, String id) {
        return Dom.descendants(reg.getDocumentElement(), "org").stream().filter(o -> Dom.xmlId(o).equals(id)).findFirst();
    }

    private static List<String> names(Element org) {
        return Dom.children(org, "orgName").stream().map(Element::getTextContent).toList();
    }

    @Test
    void aRelativeNameInADocumentOfAKnownPlaceIsTheFullBody() throws Exception {
        Document reg = convert("mianyang.txt", "绵阳市公安局召开全市公安工作会议\n"
                + "3月5日，绵阳市公安局召开全市公安工作会议。市公安局、市司法局负责同志参加会议。\n");
        Element e = org(reg, "org-绵阳市公安局").orElseThrow(() -> new AssertionError(show(reg)));
        assertEquals(List.of("绵阳市公安局", "市公安局"), names(e));
        assertTrue(org(reg, "org-绵阳市司法局").isPresent(), show(reg));
        String tei = tei("mianyang.xml");
        // The mention keeps its spelling, points at the full body and says the link is not certain.
        assertTrue(java.util.regex.Pattern.compile("<orgName cert=\"medium\" ref=\"registers.xml#org-绵阳市公安局\" resp=\"#[a-z2-7]{7}-jk\">市公安局</orgName>").matcher(tei).find(), tei);
    }

    @Test
    void theSameInTraditionalScript() throws Exception {
        Document reg = convert("mianyang-trad.txt", "3月5日，綿陽市公安局召開全市公安工作會議。市公安局、市司法局負責同志參加會議。\n");
        Element e = org(reg, "org-绵阳市公安局").orElseThrow(() -> new AssertionError(show(reg)));
        assertTrue(names(e).contains("市公安局") && names(e).contains("綿陽市公安局"), names(e).toString());
    }

    @Test
    void withoutAKnownPlaceEachDocumentKeepsItsOwnEntry() throws Exception {
        String text = "市公安局召开专题会议，研究部署近期工作。城关派出所、国保大队负责同志参加。\n";
        Document reg = convert("a.txt", text, "b.txt", text.replace("专题", "党委"));
        for (String doc : List.of("a", "b")) {
            for (String name : List.of("市公安局", "城关派出所", "国保大队")) {
                Element e = org(reg, "org-" + name + "--" + doc).orElseThrow(() -> new AssertionError(name + " of " + doc + ": " + show(reg)));
                assertEquals(List.of(name), names(e));
                assertTrue(Dom.descendants(e, "ptr").stream().allMatch(p -> p.getAttribute("target").startsWith(doc + ".xml#")),
                        "mentions of " + doc + " only");
                assertTrue(Dom.children(e, "note").stream().anyMatch(n -> "scope".equals(n.getAttribute("type"))), "says why it is local");
            }
        }
        assertTrue(org(reg, "org-市公安局").isEmpty(), "never merged across documents");
        assertTrue(java.util.regex.Pattern.compile("<orgName cert=\"low\" ref=\"registers.xml#org-市公安局--a\" resp=\"#[a-z2-7]{7}-jk\">市公安局</orgName>").matcher(tei("a.xml")).find(), tei("a.xml"));
    }

    @Test
    void aGenericNameInADocumentOfAKnownCountyIsItsBody() throws Exception {
        Document reg = convert("beichuan.txt", "北川羌族自治县公安局近日召开会议。城关派出所所长在会上发言。\n");
        assertTrue(org(reg, "org-北川羌族自治县城关派出所").isPresent(), show(reg));
    }

    @Test
    void twoPlacesAtTheLevelLeaveTheNameLocal() throws Exception {
        Document reg = convert("two.txt", "绵阳市公安局和德阳市公安局联合办案。市公安局负责同志介绍了情况。\n");
        assertTrue(org(reg, "org-市公安局--two").isPresent(), show(reg));
    }

    @Test
    void aConfirmedFullBodyDoesNotClaimItsRelativeSpellingElsewhere() throws Exception {
        String mianyang = "3月5日，绵阳市公安局召开全市公安工作会议。市公安局、市司法局负责同志参加会议。\n";
        // 我市公安局 is left unmarked by the recogniser; the dictionary of confirmed names must not mark it either.
        String other = "会上，我市公安局负责同志作了发言。各县市区公安局负责同志参加会议。\n";
        convert("mianyang.txt", mianyang, "b.txt", other);
        Path regFile = tmp.resolve("out").resolve("registers.xml");
        String reg = Files.readString(regFile);
        String entry = "<org xml:id=\"org-绵阳市公安局\">";
        assertTrue(reg.contains(entry), reg);
        Files.writeString(regFile, reg.replace(entry, "<org xml:id=\"org-绵阳市公安局\" resp=\"#editor\">"));
        Document again = convert("mianyang.txt", mianyang, "b.txt", other);
        assertTrue(!tei("b.xml").contains("registers.xml#org-绵阳市公安局"), tei("b.xml"));
        assertTrue(tei("mianyang.xml").contains("registers.xml#org-绵阳市公安局"), tei("mianyang.xml"));
    }

    @Test
    void aNameWithNoEntryIsNeverCertain() throws Exception {
        convert("s.txt", "会上，江主席和李书记分别讲话。副市长王建国出席会议。\n");
        String tei = tei("s.xml");
        for (String surname : List.of("江")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<persName([^>]*)>" + surname + "</persName>").matcher(tei);
            assertTrue(m.find(), surname + " marked: " + tei);
            assertTrue(!m.group(1).contains("ref=") && m.group(1).matches(".*cert=\"(medium|low)\".*"), m.group());
        }
    }

    @Test
    void twoNamesOfOneBodyAreOneEntry() throws Exception {
        Document reg = convert("cc.txt", "中共中央、国务院印发通知。在党中央的坚强领导下，各地认真贯彻落实。\n",
                "cc-trad.txt", "在黨中央的堅強領導下，中央人民政府各部門認真貫徹落實。\n");
        Element cc = org(reg, "org-中共中央").orElseThrow(() -> new AssertionError(show(reg)));
        assertTrue(names(cc).containsAll(List.of("中共中央", "党中央", "黨中央")), names(cc).toString());
        assertTrue(org(reg, "org-党中央").isEmpty(), show(reg));
        Element state = org(reg, "org-国务院").orElseThrow(() -> new AssertionError(show(reg)));
        assertTrue(names(state).containsAll(List.of("国务院", "中央人民政府")), names(state).toString());
    }
}
