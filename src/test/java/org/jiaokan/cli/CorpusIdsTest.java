package org.jiaokan.cli;

import org.jiaokan.TestSupport;
import org.jiaokan.tei.DocumentIds;
import org.jiaokan.validate.RelaxNgValidator;
import org.jiaokan.validate.Schemas;
import org.jiaokan.xml.Dom;
import org.jiaokan.xml.XIncludes;
import org.jiaokan.xml.Xml;
import org.jiaokan.xml.XmlWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids are unique in a document and in a corpus with its XIncludes expanded; {@code validate} says when they are not. */
class CorpusIdsTest {
    @TempDir
    Path tmp;

    private static final String SPEECH = "在杭州市公安工作会议上的讲话\n同志们：\n今天我们召开全市公安工作会议，市公安局局长王建国出席会议。\n谢谢大家。\n";
    private static final String SPEECH_TRAD = "在杭州市公安工作會議上的講話\n同志們：\n今天我們召開全市公安工作會議，市公安局局長王建國出席會議。\n謝謝大家。\n";
    private static final String NOTICE = "关于加强节日安全工作的通知\n同志们：\n各单位要加强值班。\n谢谢大家。\n";

    /** An edition of documents that share lines (同志们：, 谢谢大家。), built. */
    private Path builtEdition() throws Exception {
        Path edition = tmp.resolve("edition");
        Files.createDirectories(edition.resolve("sources"));
        Files.copy(Path.of("tei", "edition.xml"), edition.resolve("edition.xml"));
        Files.writeString(edition.resolve("sources").resolve("speech.txt"), SPEECH);
        Files.writeString(edition.resolve("sources").resolve("speech-trad.txt"), SPEECH_TRAD);
        Files.writeString(edition.resolve("sources").resolve("notice.txt"), NOTICE);
        Files.writeString(edition.resolve("sources").resolve("notice-copy.txt"), NOTICE);
        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(0, r.exit(), r.err());
        return edition;
    }

    private static List<String> ids(Path file) throws Exception {
        return Dom.descendants(Xml.parse(file), null).stream().map(Dom::xmlId).filter(id -> !id.isEmpty()).toList();
    }

    @Test
    void everyIdOfABuiltEditionIsUniqueAndTheCorpusIsValid() throws Exception {
        Path edition = builtEdition();
        Set<String> all = new HashSet<>();
        int count = 0;
        try (var s = Files.list(edition.resolve("docs"))) {
            for (Path doc : s.filter(p -> !p.endsWith("registers.xml")).toList()) {
                for (String id : ids(doc)) {
                    count++;
                    assertTrue(all.add(id), id + " again in " + doc);
                    assertTrue(id.length() <= 32, "short enough for a URL: " + id);
                }
            }
        }
        assertTrue(count > 40, "ids counted: " + count);
        CliRun r = CliRun.of("validate", "--no-tei-all", edition.resolve("edition.xml").toString());
        assertEquals(0, r.exit(), r.err());
    }

