package org.jiaokan.serve.oai;

import org.jiaokan.edition.TeiFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes the published records as an OAI-PMH Static Repository (the OAI's "Specification for an OAI
 * Static Repository", namespace {@value #NS}) into {@code OUT/records/oai-static.xml}: one file holding
 * {@code Identify}, {@code ListMetadataFormats} and one {@code ListRecords} per format, for harvesting
 * through a static repository gateway without a server.
 *
 * <p>Items, identifiers and datestamps are those {@link OaiCatalog} reads and {@code jiaokan serve}
 * offers at {@code /oai}; the records are copied in as they are. The static form has no sets (the
 * specification leaves them out). Its {@code baseURL} is the file's own canonical URL (the edition's base
 * URL followed by {@code records/oai-static.xml}); a gateway that takes the file in announces its own.
 * The same output gives the same bytes.
 */
public final class StaticRepository {

    public static final String NS = OaiCatalog.STATIC_NS;
    static final String SCHEMA = "http://www.openarchives.org/OAI/2.0/static-repository.xsd";

    /**
     * @param file     the file written
     * @param items    the items it holds
     * @param problems record files left out, one line each ({@code FILE: reason})
     */
    public record Result(Path file, int items, List<String> problems) {}

    private StaticRepository() {}

    /** Writes {@code out/records/oai-static.xml}, describing the repository from the published output. */
    public static Result write(Path out) throws IOException {
        return write(out, null);
    }

    /**
     * Writes {@code out/records/oai-static.xml}, taking the repository's name, host and administrator's
     * address from {@code editionXml} (the edition's {@code edition.xml}) when it is not null.
     */
    public static Result write(Path out, Path editionXml) throws IOException {
        return write(out, editionXml, Map.of());
    }

    /**
     * As {@link #write(Path, Path)}, a document's TEI taken from {@code teiFiles} (DOCID → file, the run's) rather than
     * from the output's {@code doc/DOCID.xml}: the catalogue published without the site has its records and not the
     * TEI's copies (its repository held the edition alone), or an earlier run's copies.
     */
    public static Result write(Path out, Path editionXml, Map<String, Path> teiFiles) throws IOException {
        OaiCatalog catalog = OaiCatalog.load(out, editionXml, false, new OaiCatalog.Memo(), teiFiles);
        Path file = TeiFiles.inside(out, OaiCatalog.STATIC_FILE);
        // Written as it is made, one record read at a time: every record of every format would not fit in memory.
        org.jiaokan.io.AtomicFiles.write(file, o -> {
            java.io.Writer w = new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8);
            xml(catalog, w);
            w.flush();
        });
        return new Result(file, catalog.entries().size(), catalog.problems());
    }

    /** The static repository of {@code catalog}. */
    static String xml(OaiCatalog catalog) throws IOException {
        StringBuilder x = new StringBuilder(8192);
        xml(catalog, x);
        return x.toString();
    }

    /** The static repository of {@code catalog}, appended to {@code x} as it is made. */
    static void xml(OaiCatalog catalog, Appendable x) throws IOException {
        OaiCatalog.Info info = catalog.info();
        String base = (info.baseUrl() != null ? info.baseUrl() : "http://" + info.host() + "/") + OaiCatalog.STATIC_FILE;
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<Repository xmlns=\"").append(NS).append("\" xmlns:oai=\"").append(OaiCatalog.OAI_NS)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
                .append(NS).append(' ').append(SCHEMA).append("\">\n");
        x.append("  <Identify>\n");
        element(x, "    ", "repositoryName", info.name());
        element(x, "    ", "baseURL", base);
        element(x, "    ", "protocolVersion", "2.0");
        for (String e : info.adminEmails()) element(x, "    ", "adminEmail", e);
        element(x, "    ", "earliestDatestamp", catalog.earliest().toString());
        element(x, "    ", "deletedRecord", "no");
        element(x, "    ", "granularity", "YYYY-MM-DD");
        x.append("  </Identify>\n");

        List<OaiFormat> formats = java.util.Arrays.stream(OaiFormat.values())
                .filter(f -> catalog.entries().stream().anyMatch(e -> e.records().containsKey(f))).toList();
        x.append("  <ListMetadataFormats>\n");
        for (OaiFormat f : formats) {
            x.append("    <oai:metadataFormat>\n");
            element(x, "      ", "metadataPrefix", f.prefix);
            element(x, "      ", "schema", f.schema);
            element(x, "      ", "metadataNamespace", f.namespace);
            x.append("    </oai:metadataFormat>\n");
        }
        x.append("  </ListMetadataFormats>\n");

        for (OaiFormat f : formats) {
            x.append("  <ListRecords metadataPrefix=\"").append(escape(f.prefix)).append("\">\n");
            for (OaiCatalog.Entry e : catalog.entries()) {
                Path file = e.records().get(f);
                if (file == null) continue;
                String record = stripDeclaration(new String(OaiCatalog.record(file, f), StandardCharsets.UTF_8));
                x.append("    <oai:record>\n");
                x.append("      <oai:header>\n");
                element(x, "        ", "identifier", e.identifier());
                element(x, "        ", "datestamp", e.datestamp().toString());
                x.append("      </oai:header>\n");
                x.append("      <oai:metadata>\n").append(record.strip()).append("\n      </oai:metadata>\n");
                x.append("    </oai:record>\n");
            }
            x.append("  </ListRecords>\n");
        }
        x.append("</Repository>\n");
    }

    private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml\\s[^?]*\\?>");

    private static String stripDeclaration(String record) {
        return DECLARATION.matcher(record).replaceFirst("");
    }

    private static void element(Appendable x, String indent, String name, String text) throws IOException {
        x.append(indent).append("<oai:").append(name).append('>').append(escape(text)).append("</oai:").append(name).append(">\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') b.append(' ');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
