package org.jiaokan.edition;

import org.jiaokan.model.EntityType;
import org.jiaokan.xml.Xml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The names an editor confirmed in the register file are remembered beside the build's cache with the file's
 * SHA-256, so that a build whose registers are unchanged does not parse them for the dictionary; a memo of another
 * file, or spoilt, is not used.
 */
class ConfirmedNamesMemoTest {
    @TempDir
    Path tmp;

    @Test
    void theConfirmedNamesOfARegisterFileAreRememberedWithItsDigest() throws Exception {
        String registers = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><standOff><listPerson>"
                + "<person xml:id=\"per-林晓峰\" resp=\"#editor\"><persName>林曉峰</persName><idno>A1</idno></person>"
                + "<person xml:id=\"per-周建国\" resp=\"#abcdefg-jk\"><persName>周建国</persName></person>"
                + "</listPerson><listOrg><org xml:id=\"org-市公安局\" resp=\"#editor\"><orgName>市公安局</orgName></org></listOrg></standOff></TEI>";
        List<NamePropagation.Confirmed> names = NamePropagation.confirmed(Xml.parse(registers.getBytes(StandardCharsets.UTF_8)));
        // The editor's entry, in simplified script; the recogniser's own entry and a name relative to a place are not confirmed.
        assertEquals(1, names.size(), names.toString());
        assertEquals(EntityType.PERSON, names.get(0).type());
        assertEquals("林晓峰", names.get(0).spelling());
        assertEquals("A1", names.get(0).code());

        BuildCache cache = new BuildCache(tmp.resolve("cache"), "context\n", "code");
        byte[] sha = CodeIdentity.sha256().digest(registers.getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), cache.confirmedNames(sha), "nothing remembered yet");
        cache.storeConfirmedNames(sha, names);
        assertEquals(Optional.of(names), cache.confirmedNames(sha));
        assertEquals(Optional.empty(), cache.confirmedNames(CodeIdentity.sha256().digest("other".getBytes(StandardCharsets.UTF_8))),
                "another register file");
        assertEquals(Optional.empty(), new BuildCache(tmp.resolve("cache"), "other context\n", "code").confirmedNames(sha), "another build's context");
        Path memo = tmp.resolve("confirmed-names");
        byte[] b = Files.readAllBytes(memo);
        b[b.length / 2] ^= 1;
        Files.write(memo, b);
        assertEquals(Optional.empty(), cache.confirmedNames(sha), "a spoilt memo");
    }
}