    @Test
    void buildFailsWhenAnEditorAddsAnIdAnotherDocumentHas() throws Exception {
        Path edition = builtEdition();
        Path speech = edition.resolve("docs").resolve("jk-speech.xml");
        String noticeId = ids(edition.resolve("docs").resolve("jk-notice.xml")).stream().filter(id -> id.contains("-b-")).findFirst().orElseThrow();
        String s = Files.readString(speech);
        int p = s.indexOf("</p>", s.indexOf("<body>")) + 4;
        Files.writeString(speech, s.substring(0, p) + "<p xml:id=\"" + noticeId + "\" resp=\"#editor\">校者补。</p>" + s.substring(p));
        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("jiaokan: error: " + edition.resolve("edition.xml") + ": duplicate xml:id \"" + noticeId
                + "\": in docs/jk-notice.xml, docs/jk-speech.xml"), r.errLines());
    }

    @Test
    void eachIdTakenAgainIsNamedOnceWithTheDocumentsItIsIn() throws Exception {
        Path edition = builtEdition();
        Path speech = edition.resolve("docs").resolve("jk-speech.xml");
        List<String> noticeIds = ids(edition.resolve("docs").resolve("jk-notice.xml")).stream().filter(id -> id.contains("-b-")).toList();
        String first = noticeIds.get(0), last = noticeIds.get(noticeIds.size() - 1);
        String s = Files.readString(speech);
        int p = s.indexOf("</p>", s.indexOf("<body>")) + 4;
        Files.writeString(speech, s.substring(0, p) + "<p xml:id=\"" + last + "\" resp=\"#editor\">甲。</p><p xml:id=\""
                + first + "\" resp=\"#editor\">丙。</p>" + s.substring(p));
        CliRun r = CliRun.of("build", "-q", "--no-site", edition.toString());
        assertEquals(1, r.exit(), r.err());
        String where = edition.resolve("edition.xml") + ": duplicate xml:id \"";
        assertEquals(java.util.Set.of("jiaokan: error: " + where + first + "\": in docs/jk-notice.xml, docs/jk-speech.xml",
                "jiaokan: error: " + where + last + "\": in docs/jk-notice.xml, docs/jk-speech.xml"), java.util.Set.copyOf(r.errLines()));
        assertEquals(2, r.errLines().size(), r.err());
    }

    @Test
    void idsAreStableAcrossReconversion() throws Exception {
        Path edition = builtEdition();
        Path doc = edition.resolve("docs").resolve("jk-speech.xml");
        List<String> before = ids(doc);
        Files.delete(doc);
        assertEquals(0, CliRun.of("build", "-q", "--no-site", edition.toString()).exit());
        assertEquals(before, ids(doc));
    }

    @Test
    void everyPointerInADocumentResolves() throws Exception {
        Path edition = builtEdition();
        for (String name : List.of("jk-speech.xml", "jk-notice.xml")) {
            Document d = Xml.parse(edition.resolve("docs").resolve(name));
            Set<String> ids = new HashSet<>(ids(edition.resolve("docs").resolve(name)));
            int pointers = 0;
            for (Element e : Dom.descendants(d, null)) {
                for (String attr : List.of("resp", "target", "scheme", "ref", "who")) {
                    for (String token : e.getAttribute(attr).split("\\s+")) {
                        if (!token.startsWith("#")) continue;
                        pointers++;
                        assertTrue(ids.contains(token.substring(1)), name + ": " + attr + "=" + token + " points at nothing");
                    }
                }
            }
            assertTrue(pointers >= 3, "resp, catRef scheme and target at least: " + pointers);
        }
        // The registers' pointers to mentions resolve too.
        Document reg = Xml.parse(edition.resolve("docs").resolve("registers.xml"));
        int mentions = 0;
        for (Element ptr : Dom.descendants(reg, "ptr")) {
            String[] target = ptr.getAttribute("target").split("#", 2);
            assertTrue(ids(edition.resolve("docs").resolve(target[0])).contains(target[1]), ptr.getAttribute("target"));
            mentions++;
        }
        assertTrue(mentions > 0, "the fixture names someone or somewhere");
    }

    @Test
    void exampleEditionIsValidAgainstTeiAllWithIdChecking() throws Exception {
        TestSupport.teiAll();
        RelaxNgValidator checking = RelaxNgValidator.checkingIds(Schemas.TEI_ALL);
        Path corpus = Path.of("tei", "edition.xml");
        Document doc = XIncludes.expand(Xml.parse(corpus), corpus.toAbsolutePath().getParent());
        assertEquals(List.of(), checking.validate(XmlWriter.bytes(doc), corpus.toUri().toString()));
    }

    @Test
    void tei_allWithIdCheckingDoesCatchADuplicate() throws Exception {
        TestSupport.teiAll();
        RelaxNgValidator checking = RelaxNgValidator.checkingIds(Schemas.TEI_ALL);
        String tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>"
                + "<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
                + "<text><body><p xml:id=\"a\">一</p><p xml:id=\"a\">二</p></body></text></TEI>";
        assertTrue(checking.validate(tei.getBytes(java.nio.charset.StandardCharsets.UTF_8), "t.xml").stream()
                .anyMatch(e -> e.contains("\"a\"")));
    }

    /** One document converted outside an edition, for the validate tests. */
    private Path converted() throws Exception {
        Path in = Files.writeString(tmp.resolve("speech.txt"), SPEECH);
        CliRun r = CliRun.of("convert", "-q", "-o", tmp.resolve("out").toString(), in.toString());
        assertEquals(0, r.exit(), r.err());
        return tmp.resolve("out").resolve("speech.xml");
    }

    @Test
    void validateFailsACorpusWhoseDocumentsShareAnId() throws Exception {
        Path doc = converted();
        Files.createDirectories(tmp.resolve("docs"));
        Files.copy(doc, tmp.resolve("docs/a.xml"));
        Files.copy(doc, tmp.resolve("docs/b.xml"));
        String corpusXml = Files.readString(Path.of("tei", "edition.xml")).replaceAll("<xi:include [^>]*/>\\s*", "")
                .replace("</teiCorpus>", "<xi:include href=\"docs/a.xml\"/><xi:include href=\"docs/b.xml\"/></teiCorpus>");
        Path corpus = Files.writeString(tmp.resolve("corpus.xml"), corpusXml);
        CliRun r = CliRun.of("validate", "--no-tei-all", corpus.toString());
        assertEquals(1, r.exit(), r.err());
        String resp = DocumentIds.id(DocumentIds.key("speech"), "jk");
        List<String> lines = r.errLines();
        assertTrue(lines.contains("jiaokan: error: " + corpus + ": duplicate xml:id \"" + resp + "\": in docs/a.xml, docs/b.xml"), r.err());
        assertEquals(ids(doc).size(), lines.size(), "one line per shared id, nothing else: " + r.err());
    }

    @Test
    void validateFailsADocumentWithAnIdTwice() throws Exception {
        Path doc = converted();
        List<String> ids = ids(doc).stream().filter(id -> id.contains("-b-")).toList();
        String text = Files.readString(doc).replace("xml:id=\"" + ids.get(1) + "\"", "xml:id=\"" + ids.get(0) + "\"");
        Files.writeString(doc, text);
        CliRun r = CliRun.of("validate", "--no-tei-all", doc.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of("jiaokan: error: " + doc + ": duplicate xml:id \"" + ids.get(0) + "\": 2 times in " + doc), r.errLines());
    }

    @Test
    void documentsGivenSeparatelyAreSeparate() throws Exception {
        Path doc = converted();
        Path copy = Files.copy(doc, tmp.resolve("copy.xml"));
        CliRun r = CliRun.of("validate", "--no-tei-all", doc.toString(), copy.toString());
        assertEquals(0, r.exit(), r.err());
    }
}
