package org.jiaokan.edition;

import org.jiaokan.TestSupport;
import org.jiaokan.bench.BenchCorpus;
import org.jiaokan.model.Block;
import org.jiaokan.model.Cert;
import org.jiaokan.model.DatedValue;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Hint;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Metadata;
import org.jiaokan.model.Script;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.jiaokan.read.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build cache keeps each recognised document in a format of its own: what it reads back is the document it was
 * given, component by component, for the example edition's sources and for generated text, HTML and DOCX sources; a
 * record component the codec does not write fails here; a spoilt entry is refused as an {@link IOException}.
 */
class DocumentCodecTest {
    @TempDir
    Path tmp;

    @Test
    void everyComponentOfTheModelsRecordsIsWritten() {
        for (Map.Entry<Class<? extends Record>, List<String>> e : DocumentCodec.COMPONENTS.entrySet()) {
            List<String> declared = Arrays.stream(e.getKey().getRecordComponents()).map(RecordComponent::getName).toList();
            assertEquals(declared, e.getValue(), e.getKey().getSimpleName() + ": the codec must write every component, in order");
        }
        // and every record a document holds is one of them
        for (Class<?> c : DocumentCodec.COMPONENTS.keySet()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                Class<?> t = rc.getType();
                if (t.isRecord()) assertTrue(DocumentCodec.COMPONENTS.containsKey(t), c.getSimpleName() + "." + rc.getName() + ": " + t);
                if (List.class.isAssignableFrom(t) && rc.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                        && p.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
                    assertTrue(DocumentCodec.COMPONENTS.containsKey(item), c.getSimpleName() + "." + rc.getName() + ": " + item);
                }
            }
        }
    }

    @Test
    void recognisedDocumentsReadBackEqual() throws Exception {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestSupport.SOURCES)) {
            s.sorted().forEach(sources::add);
        }
        BenchCorpus.Generated generated = BenchCorpus.from(TestSupport.SOURCES, Path.of("tei", "docs", "registers.xml"))
                .generate(tmp.resolve("corpus"), 24, 7);
        assertTrue(generated.html() > 0 && generated.docx() > 0 && generated.text() > 0, generated.toString());
        sources.addAll(generated.files());
        int interventions = 0;
        int mentions = 0;
        for (Path source : sources) {
            EditionDocument doc = Toolkit.get().converter().convert(Readers.read(source, null), "d" + sources.indexOf(source));
            byte[] bytes = DocumentCodec.bytes(doc);
            EditionDocument back = DocumentCodec.document(bytes);
            assertEquals(doc, back, source.toString());
            assertArrayEquals(bytes, DocumentCodec.bytes(back), source + ": written again, the same bytes");
            for (Block b : doc.blocks()) {
                interventions += b.interventions().size();
                mentions += b.mentions().size();
            }
        }
        assertTrue(interventions > 100 && mentions > 100, interventions + " interventions, " + mentions + " mentions");
    }

    @Test
    void nullsEmptiesRepeatsAndLoneSurrogatesReadBackAsTheyWere() throws Exception {
        String lone = "受损\uD800字符\uDC01";
        String longText = "很长的段落".repeat(40);
        SourceDocument src = new SourceDocument("a.txt", 42, "ab".repeat(32), "text/plain", "UTF-8", "BOM",
                List.of(new SourceLine(lone, Hint.NONE, ""), new SourceLine(longText, Hint.FOOTNOTE, "1",
                        List.of(new SourceLine.NoteAnchor(3, "1"), new SourceLine.NoteAnchor(0, "e2")))),
                Map.of("html.title", "标题", "meta.author", ""));
        Metadata meta = new Metadata(null, true, "", null, "作者", null, "北京", new DatedValue("2019-06-13", "2019年6月13日", Cert.HIGH, ""),
                null, null, "", null, List.of("一", "二", "一"), null, null, new DatedValue(null, "", Cert.LOW, "推断"), null, null,
                List.of(), null, "https://example.org/a?b=c&d", null);
        Intervention same = new Intervention(0, 2, Intervention.Kind.SURPLUS, "", "junk", Cert.MEDIUM, "jammer");
        Block block = new Block(Block.Type.P, lone + longText, List.of(same, same, new Intervention(3, 3, Intervention.Kind.NOTE_ANCHOR, null, "note", Cert.HIGH, "note")),
                List.of(new Mention(0, 2, EntityType.PERSON, "受损", null, 0.1 + 0.2, "Q1"), new Mention(4, 6, EntityType.PLACE, "字符", "k", Double.MIN_VALUE, null)),
                "", "p1");
        for (EditionDocument doc : List.of(
                new EditionDocument("x", src, meta, List.of(block, block)),
                new EditionDocument("y", src, null, List.of()),
                new EditionDocument("", src, new Metadata("题", false, "讲话", "张三", "", "", "", null, null, "", "", "", List.of(), Script.TRADITIONAL,
                        "", null, "", "", List.of("各单位"), "", "", new DatedValue("2020", "2020年", Cert.MEDIUM, "")), List.of(block)))) {
            assertEquals(doc, DocumentCodec.document(DocumentCodec.bytes(doc)));
        }
        EditionDocument back = DocumentCodec.document(DocumentCodec.bytes(new EditionDocument("x", src, meta, List.of(block))));
        assertEquals(lone, back.source().lines().get(0).text(), "a lone surrogate is kept, not replaced");
        assertEquals(null, back.meta().title());
        assertEquals("", back.meta().docType());
    }

    @Test
    void aSpoiltEntryIsRefusedAsAnIoException() throws Exception {
        EditionDocument doc = Toolkit.get().converter().convert(Readers.read(TestSupport.seeds().get(0), null), "d");
        byte[] bytes = DocumentCodec.bytes(doc);
        // cut anywhere (every length up to 2,000 bytes, then every 97th)
        for (int n = 0; n < bytes.length; n += n < 2000 ? 1 : 97) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThrows(IOException.class, () -> DocumentCodec.document(cut), "cut at " + n);
        }
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IOException.class, () -> DocumentCodec.document(longer), "a byte after the end");
        // every fourth byte changed in turn: an IOException or a document, never anything else
        for (int i = 4; i < Math.min(bytes.length, 4000); i += 4) {
            byte[] spoilt = bytes.clone();
            spoilt[i] ^= (byte) 0x80;
            try {
                DocumentCodec.document(spoilt);
            } catch (IOException expected) {
                // refused
            }
        }
        byte[] magic = bytes.clone();
        magic[0] ^= 1;
        assertThrows(IOException.class, () -> DocumentCodec.document(magic), "not a document entry");
    }
}
