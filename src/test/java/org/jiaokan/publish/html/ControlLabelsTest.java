package org.jiaokan.publish.html;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.XdmNode;
import org.jiaokan.publish.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DEL and the C1 controls, which XML carries, reach the pages, the records and the print edition as their code
 * points: HTML has no way to write one (a reference to U+0089 reads as ‰).
 */
class ControlLabelsTest {
    @TempDir
    Path tmp;

    @Test
    void controlsInTextAndAttributesAreTheirCodePoints() throws Exception {
        String xml = "<x a=\"前\u0089后\" b=\"plain\">页脚\u007F与\u0080\u009F，照录<![CDATA[\u0085]]></x>";
        XdmNode doc = Stylesheets.parse(new Processor(false), xml.getBytes(StandardCharsets.UTF_8), "urn:x");
        XdmNode x = doc.children().iterator().next();
        assertEquals("页脚〈U+007F〉与〈U+0080〉〈U+009F〉，照录〈U+0085〉", x.getStringValue());
        assertEquals("前〈U+0089〉后", x.getAttributeValue(new net.sf.saxon.s9api.QName("a")));
        assertEquals("plain", x.getAttributeValue(new net.sf.saxon.s9api.QName("b")));
        String plain = "東湖區公安分局《通報》ϑ é ~\u00A0\t";
        assertSame(plain, Stylesheets.ControlLabels.label(plain));
    }

    @Test
    void aPageShowsAControlAsItsCodePointAndTheTeiKeepsIt() throws Exception {
        Path edition = tmp.resolve("ed");
        org.jiaokan.site.SiteFixtures.edition(edition);
        Path notice = edition.resolve("zhs-notice.xml");
        String tei = Files.readString(notice, StandardCharsets.UTF_8);
        Files.writeString(notice, tei.replace("</div>", "<p xml:id=\"kt1-c1\">页脚有控制字符\u0089，照录。</p></div>"), StandardCharsets.UTF_8);
        Path out = tmp.resolve("site");
        Publisher.Result r = new Publisher(new Publisher.Options(out, Set.of("html", "catalog"), null, 2)).publish(List.of(edition));
        assertEquals(List.of(), r.errors());
        String page = Files.readString(out.resolve("doc/t-notice.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("页脚有控制字符〈U+0089〉，照录。"), page);
        assertFalse(page.contains("&#x89;") || page.contains("\u0089"), "the control itself, or a reference HTML reads as ‰");
        assertTrue(Files.readString(out.resolve("doc/t-notice.xml"), StandardCharsets.UTF_8).contains("页脚有控制字符\u0089，照录。"),
                "the TEI's copy keeps the character");
    }
}
