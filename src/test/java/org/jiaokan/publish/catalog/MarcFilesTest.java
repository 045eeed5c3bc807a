package org.jiaokan.publish.catalog;

import org.junit.jupiter.api.Test;
import org.marc4j.MarcReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.Record;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MARCXML read back on the calling thread, by a parser that loads nothing from outside the record, into the records
 * marc4j's own reader makes of it.
 */
class MarcFilesTest {
    private static final String NS = "http://www.loc.gov/MARC21/slim";

    /** Two records: Han and Latin text, an empty indicator and code, a prefixed and an unprefixed namespace. */
    private static final String COLLECTION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<marc:collection xmlns:marc=\"" + NS + "\">\n"
            + "  <marc:record type=\"Bibliographic\">\n"
            + "    <marc:leader>00000nam a2200000 i 4500</marc:leader>\n"
            + "    <marc:controlfield tag=\"001\">jk-001</marc:controlfield>\n"
            + "    <marc:controlfield tag=\"008\">190530s2019    cc            000 0 chi d</marc:controlfield>\n"
            + "    <marc:datafield tag=\"245\" ind1=\"1\" ind2=\"0\">\n"
            + "      <marc:subfield code=\"a\">全市公安工作会议纪要 &amp; 附件</marc:subfield>\n"
            + "      <marc:subfield code=\"c\">×××整理.</marc:subfield>\n"
            + "    </marc:datafield>\n"
            + "    <marc:datafield tag=\"500\" ind1=\"\" ind2=\" \">\n"
            + "      <marc:subfield code=\"\">Transcribed from 穩(wěn) <![CDATA[<sic>]]></marc:subfield>\n"
            + "    </marc:datafield>\n"
            + "  </marc:record>\n"
            + "  <record xmlns=\"" + NS + "\">\n"
            + "    <leader>00000nam a2200000 i 4500</leader>\n"
            + "    <controlfield tag=\"001\">jk-002</controlfield>\n"
            + "    <datafield tag=\"650\" ind1=\" \" ind2=\"7\"><subfield code=\"a\">治安</subfield><subfield code=\"2\">local</subfield></datafield>\n"
            + "  </record>\n"
            + "</marc:collection>\n";

    private static List<Record> marc4j(byte[] xml) {
        List<Record> out = new ArrayList<>();
        MarcReader r = new MarcXmlReader(new ByteArrayInputStream(xml));
        while (r.hasNext()) out.add(r.next());
        return out;
    }

    @Test
    void theRecordsAreThoseMarc4jsReaderMakes() throws IOException {
        byte[] xml = COLLECTION.getBytes(StandardCharsets.UTF_8);
        List<Record> ours = MarcFiles.read(xml);
        List<Record> theirs = marc4j(xml);
        assertEquals(2, ours.size());
        assertEquals(theirs.toString(), ours.toString());
        assertArrayEquals(MarcFiles.iso2709(theirs), MarcFiles.iso2709(ours));
        assertArrayEquals(MarcFiles.breaker(marc4j(xml)), MarcFiles.breaker(MarcFiles.read(xml)));
        assertEquals("全市公安工作会议纪要 & 附件", ours.get(0).getVariableField("245").toString().split("\\$a")[1].split("\\$c")[0]);
        assertEquals("Bibliographic", ours.get(0).getType());
        assertTrue(ours.get(1).toString().contains("$a治安"), ours.get(1).toString());
    }

    @Test
    void aReadAfterOneThatFailedIsWhole() throws IOException {
        byte[] cut = COLLECTION.substring(0, COLLECTION.indexOf("</marc:datafield>")).getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> MarcFiles.read(cut));
        assertTrue(e.getMessage().startsWith("the MARCXML record does not read back: "), e.getMessage());
        byte[] xml = COLLECTION.getBytes(StandardCharsets.UTF_8);
        assertEquals(marc4j(xml).toString(), MarcFiles.read(xml).toString());
    }

    /** A stray field after a read, outside any record, is no part of the record read before, and reads as an error. */
    @Test
    void aStrayFieldAfterAReadIsRefused() throws IOException {
        byte[] xml = COLLECTION.getBytes(StandardCharsets.UTF_8);
        List<Record> earlier = MarcFiles.read(xml);
        String was = earlier.toString();
        String stray = "<collection xmlns=\"" + NS + "\"><controlfield tag=\"002\">STRAY</controlfield>"
                + "<datafield tag=\"245\" ind1=\"1\" ind2=\"0\"><subfield code=\"a\">T</subfield></datafield></collection>";
        assertThrows(IOException.class, () -> MarcFiles.read(stray.getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> MarcFiles.read("<foo/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(was, earlier.toString());
        assertEquals(was, MarcFiles.read(xml).toString());
    }

    @Test
    void nothingOutsideTheRecordIsLoaded() {
        String entity = "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
                + "<collection xmlns=\"" + NS + "\"><record><leader>00000nam a2200000 i 4500</leader>"
                + "<controlfield tag=\"001\">&x;</controlfield></record></collection>";
        IOException e = assertThrows(IOException.class, () -> MarcFiles.read(entity.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void noThreadIsStartedToRead() throws IOException {
        byte[] xml = COLLECTION.getBytes(StandardCharsets.UTF_8);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        MarcFiles.read(xml);
        long before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 50; i++) MarcFiles.read(xml);
        long ours = threads.getTotalStartedThreadCount() - before;
        // marc4j's own reader, for the contrast: a thread for each reader
        before = threads.getTotalStartedThreadCount();
        for (int i = 0; i < 50; i++) marc4j(xml);
        long theirs = threads.getTotalStartedThreadCount() - before;
        assertTrue(theirs >= 50, "marc4j's reader started " + theirs + " threads for 50 reads: the test no longer tells the two apart");
        assertTrue(ours < 5, ours + " threads started during 50 reads");
    }
}
