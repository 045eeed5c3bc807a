package org.jiaokan.catalog;

import org.jiaokan.publish.Publisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ISO 2709 holds at most 9,999 bytes in a field and 99,999 in a record. The edition's record lists its
 * documents' titles in its contents (505): an edition of many documents with long titles still gives a
 * binary record that reads back, its contents in repeated fields, with the number of documents left out.
 */
class LargeEditionMarcTest {
    @TempDir
    Path tmp;

    @Test
    void theEditionRecordOfManyDocumentsFitsTheBinaryFormat() throws Exception {
        Path edition = Files.createDirectories(tmp.resolve("ed/docs"));
        Files.copy(Path.of("tei/edition.xml"), tmp.resolve("ed/edition.xml"));
        Files.copy(Path.of("tei/docs/registers.xml"), edition.resolve("registers.xml"));
        String id = "jk-001_e8825e5862d1a0f3";
        String template = Files.readString(Path.of("tei/docs/" + id + ".xml"), StandardCharsets.UTF_8);
        String title = "今年公安工作怎么干?全国公安厅局长会议精神关键点提示";
        int n = 160;
        for (int i = 0; i < n; i++) {
            String newId = String.format("jk-9%03d_0000000000000000", i);
            String doc = template.replace(id, newId)
                    .replace(title, "关于第" + (i + 1) + "批全市社会治安综合治理和平安建设重点工作任务分解落实情况的通报");
            Files.writeString(edition.resolve(newId + ".xml"), doc, StandardCharsets.UTF_8);
        }
        Path out = tmp.resolve("site");
        Publisher.Result r = new Publisher(new Publisher.Options(out, Set.of("catalog"), null, 2)).publish(List.of(tmp.resolve("ed")));
        assertTrue(r.ok(), r.errors().toString());

        byte[] mrc = Files.readAllBytes(out.resolve("records/all.mrc"));
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(mrc), "UTF-8");
        List<Record> records = new ArrayList<>();
        while (reader.hasNext()) records.add(reader.next());
        assertEquals(n + 1, records.size(), "the edition's record, then each document's");
        Record ed = records.get(0);
        List<DataField> contents = new ArrayList<>();
        for (var f : ed.getDataFields()) if (f.getTag().equals("505")) contents.add(f);
        assertTrue(contents.size() > 1, "the contents are in repeated fields");
        assertEquals('2', contents.get(0).getIndicator1(), "partial contents");
        for (int i = 1; i < contents.size(); i++) assertEquals('8', contents.get(i).getIndicator1());
        String last = contents.get(contents.size() - 1).getSubfield('a').getData();
        Matcher m = Pattern.compile("\\[and (\\d+) more documents]$").matcher(last);
        assertTrue(m.find(), last);
        int listed = 0;
        for (DataField f : contents) {
            listed += f.getSubfield('a').getData().split(" -- ").length;
            assertTrue(f.toString().getBytes(StandardCharsets.UTF_8).length < 9_999, "a field within ISO 2709's field length");
        }
        assertEquals(n, listed - 1 + Integer.parseInt(m.group(1)), "listed and left out add up to the documents");
        int length = Integer.parseInt(new String(mrc, 0, 5, StandardCharsets.US_ASCII));
        assertTrue(length <= 99_999, "the record length in the leader");
        assertFalse(Files.readString(out.resolve("records/edition/edition.mrk"), StandardCharsets.UTF_8).isEmpty());
    }
}
