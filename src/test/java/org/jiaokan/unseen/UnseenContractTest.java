package org.jiaokan.unseen;

import org.jiaokan.TestSupport;
import org.jiaokan.read.Readers;
import org.jiaokan.tei.Readings;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Dom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edition contract on documents the pipeline was not written against: every document, every rule. */
class UnseenContractTest {
    private static final Pattern JAMMER = Pattern.compile("(?:[!-~]{1,3} ){3,}[!-~]{1,3}");
    private static final Pattern PINYIN = Pattern.compile("[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]");
    private static final Set<String> BLOCKS = Set.of("p", "head", "salute", "signed", "dateline", "byline", "titlePart", "fw", "ab");
    private static final Set<String> CONTAINERS = Set.of("div", "opener", "closer", "docTitle", "front", "body", "back");

    @ParameterizedTest
    @EnumSource(UnseenCorpus.Doc.class)
    void sourceDecodesToTheTextAsWritten(UnseenCorpus.Doc d) throws Exception {
        String decoded = Readers.read(Unseen.file(d), null).text();
        if (d == UnseenCorpus.Doc.DOCX) {
            assertTrue(decoded.contains(UnseenCorpus.DOCX_PARA_1));
        } else if (d == UnseenCorpus.Doc.NEWS_PAGE) {
            assertTrue(decoded.contains("编辑：周喆　记者：陈赟"), "GBK-only characters under a gb2312 label: " + decoded);
        } else {
            assertEquals(d.text(), decoded.strip());
        }
    }

    @ParameterizedTest
    @EnumSource(UnseenCorpus.Doc.class)
    void diplomaticReadingIsTheDecodedSource(UnseenCorpus.Doc d) throws Exception {
        String source = Readers.read(Unseen.file(d), null).text();
        assertEquals(TestSupport.noSpace(source), TestSupport.noSpace(Readings.diplomatic(Unseen.tei(d))));
    }

    @ParameterizedTest
    @EnumSource(UnseenCorpus.Doc.class)
    void regularisedReadingHasNoJammerOrConverterPinyin(UnseenCorpus.Doc d) throws Exception {
        String reg = Readings.regularised(Unseen.tei(d));
        Matcher j = JAMMER.matcher(reg);
        assertFalse(j.find(), () -> "jammer left in the reading: " + j.group());
        Matcher p = PINYIN.matcher(reg);
        assertFalse(p.find(), () -> "converter pinyin left in the reading: " + p.group());
    }

    @ParameterizedTest
    @EnumSource(UnseenCorpus.Doc.class)
    void validAgainstJiaokanSchemaAndTeiAll(UnseenCorpus.Doc d) throws Exception {
        byte[] bytes = Unseen.bytes(d);
        assertEquals(List.of(), Schemas.jiaokan().validate(bytes, d.fileName()));
        assertEquals(List.of(), TestSupport.teiAll().validate(bytes, d.fileName()));
    }

    @ParameterizedTest
    @EnumSource(UnseenCorpus.Doc.class)
    void convertingTwiceGivesTheSameBytes(UnseenCorpus.Doc d) throws Exception {
        assertArrayEquals(TestSupport.convert(Unseen.file(d), Unseen.CONVERTED_ON),
                TestSupport.convert(Unseen.file(d), Unseen.CONVERTED_ON));
    }

    @ParameterizedTest
    @EnumSource(UnseenCorpus.Doc.class)
    void everyBlockCanBeCited(UnseenCorpus.Doc d) throws Exception {
        Element text = Dom.child(Unseen.tei(d).getDocumentElement(), "text").orElseThrow();
        for (String name : BLOCKS) {
            for (Element e : Dom.descendants(text, name)) {
                if (!(e.getParentNode() instanceof Element p) || !CONTAINERS.contains(p.getLocalName())) continue;
                assertFalse(e.getAttribute("xml:id").isEmpty(), () -> "no xml:id on " + name + ": " + e.getTextContent());
            }
        }
    }
}
