package org.jiaokan.serve.oai;

import io.gdcc.xoai.dataprovider.DataProvider;
import io.gdcc.xoai.dataprovider.model.Context;
import io.gdcc.xoai.dataprovider.repository.Repository;
import io.gdcc.xoai.dataprovider.repository.RepositoryConfiguration;
import io.gdcc.xoai.dataprovider.request.RequestBuilder;
import io.gdcc.xoai.exceptions.BadArgumentException;
import io.gdcc.xoai.exceptions.OAIException;
import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Error;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.OAIPMH;
import io.gdcc.xoai.model.oaipmh.Request;
import io.gdcc.xoai.model.oaipmh.verbs.Identify;
import io.gdcc.xoai.xmlio.exceptions.XmlWriteException;
import io.gdcc.xoai.services.api.DateProvider;
import io.gdcc.xoai.xml.XmlWriter;

import javax.xml.stream.XMLStreamException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An OAI-PMH 2.0 data provider over a published output folder, on the xoai data provider library: all
 * six verbs, the formats {@code oai_dc}, {@code mods} and {@code marcxml}, sets by genre, day
 * granularity, no deleted records, resumption tokens in pages of a configurable size.
 *
 * <p>Arguments are checked before the library sees them: a name or value longer than
 * {@link #MAX_VALUE} characters, one holding characters XML cannot carry, or more than
 * {@link #MAX_ARGUMENTS} arguments give {@code badArgument} without being echoed. The catalogue is
 * read again when the output's {@code doc/} or {@code records/} folders change (a new publish).
 */
public final class OaiEndpoint {

    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The longest argument name or value accepted. */
    public static final int MAX_VALUE = 1024;
    /** The most arguments (verb included) accepted in one request. */
    public static final int MAX_ARGUMENTS = 16;

    private final Path out;
    private final Path editionXml;
    private final int pageSize;
    private final Supplier<String> baseUrl;

    private record State(List<Object> stamp, String baseUrl, OaiCatalog catalog, DataProvider provider,
                         RepositoryConfiguration config) {}

    private volatile State state;
    private final OaiCatalog.Memo memo = new OaiCatalog.Memo();

    /**
     * @param out        the published output folder
     * @param editionXml the edition's {@code edition.xml} for the repository's description, or null
     * @param pageSize   records and identifiers per response page (at least 1)
     * @param baseUrl    the endpoint's own URL, as it is announced in responses
     */
    public OaiEndpoint(Path out, Path editionXml, int pageSize, Supplier<String> baseUrl) throws IOException {
        if (pageSize < 1) throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
        this.out = out;
        this.editionXml = editionXml;
        this.pageSize = pageSize;
        this.baseUrl = Objects.requireNonNull(baseUrl);
        state(); // fail early on a folder that cannot be read
    }

    /** The catalogue currently served. */
    public OaiCatalog catalog() throws IOException {
        return state().catalog;
    }

    /** Answers one request, given its arguments (each name with every value it was given); UTF-8 XML. */
    public byte[] respond(Map<String, List<String>> arguments) throws IOException {
        State s = state();
        Map<String, String[]> clean = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (arguments.size() > MAX_ARGUMENTS) problems.add("more than " + MAX_ARGUMENTS + " arguments");
        for (Map.Entry<String, List<String>> a : arguments.entrySet()) {
            String name = a.getKey();
            if (name.length() > MAX_VALUE || !xmlSafe(name)) {
                problems.add("an argument name is longer than " + MAX_VALUE + " characters or has characters XML cannot carry");
                continue;
            }
            boolean ok = true;
            for (String v : a.getValue()) {
                if (v.length() > MAX_VALUE || !xmlSafe(v)) {
                    problems.add("the value of an argument is longer than " + MAX_VALUE + " characters or has characters XML cannot carry");
                    ok = false;
                    break;
                }
            }
            if (ok && (name.equals("from") || name.equals("until"))) {
                for (String v : a.getValue()) {
                    if (!calendarDate(v)) {
                        problems.add("'" + name + "' is not a day of the calendar (a date as 2020-02-29, or a time as 2020-02-29T08:00:00Z)");
                        ok = false;
                        break;
                    }
                }
            }
            if (ok) clean.put(name, a.getValue().toArray(String[]::new));
        }
        // An 'until' after today asks for every record up to today: a harvester east of Greenwich asks for its own today
        // before it is today in UTC. The library refuses it (badArgument); it is given today, and the answer echoes
        // the request as it was made.
        java.time.Instant askedUntil = null;
        // A 'from' after today asks for records no one has made yet: the answer is noRecordsMatch, as the protocol
        // has it for a list of nothing. The library refuses it (badArgument), which a harvester east of Greenwich
        // sending its own today meets until that day begins in UTC. It is given today, so that the library judges
        // the other arguments, and a list it makes is replaced by noRecordsMatch. A 'from' after the 'until' is left
        // to the library's badArgument.
        java.time.Instant askedFrom = null;
        java.time.LocalDate today = java.time.LocalDate.now(ZoneOffset.UTC);
        java.time.LocalDate fromDay = day(clean, "from"), untilDay = day(clean, "until");
        if (fromDay != null && fromDay.isAfter(today) && (untilDay == null || !fromDay.isAfter(untilDay))) {
            askedFrom = fromDay.atStartOfDay(ZoneOffset.UTC).toInstant();
            clean.put("from", new String[] {today.toString()});
        }
        // (a time to the second is refused at this repository's granularity, days, as the protocol asks)
        if (untilDay != null && untilDay.isAfter(today)) {
            askedUntil = untilDay.atStartOfDay(ZoneOffset.UTC).toInstant();
            clean.put("until", new String[] {today.toString()});
        }
        OAIPMH answer;
        if (!problems.isEmpty() && isVerbProblem(arguments, clean)) {
            answer = s.provider.handle(clean); // badVerb
        } else {
            RequestBuilder.RawRequest raw;
            try {
                raw = RequestBuilder.buildRawRequest(clean);
            } catch (OAIException e) {
                raw = null;
            }
            if (raw == null) {
                answer = s.provider.handle(clean);
            } else {
                for (String p : problems) raw.withError(new BadArgumentException(p));
                answer = s.provider.handle(raw);
            }
        }
        if (askedUntil != null && answer.getRequest() != null && answer.getRequest().getUntil().isPresent()) {
            answer.getRequest().withUntil(askedUntil);
        }
        // (the library's own error answers echo no argument; this one echoes the request's, the 'from' as it was asked)
        if (askedFrom != null && !answer.hasErrors() && (answer.getVerb() instanceof io.gdcc.xoai.model.oaipmh.verbs.ListRecords
                || answer.getVerb() instanceof io.gdcc.xoai.model.oaipmh.verbs.ListIdentifiers)) {
            answer = new OAIPMH().withRequest(answer.getRequest().withFrom(askedFrom)).withResponseDate(answer.getResponseDate())
                    .withError(new Error("no record has a datestamp on or after the day 'from' names").withCode(Error.Code.NO_RECORDS_MATCH));
        }
        answer = repeatedOnce(answer, clean);
        echoArguments(answer, clean, askedFrom, askedUntil);
        if (answer.getVerb() instanceof Identify identify) answer.withVerb(new DayIdentify(identify));
        return write(answer, s.config);
    }

    /**
     * Gives an answer whose errors are neither {@code badVerb} nor {@code badArgument} the request's arguments as its
     * {@code request} element's attributes, as the protocol asks (they were valid, so they are echoed); the library
     * writes the base URL alone for every error. A {@code from} or {@code until} is the day asked for.
     */
    private static void echoArguments(OAIPMH answer, Map<String, String[]> clean, java.time.Instant askedFrom, java.time.Instant askedUntil) {
        Request r = answer.getRequest();
        if (!answer.hasErrors() || r == null || r.getVerb().isPresent()) return;
        for (Error e : answer.getErrors()) {
            if (e.getCode() == Error.Code.BAD_VERB || e.getCode() == Error.Code.BAD_ARGUMENT) return;
        }
        String verb = one(clean, "verb");
        if (verb == null) return;
        try {
            r.withVerb(io.gdcc.xoai.model.oaipmh.verbs.Verb.Type.from(verb));
        } catch (io.gdcc.xoai.exceptions.BadVerbException e) {
            return;
        }
        if (one(clean, "identifier") != null) r.withIdentifier(one(clean, "identifier"));
        if (one(clean, "metadataPrefix") != null) r.withMetadataPrefix(one(clean, "metadataPrefix"));
        if (one(clean, "set") != null) r.withSet(one(clean, "set"));
        if (one(clean, "resumptionToken") != null) r.withResumptionToken(one(clean, "resumptionToken"));
        java.time.Instant from = askedFrom != null ? askedFrom : instant(clean, "from");
        if (from != null) r.withFrom(from);
        java.time.Instant until = askedUntil != null ? askedUntil : instant(clean, "until");
        if (until != null) r.withUntil(until);
    }

    /**
     * An answer to a request that repeats an argument other than the verb, with one error naming each argument
     * repeated: the library says "Arguments must be singular, given: '[oai_dc, oai_dc]'" naming none, and also that the
     * argument is missing ("Missing required argument 'metadataPrefix'"), which it is not.
     */
    private static OAIPMH repeatedOnce(OAIPMH answer, Map<String, String[]> clean) {
        List<String> repeated = new ArrayList<>();
        for (Map.Entry<String, String[]> a : clean.entrySet()) {
            if (a.getValue().length > 1 && !a.getKey().equals("verb")) repeated.add(a.getKey());
        }
        if (repeated.isEmpty() || !answer.hasErrors()) return answer;
        OAIPMH fixed = new OAIPMH().withRequest(answer.getRequest()).withResponseDate(answer.getResponseDate());
        for (String name : repeated) {
            fixed.withError(new Error("the argument '" + name + "' is given more than once").withCode(Error.Code.BAD_ARGUMENT));
        }
        for (Error e : answer.getErrors()) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.startsWith("Arguments must be singular")) continue;
            if (repeated.stream().anyMatch(n -> m.startsWith("Missing required argument '" + n + "'"))) continue;
            fixed.withError(e);
        }
        return fixed;
    }

    /** The one value of an argument, or null (none, or more than one: an error the library names). */
    private static String one(Map<String, String[]> args, String name) {
        String[] v = args.get(name);
        return v != null && v.length == 1 ? v[0] : null;
    }

    /** The one value of an argument as a day of the calendar (a date, not a time: checked as a calendar's above), or null. */
    private static java.time.LocalDate day(Map<String, String[]> args, String name) {
        String v = one(args, name);
        return v != null && v.matches(DAY) ? java.time.LocalDate.parse(v) : null;
    }

    private static final String DAY = "\\d{4}-\\d{2}-\\d{2}";

    /** A day or a time of the protocol as an instant (a day at its start, UTC), or null. */
    private static java.time.Instant instant(Map<String, String[]> args, String name) {
        java.time.LocalDate day = day(args, name);
        if (day != null) return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        String v = one(args, name);
        try {
            return v == null ? null : java.time.Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Whether {@code v}, where it has the shape of a date or a time of the protocol, is one the calendar has: the
     * library reads 2020-02-30 as 2020-02-29 and answers for that day. A value of another shape is left to it (it
     * refuses it).
     */
    static boolean calendarDate(String v) {
        try {
            if (v.matches(DAY)) java.time.LocalDate.parse(v);
            else if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) java.time.Instant.parse(v);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** A {@code badArgument} answer for a request whose arguments could not be read at all. */
    public byte[] badArgument(String message) throws IOException {
        State s = state();
        OAIPMH answer = new OAIPMH()
                .withRequest(new Request(s.config.getBaseUrl()))
                .withResponseDate(DateProvider.now())
                .withError(new Error(message).withCode(Error.Code.BAD_ARGUMENT));
        return write(answer, s.config);
    }

    private static boolean isVerbProblem(Map<String, List<String>> given, Map<String, String[]> clean) {
        return given.containsKey("verb") && !clean.containsKey("verb");
    }

    private static byte[] write(OAIPMH answer, RepositoryConfiguration config) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XmlWriter w = new XmlWriter(bytes, config)) {
            w.writeStartDocument();
            w.write(answer);
            w.writeEndDocument();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the OAI-PMH response: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * The library's Identify, its earliest datestamp written at the repository's granularity (days), as
     * the protocol asks; the library writes it to the second whatever the granularity.
     */
    static final class DayIdentify extends Identify {
        DayIdentify(Identify i) {
            withRepositoryName(i.getRepositoryName()).withBaseURL(i.getBaseURL()).withProtocolVersion(i.getProtocolVersion())
                    .withEarliestDatestamp(i.getEarliestDatestamp()).withDeletedRecord(i.getDeletedRecord())
                    .withGranularity(i.getGranularity());
            i.getAdminEmails().forEach(this::withAdminEmail);
            i.getCompressions().forEach(this::withCompression);
            i.getDescriptions().forEach(this::withDescription);
        }

        @Override
        public void write(XmlWriter writer) throws XmlWriteException {
            if (getGranularity() != Granularity.Day) {
                super.write(writer);
                return;
            }
            writer.writeElement("repositoryName", getRepositoryName());
            writer.writeElement("baseURL", getBaseURL());
            writer.writeElement("protocolVersion", getProtocolVersion());
            for (String email : getAdminEmails()) writer.writeElement("adminEmail", email);
            writer.writeElement("earliestDatestamp", getEarliestDatestamp(), Granularity.Day);
            writer.writeElement("deletedRecord", getDeletedRecord().value());
            writer.writeElement("granularity", getGranularity().toString());
            for (String c : getCompressions()) writer.writeElement("compression", c);
            for (var d : getDescriptions()) writer.writeElement("description", d);
        }
    }

    static boolean xmlSafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
            if (c == 0xFFFE || c == 0xFFFF) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    // ---- the catalogue and the library's configuration, read again when the output changes

    private State state() throws IOException {
        List<Object> stamp = stamp();
        String base = baseUrl.get();
        State s = state;
        if (s != null && s.stamp.equals(stamp) && s.baseUrl.equals(base)) return s;
        synchronized (this) {
            s = state;
            if (s != null && s.stamp.equals(stamp) && s.baseUrl.equals(base)) return s;
            OaiCatalog catalog = OaiCatalog.load(out, editionXml, editionXml == null, memo);
            RepositoryConfiguration config = configuration(catalog, base, pageSize);
            OaiRepository items = new OaiRepository(catalog);
            Context context = new Context();
            for (OaiFormat f : OaiFormat.values()) context.withMetadataFormat(OaiRepository.format(f));
            Repository repository = new Repository(config).withItemRepository(items).withSetRepository(items);
            s = new State(stamp, base, catalog, new DataProvider(context, repository), config);
            state = s;
            return s;
        }
    }

    static RepositoryConfiguration configuration(OaiCatalog catalog, String baseUrl, int pageSize) {
        RepositoryConfiguration.RepositoryConfigurationBuilder b = new RepositoryConfiguration.RepositoryConfigurationBuilder()
                .withRepositoryName(catalog.info().name())
                .withBaseUrl(baseUrl)
                .withEarliestDate(catalog.earliest().atStartOfDay().toInstant(ZoneOffset.UTC))
                .withGranularity(Granularity.Day)
                .withDeleteMethod(DeletedRecord.NO)
                .withMaxListIdentifiers(pageSize)
                .withMaxListRecords(pageSize)
                .withMaxListSets(pageSize)
                .withResumptionTokenFormat(new SafeTokenFormat(Granularity.Day, catalog.genres().size()))
                .withRequireFromAfterEarliest(false);
        for (String e : catalog.info().adminEmails()) b.withAdminEmail(e);
        return b.build();
    }

    /**
     * What tells a republish: the modification times and the file names of the folders the catalogue is
     * read from (names as well, for file systems whose times are coarse). No file is opened.
     */
    private List<Object> stamp() throws IOException {
        List<Object> l = new ArrayList<>();
        List<Path> dirs = new ArrayList<>(List.of(out.resolve("doc"), out.resolve("records"), out.resolve("records").resolve(OaiCatalog.EDITION_ID)));
        for (OaiFormat f : OaiFormat.values()) dirs.add(out.resolve("records").resolve(f.folder));
        for (Path p : dirs) {
            if (!Files.isDirectory(p)) {
                l.add(0L);
                continue;
            }
            l.add(Files.getLastModifiedTime(p));
            int names = 0;
            try (java.nio.file.DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
                for (Path f : ds) names += f.getFileName().toString().hashCode();
            }
            l.add(names);
        }
        if (editionXml != null && Files.exists(editionXml)) l.add(Files.getLastModifiedTime(editionXml));
        return l;
    }
}
