package org.jiaokan.cli;

import org.jiaokan.tei.CorrectionMerger;
import org.jiaokan.tei.DocumentIds;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TEI file written before ids carried the document's key (b-3542b6, #jk) is taken over on
 * re-conversion: its ids get the key, and what an editor changed in it is kept.
 */
class OldIdsCorrectionsTest {
    @TempDir
    Path tmp;

    private static final String SIMPLIFIED = "关于开展冬季消防安全检查的通知\n"
            + "各派出所、消防救援站：\n"
            + "为切实做好冬季火灾防控工作，市局决定在全市范围内开展消防安全检查。\n"
            + "各单位要高度重视，认真组织，确保检查取得实效。\n";
    private static final String TRADITIONAL = "關於開展冬季消防安全檢查的通知\n"
            + "各派出所、消防救援站：\n"
            + "為切實做好冬季火災防控工作，市局決定在全市範圍內開展消防安全檢查。\n"
            + "各單位要高度重視，認真組織，確保檢查取得實效。\n";

    /** The file as the previous version wrote it: ids without the key, digests of those units. */
    private static void makeOld(Path tei, String key) throws Exception {
        String unprefixed = Files.readString(tei).replace(key + "-", "");
        byte[] old = XmlWriter.bytes(CorrectionMerger.stamp(Xml.parse(unprefixed.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        Files.write(tei, old);
    }

    private void oldFileIsTakenOver(String text) throws Exception {
        Path in = Files.writeString(tmp.resolve("fire.txt"), text);
        Path out = tmp.resolve("out");
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), in.toString()).exit());
        Path tei = out.resolve("fire.xml");
        String fresh = Files.readString(tei);
        String key = DocumentIds.key("fire");
        assertTrue(fresh.contains("xml:id=\"" + key + "-jk\""), fresh);

        // Unedited, an old file becomes exactly what this version writes.
        makeOld(tei, key);
        assertTrue(Files.readString(tei).contains("<respStmt xml:id=\"jk\">"));
        CliRun r = CliRun.of("convert", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("kept the editor's version"), r.err());
        assertEquals(fresh, Files.readString(tei));

        // Edited, its corrections survive and take the new ids.
        makeOld(tei, key);
        String old = Files.readString(tei);
        Matcher p = Pattern.compile("<p xml:id=\"(b-[0-9a-f]{6})\">([^<]*)</p>").matcher(old);
        assertTrue(p.find(), old);
        String edited = old.substring(0, p.start()) + "<p xml:id=\"" + p.group(1) + "\">" + p.group(2) + "（已校）</p>"
                + "<note type=\"commentary\" resp=\"#editor\">校者按。</note>" + old.substring(p.end());
        Files.writeString(tei, edited);
        r = CliRun.of("convert", "-o", out.toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        String after = Files.readString(tei);
        assertTrue(after.contains("<p xml:id=\"" + key + "-" + p.group(1) + "\">" + p.group(2) + "（已校）</p>"), after);
        assertTrue(after.contains("<note resp=\"#editor\" type=\"commentary\">校者按。</note>"), after);
        assertFalse(after.contains("\"#jk\"") || after.contains("xml:id=\"jk\""), after);
        assertEquals(List.of(), Schemas.jiaokan().validate(after.getBytes(java.nio.charset.StandardCharsets.UTF_8), tei.toString()));

        // And once more: nothing changes, the correction stays.
        assertEquals(0, CliRun.of("convert", "-q", "-o", out.toString(), in.toString()).exit());
        assertEquals(after, Files.readString(tei));
    }

    @Test
    void simplified() throws Exception {
        oldFileIsTakenOver(SIMPLIFIED);
    }

    @Test
    void traditional() throws Exception {
        oldFileIsTakenOver(TRADITIONAL);
    }
}
