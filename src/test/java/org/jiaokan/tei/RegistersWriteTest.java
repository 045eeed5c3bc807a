package org.jiaokan.tei;

import org.jiaokan.model.EntityType;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The register file made again from the file before: what an editor put there is kept, whatever its ids. */
class RegistersWriteTest {
    private static final String BEFORE = """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><standOff>
              <listPerson>
                <person resp="#ed"><persName>编者补的人甲</persName></person>
                <person><persName>编者补的人乙</persName></person>
                <person xml:id="per-王建国"><persName>王建国</persName><note type="bio" resp="#ed">副局长。</note></person>
                <person xml:id="per-王建国"><persName>王建国</persName><note type="bio" resp="#ed">后一条。</note></person>
              </listPerson>
              <listPlace>
                <place resp="#ed"><placeName>编者补的地方</placeName></place>
                <place xml:id="per-王建国" resp="#ed"><placeName>王建国村</placeName></place>
                <place xml:id="pl-东湖市" resp="#ed"><placeName>东湖市</placeName><place><placeName>东湖市里的村</placeName></place></place>
              </listPlace>
              <listOrg><org resp="#ed"><orgName>编者补的机构</orgName></org></listOrg>
            </standOff></TEI>""";

    @Test
    void entriesWithoutIdsAreKeptUnderTheirKind() throws Exception {
        Registers r = new Registers().wholeEdition();
        r.add("a.xml", List.of(new Registers.Contribution("per-王建国", EntityType.PERSON, "王建国", "王建国", "zh-Hans", "", "a.xml#p1"),
                new Registers.Contribution("pl-南山县", EntityType.PLACE, "南山县", "南山县", "zh-Hans", "", "a.xml#p1")));
        // Once, the file's entries were taken by id across kinds, in Map.of's order of kinds (drawn anew at each start of
        // the JVM): entries without an id were all lost but one, and which one changed from run to run.
        Document out = r.write(Xml.parse(BEFORE), "测试");
        String text = out.getDocumentElement().getTextContent();
        for (String kept : List.of("编者补的人甲", "编者补的人乙", "编者补的地方", "王建国村", "东湖市里的村", "编者补的机构")) {
            assertTrue(text.contains(kept), kept + " kept: " + text);
        }
        // An id twice in one kind is one entry, the later (as it always was): the site makes one page of an id.
        assertEquals(List.of("per-王建国", "", ""), ids(out, "person"), "the entry refreshed first, the others as they stood");
        assertTrue(text.contains("后一条。"), text);
        assertEquals(List.of("per-王建国", "pl-东湖市", "", "pl-南山县", ""), ids(out, "place"));
        assertEquals(List.of(""), ids(out, "org"));
        Element wang = Dom.descendants(out.getDocumentElement(), "person").get(0);
        assertEquals(List.of("a.xml#p1"), Dom.descendants(wang, "ptr").stream().map(p -> p.getAttribute("target")).toList());

        // Made again from what it wrote, the file is the same: nothing is added twice (an entry inside another stays there).
        byte[] once = XmlWriter.bytes(out);
        assertArrayEquals(once, XmlWriter.bytes(r.write(Xml.parse(once), "测试")));
    }

    private static List<String> ids(Document d, String name) {
        return Dom.descendants(d.getDocumentElement(), name).stream().map(Dom::xmlId).toList();
    }

    /**
     * An entry an editor added with nothing but a name is kept (it was taken for a withdrawn recognition and dropped);
     * an entry whose mentions were all withdrawn still goes.
     */
    @Test
    void anEditorsEntryWithOnlyANameIsKept() throws Exception {
        String before = """
                <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><standOff>
                  <listPerson>
                    <person xml:id="per-编者丙"><persName xml:lang="zh-Hans">编者丙</persName></person>
                    <person xml:id="per-撤回"><persName xml:lang="zh-Hans">撤回</persName><note type="mentions"><ptr target="a.xml#p9"/></note></person>
                  </listPerson>
                  <listPlace><place xml:id="pl-某地"><placeName xml:lang="zh-Hans">某地</placeName></place></listPlace>
                </standOff></TEI>""";
        Registers r = new Registers().wholeEdition();
        r.add("a.xml", List.of(new Registers.Contribution("per-王建国", EntityType.PERSON, "王建国", "王建国", "zh-Hans", "", "a.xml#p1")));
        Document out = r.write(Xml.parse(before), "测试");
        assertEquals(List.of("per-王建国", "per-编者丙"), ids(out, "person"), "the withdrawn recognition goes, the editor's entry stays");
        assertEquals(List.of("pl-某地"), ids(out, "place"));
    }

    @Test
    void anIdTwiceInOneKindIsFoundAndAcrossKindsIsNot() throws Exception {
        assertEquals("per-王建国", Registers.repeatedEntryId(Xml.parse(BEFORE)));
        assertEquals(null, Registers.repeatedEntryId(Xml.parse(BEFORE.replace("<note type=\"bio\" resp=\"#ed\">后一条。</note>", "")
                .replace("<person xml:id=\"per-王建国\"><persName>王建国</persName></person>", ""))));
    }
}
