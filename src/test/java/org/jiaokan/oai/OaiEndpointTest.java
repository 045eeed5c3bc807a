package org.jiaokan.oai;

import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.serviceprovider.ServiceProvider;
import io.gdcc.xoai.serviceprovider.client.JdkHttpOaiClient;
import io.gdcc.xoai.serviceprovider.model.Context;
import io.gdcc.xoai.serviceprovider.parameters.ListRecordsParameters;
import org.jiaokan.serve.SiteServer;
import org.jiaokan.serve.oai.OaiEndpoint;
import org.jiaokan.serve.oai.OaiHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code /oai} of the preview server over the example edition's published output, page size 2: every
 * verb, every error code, each response valid against OAI-PMH.xsd with its metadata against the
 * oai_dc, MODS 3.8 and MARC21slim schemas, and a harvest by the xoai service provider library.
 */
class OaiEndpointTest {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";

    @TempDir
    static Path tmp;
    static Path out;
    static SiteServer server;
    static List<String> docIds;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void serve() throws Exception {
        out = OaiFixtures.published(tmp.resolve("site"));
        docIds = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out.resolve("doc"), "*.xml")) {
            for (Path p : ds) docIds.add(p.getFileName().toString().replaceFirst("\\.xml$", ""));
        }
        docIds.sort(null);
        AtomicReference<String> url = new AtomicReference<>("http://127.0.0.1/oai");
        OaiEndpoint endpoint = new OaiEndpoint(out, null, 2, url::get);
        server = new SiteServer(out, SiteServer.DEFAULT_HOST, 0, List.of(new OaiHandler(endpoint))).start();
        url.set(server.url() + "oai");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    static HttpResponse<byte[]> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "oai?" + query)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "oai")).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs the request, checks the HTTP answer and validates the body; returns it parsed. */
    static Document oai(String query) throws Exception {
        return valid(get(query));
    }

    static Document valid(HttpResponse<byte[]> r) throws Exception {
        assertEquals(200, r.statusCode());
        assertEquals("text/xml; charset=UTF-8", r.headers().firstValue("Content-Type").orElse(""));
        List<String> errors = OaiFixtures.validate(r.body());
        assertEquals(List.of(), errors, () -> "invalid against OAI-PMH.xsd:\n" + new String(r.body(), StandardCharsets.UTF_8));
        return OaiFixtures.parse(r.body());
    }

    static List<String> texts(Document d, String local) {
        NodeList n = d.getElementsByTagNameNS(OAI, local);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) l.add(n.item(i).getTextContent().strip());
        return l;
    }

    static String errorCode(Document d) {
        NodeList n = d.getElementsByTagNameNS(OAI, "error");
        assertTrue(n.getLength() > 0, "no error in the response");
        return ((Element) n.item(0)).getAttribute("code");
    }

    static String id(String docId) {
        return "oai:example.org:" + docId;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void identify() throws Exception {
        Document d = oai("verb=Identify");
        assertEquals(List.of("Public-security meeting reports and speeches, 2008–2024: an example edition"), texts(d, "repositoryName"));
        assertEquals(List.of(server.url() + "oai"), texts(d, "baseURL"));
        assertEquals(List.of("2.0"), texts(d, "protocolVersion"));
        assertEquals(List.of("no"), texts(d, "deletedRecord"));
        assertEquals(List.of("YYYY-MM-DD"), texts(d, "granularity"));
        assertEquals(1, texts(d, "adminEmail").size());
        // the earliest datestamp is the earliest of the documents' header dates, not the clock
        assertEquals(List.of("2026-12-01"), texts(d, "earliestDatestamp"));
    }

    @Test
    void postIsAnsweredLikeGet() throws Exception {
        Document d = valid(post("verb=GetRecord&metadataPrefix=mods&identifier=" + enc(id(docIds.get(0)))));
        assertEquals(List.of(id(docIds.get(0))), texts(d, "identifier"));
        assertEquals(1, d.getElementsByTagNameNS("http://www.loc.gov/mods/v3", "mods").getLength());
    }

    @Test
    void listMetadataFormats() throws Exception {
        Document d = oai("verb=ListMetadataFormats");
        assertEquals(List.of("oai_dc", "mods", "marcxml"), texts(d, "metadataPrefix"));
        assertEquals(List.of("http://www.openarchives.org/OAI/2.0/oai_dc/", "http://www.loc.gov/mods/v3", "http://www.loc.gov/MARC21/slim"),
                texts(d, "metadataNamespace"));
        Document one = oai("verb=ListMetadataFormats&identifier=" + enc(id("edition")));
        assertEquals(3, texts(one, "metadataPrefix").size());
        assertEquals("idDoesNotExist", errorCode(oai("verb=ListMetadataFormats&identifier=" + enc(id("no-such-doc")))));
    }

    @Test
    void listSetsByGenre() throws Exception {
        Document d = oai("verb=ListSets");
        List<String> specs = new ArrayList<>(texts(d, "setSpec"));
        List<String> names = new ArrayList<>(texts(d, "setName"));
        assertEquals(2, specs.size(), "page size 2");
        String token = texts(d, "resumptionToken").get(0);
        Document rest = oai("verb=ListSets&resumptionToken=" + enc(token));
        specs.addAll(texts(rest, "setSpec"));
        names.addAll(texts(rest, "setName"));
        assertEquals(List.of("genre:meeting-report", "genre:news-report", "genre:speech"), specs);
        assertEquals(List.of("会议报道 / Meeting report", "新闻报道 / News report", "讲话 / Speech"), names);
        // the speech set holds the one speech
        Document speech = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=genre:speech");
        assertEquals(List.of(id(docIds.get(3))), texts(speech, "identifier"));
        assertEquals("noRecordsMatch", errorCode(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=genre:no-such-genre")));
        // a token past the last set (a set removed since it was issued): stale, as the lists of items answer; the
        // library's paging of the sets failed on it with a server error
        for (int offset : new int[] {3, 4, 1000}) {
            String past = java.util.Base64.getEncoder().encodeToString(("offset::" + offset).getBytes(StandardCharsets.UTF_8));
            assertEquals("badResumptionToken", errorCode(oai("verb=ListSets&resumptionToken=" + enc(past))), "offset " + offset);
        }
        String last = java.util.Base64.getEncoder().encodeToString("offset::2".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("genre:speech"), texts(oai("verb=ListSets&resumptionToken=" + enc(last)), "setSpec"));
    }

    @Test
    void listIdentifiersFollowsTokensToTheEnd() throws Exception {
        List<String> ids = new ArrayList<>();
        Document d = oai("verb=ListIdentifiers&metadataPrefix=marcxml");
        int pages = 1;
        while (true) {
            List<String> page = texts(d, "identifier");
            assertTrue(page.size() <= 2, "page size 2");
            ids.addAll(page);
            List<String> token = texts(d, "resumptionToken");
            if (token.isEmpty() || token.get(0).isEmpty()) break;
            d = oai("verb=ListIdentifiers&resumptionToken=" + enc(token.get(0)));
            pages++;
        }
        List<String> expected = new ArrayList<>(docIds.stream().map(OaiEndpointTest::id).toList());
        expected.add(id("edition"));
        assertEquals(expected, ids);
        assertEquals(3, pages);
        // headers carry the genre set and the datestamp from the TEI header
        Document first = oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
        assertEquals(List.of("genre:meeting-report", "genre:meeting-report"), texts(first, "setSpec"));
        assertEquals(List.of("2026-12-01", "2026-12-01"), texts(first, "datestamp"));
    }

    @Test
    void listRecordsWithResumptionTokenInEveryFormat() throws Exception {
        for (String prefix : List.of("oai_dc", "mods", "marcxml")) {
            Set<String> ids = new LinkedHashSet<>();
            int metadata = 0;
            Document d = oai("verb=ListRecords&metadataPrefix=" + prefix);
            while (true) {
                ids.addAll(texts(d, "identifier"));
                metadata += d.getElementsByTagNameNS(OAI, "metadata").getLength();
                List<String> token = texts(d, "resumptionToken");
                if (token.isEmpty() || token.get(0).isEmpty()) break;
                d = oai("verb=ListRecords&resumptionToken=" + enc(token.get(0)));
            }
            assertEquals(docIds.size() + 1, ids.size(), prefix);
            assertEquals(docIds.size() + 1, metadata, prefix);
        }
    }

    @Test
    void fromAndUntilFilterByDatestamp() throws Exception {
        // one document of the example edition was converted a day later than the others
        Document late = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-12-02");
        assertEquals(List.of(id(docIds.get(2)), id("edition")), texts(late, "identifier"));
        Document early = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&until=2026-12-01");
        assertEquals(2, texts(early, "identifier").size());
        assertFalse(texts(early, "identifier").contains(id(docIds.get(2))));
        assertEquals("noRecordsMatch", errorCode(oai("verb=ListRecords&metadataPrefix=oai_dc&until=2000-01-01")));
    }

    /**
     * An 'until' after today (a harvester east of Greenwich asks for its own today before UTC's) lists every record,
     * as 'until' today does, and the answer's request echoes the day asked for; the library refused it as badArgument.
     */
    @Test
    void untilAfterTodayListsEveryRecord() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Document all = oai("verb=ListIdentifiers&metadataPrefix=oai_dc");
        for (String until : List.of(today.plusDays(1).toString(), today.plusYears(3).toString())) {
            Document d = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&until=" + until);
            assertEquals(0, d.getElementsByTagNameNS(OAI, "error").getLength(), until);
            assertEquals(texts(all, "identifier"), texts(d, "identifier"), until);
            assertEquals(until, ((org.w3c.dom.Element) d.getElementsByTagNameNS(OAI, "request").item(0)).getAttribute("until"), until);
        }
        // with a 'from': the records from that day up to today
        Document since = oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-12-02&until=" + today.plusDays(1));
        assertEquals(texts(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2026-12-02"), "identifier"), texts(since, "identifier"));
    }

    @Test
    void fromAfterTodayMatchesNoRecordAndTheOtherArgumentsAreStillJudged() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String tomorrow = today.plusDays(1).toString();
        for (String verb : List.of("ListIdentifiers", "ListRecords")) {
            assertEquals("noRecordsMatch", errorCode(oai("verb=" + verb + "&metadataPrefix=oai_dc&from=" + tomorrow)), verb);
        }
        // a 'from' after the 'until', a missing or unknown format: as for any 'from'
        assertEquals("badArgument", errorCode(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + tomorrow + "&until=" + today)));
        assertEquals("badArgument", errorCode(oai("verb=ListIdentifiers&from=" + tomorrow)));
        assertEquals("cannotDisseminateFormat", errorCode(oai("verb=ListIdentifiers&metadataPrefix=nope&from=" + tomorrow)));
        // both after today, in order
        assertEquals("noRecordsMatch", errorCode(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&from=" + tomorrow
                + "&until=" + today.plusDays(2))));

        // A document revised today: listed from today, not from tomorrow.
        Path site = tmp.resolve("revised-today");
        try (java.util.stream.Stream<Path> all = Files.walk(out)) {
            for (Path p : all.toList()) {
                Path to = site.resolve(out.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        Path tei = site.resolve("doc/" + docIds.get(0) + ".xml");
        String text = Files.readString(tei, StandardCharsets.UTF_8);
        assertTrue(text.contains("</revisionDesc>"), tei.toString());
        Files.writeString(tei, text.replace("</revisionDesc>", "<change when=\"" + today + "\">Corrected.</change></revisionDesc>"),
                StandardCharsets.UTF_8);
        OaiEndpoint revised = new OaiEndpoint(site, null, 2, () -> "http://127.0.0.1/oai");
        Document fromToday = OaiFixtures.parse(revised.respond(Map.of("verb", List.of("ListIdentifiers"),
                "metadataPrefix", List.of("oai_dc"), "from", List.of(today.toString()))));
        assertTrue(texts(fromToday, "identifier").stream().anyMatch(i -> i.endsWith(":" + docIds.get(0))), texts(fromToday, "identifier").toString());
        byte[] fromTomorrow = revised.respond(Map.of("verb", List.of("ListIdentifiers"), "metadataPrefix", List.of("oai_dc"),
                "from", List.of(tomorrow)));
        assertEquals(List.of(), OaiFixtures.validate(fromTomorrow));
        Document noMatch = OaiFixtures.parse(fromTomorrow);
        assertEquals("noRecordsMatch", errorCode(noMatch), new String(fromTomorrow, StandardCharsets.UTF_8));
        Element request = (Element) noMatch.getElementsByTagNameNS(OAI, "request").item(0);
        assertEquals(tomorrow, request.getAttribute("from"), "the request as it was asked");
        assertEquals("ListIdentifiers", request.getAttribute("verb"));
    }

    @Test
    void anErrorOtherThanBadVerbOrBadArgumentEchoesTheArguments() throws Exception {
        // the protocol: the request's attributes are its arguments, but for badVerb and badArgument (the library wrote
        // the base URL alone for every error)
        Element r = request(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:example.org:no-such-doc")));
        assertEquals("GetRecord", r.getAttribute("verb"));
        assertEquals("oai:example.org:no-such-doc", r.getAttribute("identifier"));
        assertEquals("oai_dc", r.getAttribute("metadataPrefix"));
        r = request(oai("verb=ListIdentifiers&metadataPrefix=oai_dc&set=genre:no-such-genre&from=2026-01-01"));
        assertEquals("genre:no-such-genre", r.getAttribute("set"));
        assertEquals("2026-01-01", r.getAttribute("from"));
        assertEquals("ead", request(oai("verb=ListRecords&metadataPrefix=ead")).getAttribute("metadataPrefix"));
        // badArgument and badVerb: the base URL alone
        assertFalse(request(oai("verb=ListRecords")).hasAttributes());
        assertFalse(request(oai("verb=Frobnicate")).hasAttributes());
    }

    @Test
    void aRepeatedArgumentIsOneErrorNamingIt() throws Exception {
        // the library named no argument, and said the repeated one was missing as well
        Document d = oai("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc");
        assertEquals(List.of("the argument 'metadataPrefix' is given more than once"), texts(d, "error"));
        assertEquals("badArgument", errorCode(d));
        assertEquals(List.of("the argument 'set' is given more than once"),
                texts(oai("verb=ListRecords&metadataPrefix=oai_dc&set=a&set=b"), "error"));
        assertEquals("badVerb", errorCode(oai("verb=Identify&verb=ListSets")), "a repeated verb is still badVerb");
    }

    private static Element request(Document d) {
        return (Element) d.getElementsByTagNameNS(OAI, "request").item(0);
    }

    @Test
    void getRecordCopiesTheRecordFile() throws Exception {
        String doc = docIds.get(2);
        Document d = oai("verb=GetRecord&metadataPrefix=marcxml&identifier=" + enc(id(doc)));
        NodeList fields = d.getElementsByTagNameNS("http://www.loc.gov/MARC21/slim", "controlfield");
        assertEquals(doc, fields.item(0).getTextContent());
        Document dc = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(id(doc)));
        String title = dc.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title").item(0).getTextContent();
        assertTrue(title.contains("會議") || title.contains("会议") || !title.isEmpty(), title);
        String file = Files.readString(out.resolve("records/dc/" + doc + ".xml"));
        assertTrue(file.contains(OaiFixtures.esc(title)), "the title is the record file's");
    }

    @Test
    void errorCodes() throws Exception {
        assertEquals("badVerb", errorCode(oai("verb=Frobnicate")));
        assertEquals("badVerb", errorCode(oai("")));
        assertEquals("badVerb", errorCode(oai("verb=Identify&verb=ListSets")));
        assertEquals("badArgument", errorCode(oai("verb=Identify&extra=1")));
        assertEquals("badArgument", errorCode(oai("verb=GetRecord&identifier=" + enc(id(docIds.get(0))))));
        assertEquals("badArgument", errorCode(oai("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=mods")));
        assertEquals("badArgument", errorCode(oai("verb=ListRecords&metadataPrefix=oai_dc&from=2026-13-45")));
        assertEquals("badArgument", errorCode(oai("verb=ListRecords&metadataPrefix=oai_dc&from=2026-12-02&until=2026-12-01")));
        assertEquals("badArgument", errorCode(oai("verb=ListRecords&metadataPrefix=oai_dc&from=2026-12-01&until=2026-12-02T00:00:00Z")));
        assertEquals("badArgument", errorCode(oai("verb=ListRecords")));
        assertEquals("cannotDisseminateFormat", errorCode(oai("verb=ListRecords&metadataPrefix=ead")));
        assertEquals("cannotDisseminateFormat", errorCode(oai("verb=GetRecord&metadataPrefix=ead&identifier=" + enc(id(docIds.get(0))))));
        assertEquals("idDoesNotExist", errorCode(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:example.org:no-such-doc"))));
        assertEquals("badResumptionToken", errorCode(oai("verb=ListRecords&resumptionToken=not-a-token")));
        // tokens that decode to bytes no XML can carry: a well-formed answer that echoes none of them
        for (String garbage : List.of("AAAA", "garbage", "abcd")) {
            Document d = oai("verb=ListRecords&resumptionToken=" + garbage);
            assertEquals("badResumptionToken", errorCode(d), garbage);
            assertFalse(texts(d, "error").get(0).contains("\u0000"), garbage);
        }
        // a token with a metadata prefix this repository has none of
        String foreign = java.util.Base64.getEncoder().encodeToString("offset::2|metadataPrefix::foo".getBytes(StandardCharsets.UTF_8));
        assertEquals("badResumptionToken", errorCode(oai("verb=ListRecords&resumptionToken=" + enc(foreign))));
        // days the calendar does not have are not read as the days before them
        for (String day : List.of("from=2020-02-30", "from=2021-04-31", "until=2021-02-29", "from=2020-02-30T00:00:00Z")) {
            assertEquals("badArgument", errorCode(oai("verb=ListRecords&metadataPrefix=oai_dc&" + day)), day);
        }
        assertEquals(0, oai("verb=ListRecords&metadataPrefix=oai_dc&from=2020-02-29").getElementsByTagNameNS(OAI, "error").getLength(),
                "a leap day is a day");
        assertEquals("badArgument", errorCode(oai("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x")));
    }

    @Test
    void hugeAndMalformedArgumentsGetProtocolErrors() throws Exception {
        String huge = "x".repeat(4000);
        Document d = oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + huge);
        assertEquals("badArgument", errorCode(d));
        assertFalse(new String(get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + huge).body(), StandardCharsets.UTF_8).contains(huge),
                "a huge argument is not echoed");
        assertEquals("badArgument", errorCode(valid(post("verb=ListRecords&metadataPrefix=oai_dc&set=" + "y".repeat(200_000)))));
        assertEquals("badArgument", errorCode(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=%01%02")));
        assertEquals("badArgument", errorCode(oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=%E4%B8")));
        StringBuilder many = new StringBuilder("verb=Identify");
        for (int i = 0; i < 40; i++) many.append("&a").append(i).append("=1");
        assertEquals("badArgument", errorCode(oai(many.toString())));
        assertEquals("badVerb", errorCode(oai("verb=" + huge)));
    }

    @Test
    void aBodyTooLargeIsAnsweredEveryTime() throws Exception {
        // The answer comes before the body is read: the rest of the body is read and thrown away, so the connection
        // is not reset under the answer (a clean-clone run once lost it).
        for (int i = 0; i < 30; i++) {
            assertEquals("badArgument", errorCode(valid(post("verb=ListRecords&metadataPrefix=oai_dc&set=" + "z".repeat(300_000 + i)))), "request " + i);
        }
    }

    @Test
    void otherMethodsAndPathsAreNotOai() throws Exception {
        HttpResponse<byte[]> put = http.send(HttpRequest.newBuilder(URI.create(server.url() + "oai"))
                .PUT(HttpRequest.BodyPublishers.ofString("verb=Identify")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(405, put.statusCode());
        // the site is still served beside the endpoint
        HttpResponse<byte[]> index = http.send(HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, index.statusCode());
    }

    @Test
    void harvestedByTheXoaiServiceProvider() throws Exception {
        JdkHttpOaiClient client = new JdkHttpOaiClient.JdkHttpBuilder(HttpClient.newBuilder())
                .withBaseUrl(server.url() + "oai").withRequestTimeout(Duration.ofSeconds(20)).build();
        // The harvester reads metadata through a transformer into its own model: a generic one, any record to
        // one element (its root) with a field per leaf element (the harvester's parser reads no deeper nesting).
        Context context = new Context().withBaseUrl(server.url() + "oai").withGranularity(Granularity.Day).withOAIClient(client);
        for (String prefix : List.of("oai_dc", "mods", "marcxml")) context.withMetadataTransformer(prefix, toXoai());
        ServiceProvider harvester = new ServiceProvider(context);
        assertEquals("Public-security meeting reports and speeches, 2008–2024: an example edition", harvester.identify().getRepositoryName());
        Set<String> formats = new TreeSet<>();
        harvester.listMetadataFormats().forEachRemaining(f -> formats.add(f.getMetadataPrefix()));
        assertEquals(Set.of("oai_dc", "mods", "marcxml"), formats);
        for (String prefix : formats) {
            Iterator<Record> records = harvester.listRecords(ListRecordsParameters.request().withMetadataPrefix(prefix));
            Set<String> ids = new TreeSet<>();
            Set<String> roots = new TreeSet<>();
            int count = 0;
            while (records.hasNext()) {
                Record r = records.next();
                ids.add(r.getHeader().getIdentifier());
                roots.add(r.getMetadata().getXoaiMetadata().getElements().get(0).getName());
                count++;
            }
            assertEquals(Set.of(Map.of("oai_dc", "dc", "mods", "mods", "marcxml", "record").get(prefix)), roots);
            assertEquals(docIds.size() + 1, count, prefix);
            assertEquals(docIds.size() + 1, ids.size(), prefix);
            assertTrue(ids.contains(id("edition")), prefix);
        }
    }

    static javax.xml.transform.Transformer toXoai() throws Exception {
        String xsl = """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns="http://www.lyncode.com/xoai">
                  <xsl:template match="/">
                    <metadata><element name="{local-name(*)}">
                      <xsl:for-each select="//*[not(*)]"><field name="{local-name()}"><xsl:value-of select="."/></field></xsl:for-each>
                    </element></metadata>
                  </xsl:template>
                </xsl:stylesheet>""";
        javax.xml.transform.TransformerFactory f = javax.xml.transform.TransformerFactory.newInstance();
        f.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newTransformer(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(xsl)));
    }
}
