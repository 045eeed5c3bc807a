package org.jiaokan.publish.html;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.junit.jupiter.api.Test;

import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One tree, two pages: what each page is given of the marks a document stylesheet writes. */
class TwinPagesFilterTest {
    private static String[] pages(String body) throws Exception {
        Processor p = new Processor(false);
        String xsl = "<xsl:stylesheet version='3.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                + "<xsl:output method='html' html-version='5' include-content-type='no' indent='no'/>"
                + "<xsl:template name='xsl:initial-template'>" + body + "</xsl:template></xsl:stylesheet>";
        Xslt30Transformer t = p.newXsltCompiler().compile(new StreamSource(new StringReader(xsl))).load30();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TwinPages.Marks marks = new TwinPages.Marks();
        t.callTemplate(null, TwinPages.of(t.newSerializer(a), t.newSerializer(b), marks));
        return new String[] {a.toString(StandardCharsets.UTF_8), b.toString(StandardCharsets.UTF_8), String.valueOf(marks.any())};
    }

    @Test
    void eachPageKeepsItsOwnPartsAndDropsTheOthers() throws Exception {
        String[] r = pages("<p>a<jk-main>简</jk-main><jk-twin>簡</jk-twin>b<jk-twin><i>only twin</i></jk-twin>"
                + "<jk-main><b>only main <jk-main>x</jk-main><jk-twin>y</jk-twin></b></jk-main></p>");
        assertEquals("<p>a简b<b>only main x</b></p>", r[0]);
        assertEquals("<p>a簡b<i>only twin</i></p>", r[1]);
        assertEquals("true", r[2]);
    }

    @Test
    void theTwinsAttributeTakesTheAttributesPlaceAndIsNotOnTheOwnPage() throws Exception {
        String[] r = pages("<div class='text' lang='zh-Hans' jk-twin-lang='zh-Hant' id='x'>t</div><span jk-twin-title='T'>u</span>");
        assertEquals("<div class=\"text\" lang=\"zh-Hans\" id=\"x\">t</div><span>u</span>", r[0]);
        assertEquals("<div class=\"text\" lang=\"zh-Hant\" id=\"x\">t</div><span title=\"T\">u</span>", r[1]);
        assertEquals("true", r[2]);
    }

    @Test
    void withoutMarksBothPagesAreTheSameAndNothingIsMarked() throws Exception {
        String[] r = pages("<p lang='zh'>同<xsl:comment>c</xsl:comment></p>");
        assertEquals(r[0], r[1]);
        assertEquals("<p lang=\"zh\">同<!--c--></p>", r[0]);
        assertEquals("false", r[2]);
    }

    @Test
    void commentsAndTextInsideTheOtherPagesPartAreDropped() throws Exception {
        String[] r = pages("<p><jk-twin><xsl:comment>t</xsl:comment>twin<xsl:processing-instruction name='pi'>x</xsl:processing-instruction></jk-twin>"
                + "<jk-main><xsl:comment>m</xsl:comment>main</jk-main></p>");
        assertEquals("<p><!--m-->main</p>", r[0]);
        assertTrue(r[1].startsWith("<p><!--t-->twin"), r[1]);
        assertFalse(r[1].contains("main"), r[1]);
    }
}
