package org.jiaokan.publish.catalog;

import org.jiaokan.xml.Xml;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcXmlHandler;
import org.marc4j.Mrk8StreamWriter;
import org.marc4j.RecordStack;
import org.marc4j.marc.Record;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

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

    /**
     * The records of a MARCXML record or collection, as marc4j's {@code MarcXmlReader} makes them (its
     * {@code MarcXmlHandler} builds them), read on the calling thread by the project's SAX reader, which loads no DTD
     * or external entity and refuses a DOCTYPE. {@code MarcXmlReader} parses on a thread of its own it starts for each
     * reader, with a parser that does load them, and hands the records over one at a time.
     */
    public static List<Record> read(byte[] marcxml) throws IOException {
        Reading reading = READING.get();
        List<Record> out = new ArrayList<>();
        Records records = new Records(out);
        // a handler of its own for each read: one keeps the record it built last, and would add what a stray field
        // outside any record holds to it
        reading.parser.setContentHandler(new MarcXmlHandler(records));
        boolean read = false;
        try {
            reading.parser.parse(new InputSource(new ByteArrayInputStream(marcxml)));
            read = true;
        } catch (SAXException | RuntimeException e) {
            throw new IOException("the MARCXML record does not read back: " + e.getMessage(), e);
        } finally {
            reading.parser.setContentHandler(null);
            if (!read) READING.remove();
        }
        return out;
    }

    /** The records as the handler ends them, into the list of the read under way (the stack's own hand-over waits for a reader on another thread). */
    private static final class Records extends RecordStack {
        private final List<Record> into;

        Records(List<Record> into) {
            this.into = into;
        }

        @Override
        public void push(Record record) {
            into.add(record);
        }
    }

    /** One parser per thread. */
    private static final class Reading {
        final XMLReader parser;

        Reading() {
            try {
                parser = Xml.newSaxReader(true);
            } catch (SAXException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ThreadLocal<Reading> READING = ThreadLocal.withInitial(Reading::new);

    /** ISO 2709, UTF-8: leader/09 is set to {@code a} as the records say. */
    public static byte[] iso2709(List<Record> records) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        MarcStreamWriter w = new MarcStreamWriter(bos, "UTF-8");
        for (Record r : records) {
            r.getLeader().setCharCodingScheme('a');
            w.write(r); // refuses a record over 99,999 bytes
        }
        w.close();
        // marc4j writes a field over 9,999 bytes with a length its directory cannot hold (9999 for 21,012 bytes): a
        // file no reader can read past. Such a record is refused too.
        for (Record r : records) {
            for (org.marc4j.marc.VariableField f : r.getVariableFields()) {
                int length = fieldLength(f);
                if (length > MAX_FIELD) {
                    throw new FieldTooLong(f.getTag(), length);
                }
            }
        }
        return bos.toByteArray();
    }

    /** A record refused for ISO 2709 for a field longer than it holds: the field's tag and its length in bytes. */
    static final class FieldTooLong extends org.marc4j.MarcException {
        private final String tag;
        private final int length;

        FieldTooLong(String tag, int length) {
            super("field " + tag + " length would be " + length + " bytes");
            this.tag = tag;
            this.length = length;
        }

        String tag() { return tag; }

        int length() { return length; }
    }

    /** The most bytes ISO 2709 holds in one field: its directory gives a field's length in four digits. */
    static final int MAX_FIELD = 9_999;

    /**
     * The bytes {@code f} takes in ISO 2709 as {@link MarcStreamWriter} writes it in UTF-8: a control field's data,
     * or a data field's two indicators and each subfield's delimiter, code and data; then the field terminator.
     */
    static int fieldLength(org.marc4j.marc.VariableField f) {
        if (f instanceof org.marc4j.marc.ControlField c) return utf8Length(c.getData()) + 1;
        org.marc4j.marc.DataField d = (org.marc4j.marc.DataField) f;
        int n = 2;
        for (org.marc4j.marc.Subfield sf : d.getSubfields()) n += 1 + utf8Length(String.valueOf(sf.getCode())) + utf8Length(sf.getData());
        return n + 1;
    }

    private static int utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
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
