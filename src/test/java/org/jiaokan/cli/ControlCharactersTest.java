package org.jiaokan.cli;

import org.jiaokan.TestSupport;
import org.jiaokan.tei.Readings;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Characters XML cannot carry are kept by reference: the TEI stays well-formed and nothing is lost. */
class ControlCharactersTest {
    @TempDir
    Path tmp;

    @Test
    void controlCharactersAreDeclaredAndReferenced() throws Exception {
        String text = "会议\u000B要求\u001B加强\u0001管理。\n第二段\u000C内容。\n";
        Path in = Files.write(tmp.resolve("ctrl.txt"), text.getBytes(StandardCharsets.UTF_8));
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("convert", "-q", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        byte[] bytes = Files.readAllBytes(out.resolve("ctrl.xml"));
        assertEquals(List.of(), Schemas.jiaokan().validate(bytes, "ctrl.xml"));
        assertEquals(List.of(), TestSupport.teiAll().validate(bytes, "ctrl.xml"));
        String tei = new String(bytes, StandardCharsets.UTF_8);
        String key = org.jiaokan.tei.DocumentIds.key("ctrl");
        assertTrue(tei.contains("<g ref=\"#" + key + "-U001B\" resp=\"#" + key + "-jk\"/>"), tei);
        assertTrue(tei.contains("<char xml:id=\"" + key + "-U001B\">"), tei);
        var doc = Xml.parse(bytes);
        assertEquals(TestSupport.noSpace(text.replace("\u001B", "\u001B")), TestSupport.noSpace(Readings.diplomatic(doc)));
        assertTrue(Readings.diplomatic(doc).contains("要求\u001B加强\u0001管理"));
        assertTrue(Readings.regularised(doc).contains("要求加强管理"));
    }
}
