package org.jiaokan.publish;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Of two documents with one identifier, the earlier in the inputs is published and the later reported, on several
 * threads as on one: the earlier is long and the later short, so that the later's job reaches the identifier first.
 */
class DuplicateIdentifierTest {
    @TempDir
    static Path tmp;
    static Path edition;
    static Path first, second;

    @BeforeAll
    static void edition() throws Exception {
        edition = tmp.resolve("ed");
        org.jiaokan.site.SiteFixtures.edition(edition);
        String template = org.jiaokan.site.SiteFixtures.text("edition/zhs-notice.xml");
        first = edition.resolve("dup-a.xml");
        second = edition.resolve("dup-b.xml");
        Files.writeString(first, twin(template, "长篇通报", 400), StandardCharsets.UTF_8);
        Files.writeString(second, twin(template, "短篇通报", 1), StandardCharsets.UTF_8);
    }

    /** A document of the identifier t-twin, titled {@code title}, with {@code paragraphs} paragraphs more. */
    private static String twin(String template, String title, int paragraphs) {
        StringBuilder extra = new StringBuilder();
        for (int k = 0; k < paragraphs; k++) {
            extra.append("<p xml:id=\"kt1-d-").append(k).append("\">会上通报了第").append(k + 1)
                    .append("批治安巡查的情况，<placeName ref=\"#pl-青石镇\">青石镇</placeName>派出所作了发言。</p>\n");
        }
        return template.replace("<idno type=\"jiaokan\">t-notice</idno>", "<idno type=\"jiaokan\">t-twin</idno>")
                .replace("test/t-notice.html", "test/t-twin.html")
                .replace("夏季治安巡查的通知</title>", title + "</title>")
                .replace("</div>", extra + "</div>");
    }

    private static Publisher.Result publish(Path out, Set<String> formats, int threads) throws Exception {
        return new Publisher(new Publisher.Options(out, formats, null, threads)).publish(List.of(edition));
    }

    /** The one error line of the run: the later document, named with the earlier one. */
    private static void onlyTheLaterIsReported(Publisher.Result r) {
        List<String> clashes = r.errors().stream().filter(e -> e.contains("has the identifier t-twin")).toList();
        assertEquals(1, clashes.size(), r.errors().toString());
        assertTrue(clashes.get(0).startsWith(second + ": another document has the identifier t-twin (" + first + ")"), clashes.get(0));
        assertFalse(r.ok());
    }

    @Test
    void theSiteShowsTheEarlierDocumentInEveryRun() throws Exception {
        theEarlierInEveryRun("site", Set.of("html"), out -> {
            try (Stream<Path> s = Files.walk(out)) {
                return s.filter(f -> f.getFileName().toString().equals("t-twin.html")).findFirst().orElseThrow();
            }
        });
    }

    @Test
    void theRecordsAloneDescribeTheEarlierDocumentAndReportTheLater() throws Exception {
        theEarlierInEveryRun("records", Set.of("catalog"), out -> out.resolve("records/dc/t-twin.xml"));
    }

    /** Where in a run's output the file made of the identifier is. */
    private interface Made {
        Path in(Path out) throws Exception;
    }

    /** Four runs publishing {@code formats}: each reports the later document alone, and its file is the earlier's. */
    private static void theEarlierInEveryRun(String name, Set<String> formats, Made made) throws Exception {
        for (int run = 0; run < 4; run++) {
            Path out = tmp.resolve(name + "-" + run);
            onlyTheLaterIsReported(publish(out, formats, 2));
            String text = Files.readString(made.in(out), StandardCharsets.UTF_8);
            assertTrue(text.contains("长篇通报"), "run " + run + ": the earlier document's");
            assertFalse(text.contains("短篇通报"), "run " + run);
        }
    }

    @Test
    void thePrintEditionAloneHasTheEarlierDocumentAndReportsTheLater() throws Exception {
        try {
            org.jiaokan.publish.fonts.CjkFonts.configured();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("skipped: " + e.getMessage());
        }
        Path out = tmp.resolve("print");
        Publisher.Result r = publish(out, Set.of("pdf"), 2);
        onlyTheLaterIsReported(r);
        assertTrue(Files.size(out.resolve("pdf/t-twin.pdf")) > 0);
    }

    /** A document of the identifier {@code id}, titled {@code title}; over 1 MiB by a comment after the text, which nothing reads, where {@code large}. */
    private static String document(String id, String title, boolean large) throws Exception {
        String template = Files.readString(edition.resolve("zhs-notice.xml"), StandardCharsets.UTF_8);
        String text = twin(template, title, 1).replace("t-twin", id);
        return large ? text + "<!-- " + "注".repeat(400_000) + " -->\n" : text;
    }

    /** The folder {@code folder} and its two documents, each given as file name, identifier and title, larger than 1 MiB where {@code large}: the folder first. */
    private static Path[] twoDocuments(String folder, String[] earlier, boolean earlierLarge, String[] later, boolean laterLarge) throws Exception {
        Path ed = Files.createDirectories(tmp.resolve(folder));
        return new Path[]{ed,
                Files.writeString(ed.resolve(earlier[0]), document(earlier[1], earlier[2], earlierLarge), StandardCharsets.UTF_8),
                Files.writeString(ed.resolve(later[0]), document(later[1], later[2], laterLarge), StandardCharsets.UTF_8)};
    }

