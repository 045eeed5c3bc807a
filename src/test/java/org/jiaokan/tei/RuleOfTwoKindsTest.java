package org.jiaokan.tei;

import org.jiaokan.edition.Toolkit;
import org.jiaokan.model.Block;
import org.jiaokan.model.Edition;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.read.Readers;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.XmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule whose interventions are of two kinds (the byte-shift repair both corrects a run and flags a byte it
 * cannot read) is described once per kind in the header's editorial declaration, with one xml:id.
 */
class RuleOfTwoKindsTest {

    @Test
    void aRuleOfTwoKindsHasOneIdAndTheTeiIsValid(@TempDir Path dir) throws Exception {
        // Invented police notices, each with a span read one byte off and bytes lost inside it (shown as ?).
        String text = "县公安局关于加强夏季治安巡逻的通知\n"
                + "民警在巡逻?邪l现一名可疑男子，随即上前盘问，全县共排查安全隐患三百余处，讶空牡轿?。\n"
                + "各派出所要切实加强社会治安防控体系建设，确保人民群众安居乐业。\n";
        Path file = dir.resolve("通知.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        SourceDocument src = Readers.read(file, null);
        Edition edition = Edition.standalone();
        EditionDocument doc = Toolkit.get().converter().convert(src, edition.documentId(src.fileName()));
        // The repair also flags a byte it cannot read in another paragraph: the rule's second kind.
        List<Block> blocks = new java.util.ArrayList<>(doc.blocks());
        int last = blocks.size() - 1;
        Block b = blocks.get(last);
        List<Intervention> ivs = new java.util.ArrayList<>(b.interventions());
        ivs.add(new Intervention(4, 5, Intervention.Kind.DAMAGE, "", "byte-shift-mojibake", org.jiaokan.model.Cert.MEDIUM,
                "byte-shift-mojibake"));
        ivs.sort(java.util.Comparator.comparingInt(Intervention::start));
        blocks.set(last, new Block(b.type(), b.text(), ivs, b.mentions(), b.detail(), b.id()));
        doc = new EditionDocument(doc.id(), doc.source(), doc.meta(), blocks);
        Set<Intervention.Kind> kinds = EnumSet.noneOf(Intervention.Kind.class);
        doc.blocks().forEach(x -> x.interventions().stream()
                .filter(iv -> "byte-shift-mojibake".equals(iv.rule())).forEach(iv -> kinds.add(iv.kind())));
        assertTrue(kinds.size() >= 2, "the rule intervenes in two kinds: " + kinds);

        byte[] tei = XmlWriter.bytes(Toolkit.get().writer(edition).write(doc, "2026-12-01"));
        String xml = new String(tei, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("xml:id=\"([^\"]*rule-byte-shift-mojibake)\"").matcher(xml);
        int ids = 0;
        while (m.find()) ids++;
        assertEquals(1, ids, "one xml:id for the rule");
        assertEquals(List.of(), Schemas.jiaokan().validate(tei, file.toString()), "valid against jiaokan.rng");
    }
}
