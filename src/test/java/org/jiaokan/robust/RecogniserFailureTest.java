package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.jiaokan.TestSupport;
import org.jiaokan.annotate.Annotator;
import org.jiaokan.clean.Cleaner;
import org.jiaokan.edition.Converter;
import org.jiaokan.edition.Toolkit;
import org.jiaokan.meta.MetadataExtractor;
import org.jiaokan.model.Edition;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.Readers;
import org.jiaokan.structure.StructureRecogniser;
import org.jiaokan.tei.CorrectionMerger;
import org.jiaokan.tei.Readings;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.XmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recogniser that fails on a paragraph costs that paragraph its names, never the document. */
class RecogniserFailureTest {
    @TempDir
    Path tmp;

    @Test
    void documentIsConvertedWholeAndTheFailureReported() throws Exception {
        Annotator failing = (text, script) -> {
            if (text.contains("坏")) throw new IllegalStateException("cannot analyse\nsecond line");
            return List.of();
        };
        Converter converter = new Converter(new Cleaner(), new StructureRecogniser(), failing, new MetadataExtractor());
        Path in = Files.writeString(tmp.resolve("doc.txt"), "标题\n好的段落。\n坏的段落。\n又一个坏段落。\n");
        SourceDocument src = Readers.read(in, null);
        List<String> warnings = new ArrayList<>();

        EditionDocument doc = converter.convert(src, "doc", warnings::add);

        assertEquals(List.of("names not marked in 2 blocks, the recogniser failed (IllegalStateException: cannot analyse)"), warnings);
        Document tei = Toolkit.get().writer(Edition.standalone()).write(doc, "2026-01-01");
        byte[] bytes = XmlWriter.bytes(CorrectionMerger.stamp(tei));
        assertEquals(List.of(), Schemas.jiaokan().validate(bytes, "doc.xml"));
        assertEquals(TestSupport.noSpace(src.text()), TestSupport.noSpace(Readings.diplomatic(tei)));
    }

    @Test
    void cliWarnsWithoutFailingWhenNothingGoesWrong() throws Exception {
        Path in = Files.writeString(tmp.resolve("ok.txt"), "北京市公安局张三同志讲话。\n");
        CliRun r = CliRun.of("convert", "-o", tmp.resolve("out").toString(), in.toString());
        assertEquals(0, r.exit());
        assertTrue(r.err().lines().noneMatch(l -> l.startsWith("jiaokan: warning:")), r.err());
    }
}