    private interface Run {
        void run() throws Exception;
    }

    /** {@code run} with the size limit of {@code format} at 1 MiB. */
    private static void withLimitOf1MiB(String format, Run run) throws Exception {
        String key = "jiaokan.limit." + format;
        String before = System.getProperty(key);
        System.setProperty(key, "1");
        try {
            run.run();
        } finally {
            if (before == null) System.clearProperty(key);
            else System.setProperty(key, before);
        }
    }

    /** The files of {@code out} (pages, records, search index) that hold {@code text}. */
    private static List<String> holding(Path out, String text) throws Exception {
        List<String> found = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".html") && !name.endsWith(".xml") && !name.endsWith(".json") && !name.endsWith(".js")) continue;
                if (Files.readString(p, StandardCharsets.UTF_8).contains(text)) found.add(out.relativize(p).toString());
            }
        }
        return found;
    }

    /**
     * The earlier document over the site's limit and not the records': the site leaves the later one out as the records
     * do (and says so), so that no page of one text has the identifier, and with it the records and the PDF, of another.
     */
    @Test
    void aDocumentOverTheSitesLimitKeepsItsIdentifierThere() throws Exception {
        Path[] made = twoDocuments("limits", new String[]{"big.xml", "t-big", "大篇通报"}, true, new String[]{"small.xml", "t-big", "小篇通报"}, false);
        Path ed = made[0], big = made[1], small = made[2];
        withLimitOf1MiB("html", () -> {
            Path out = tmp.resolve("limits-out");
            Publisher.Result r = new Publisher(new Publisher.Options(out, Set.of("html", "catalog"), null, 2)).publish(List.of(ed));
            assertTrue(r.errors().stream().anyMatch(e -> e.startsWith(big + ": ") && e.contains("over the size limit of html")), r.errors().toString());
            List<String> clashes = r.errors().stream().filter(e -> e.contains("has the identifier t-big")).toList();
            assertEquals(List.of(small + ": another document has the identifier t-big (" + big + "); not published"), clashes);
            String dc = Files.readString(out.resolve("records/dc/t-big.xml"), StandardCharsets.UTF_8);
            assertTrue(dc.contains("大篇通报"), dc);
            assertFalse(Files.exists(out.resolve("doc/t-big.html")), "the later document's page under the earlier one's identifier");
            assertEquals(List.of(), holding(out, "小篇通报"));
        });
    }

    /**
     * An incremental publication after only the document over the site's limit took the identifier of one published
     * before: that one's pages go, and the search index is made again without it, as a publication into an empty
     * folder has it.
     */
    @Test
    void theIdentifierTakenByADocumentOverTheLimitTakesTheOldPagesAway() throws Exception {
        Path[] made = twoDocuments("limits-again", new String[]{"big.xml", "t-other", "大篇通报"}, true, new String[]{"small.xml", "t-big", "小篇通报"}, false);
        Path ed = made[0], big = made[1], small = made[2];
        withLimitOf1MiB("html", () -> {
            Path out = tmp.resolve("limits-again-out");
            Publisher.Options options = new Publisher.Options(out, Set.of("html"), null, 2, true);
            new Publisher(options).publish(List.of(ed));
            assertTrue(Files.readString(out.resolve("doc/t-big.html"), StandardCharsets.UTF_8).contains("小篇通报"));
            List<String> first = holding(out, "小篇通报");
            assertTrue(first.stream().anyMatch(f -> f.startsWith("search")), "the search index holds the text: " + first);
            // the document over the limit takes the identifier
            Files.writeString(big, document("t-big", "大篇通报", true), StandardCharsets.UTF_8);
            Publisher.Result r = new Publisher(options).publish(List.of(ed));
            assertEquals(List.of(small + ": another document has the identifier t-big (" + big + "); not published"),
                    r.errors().stream().filter(e -> e.contains("has the identifier")).toList());
            assertEquals(List.of(), holding(out, "小篇通报"));
            assertFalse(Files.exists(out.resolve("doc/t-big.html")));
            Path fresh = tmp.resolve("limits-again-fresh");
            new Publisher(new Publisher.Options(fresh, Set.of("html"), null, 2)).publish(List.of(ed));
            assertEquals(List.of(), holding(fresh, "小篇通报"));
        });
    }

    /** The later file over one format's limit and left out of another for its identifier: both lines are said. */
    @Test
    void aClashIsSaidBesideASizeLimit() throws Exception {
        Path[] made = twoDocuments("limits-both", new String[]{"a-first.xml", "t-twin", "前篇通报"}, false, new String[]{"b-later.xml", "t-twin", "后篇通报"}, true);
        Path ed = made[0], first = made[1], later = made[2];
        withLimitOf1MiB("catalog", () -> {
            Publisher.Result r = new Publisher(new Publisher.Options(tmp.resolve("limits-both-out"), Set.of("html", "catalog"), null, 2))
                    .publish(List.of(ed));
            List<String> lines = r.errors().stream().filter(e -> e.startsWith(later + ": ")).toList();
            assertEquals(2, lines.size(), r.errors().toString());
            assertTrue(lines.stream().anyMatch(e -> e.contains("over the size limit of catalog")), lines.toString());
            assertTrue(lines.contains(later + ": another document has the identifier t-twin (" + first + "); not published"), lines.toString());
        });
    }
}
