package org.jiaokan.publish.catalog;

import org.marc4j.MarcReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlReader;
import org.marc4j.Mrk8StreamWriter;
import org.marc4j.marc.Record;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MARC 21 in the forms library systems read, made with marc4j from the MARCXML the crosswalk writes:
 * ISO 2709 in UTF-8 (leader/09 {@code a}) and the MarcEdit breaker text ({@code =245  10$a…}).
 */
public final class MarcFiles {
    private MarcFiles() {}

    /** The records of a MARCXML record or collection. */
    public static List<Record> read(byte[] marcxml) throws IOException {
        List<Record> out = new ArrayList<>();
        try {
            MarcReader r = new MarcXmlReader(new ByteArrayInputStream(marcxml));
            while (r.hasNext()) out.add(r.next());
        } catch (RuntimeException e) {
            throw new IOException("the MARCXML record does not read back: " + e.getMessage(), e);
        }
        return out;
    }

    /** ISO 2709, UTF-8: leader/09 is set to {@code a} as the records say. */
    public static byte[] iso2709(List<Record> records) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        MarcStreamWriter w = new MarcStreamWriter(bos, "UTF-8");
        for (Record r : records) {
            r.getLeader().setCharCodingScheme('a');
            w.write(r);
        }
        w.close();
        return bos.toByteArray();
    }

    /** The breaker text: one line per field, a blank line after each record. */
    public static byte[] breaker(List<Record> records) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Mrk8StreamWriter w = new Mrk8StreamWriter(bos);
        for (Record r : records) w.write(r);
        w.close();
        // Line ends as MarcEdit writes them on every system would be CRLF; LF keeps the files diffable.
        return new String(bos.toByteArray(), StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }
}
