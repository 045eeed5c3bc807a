package org.jiaokan.publish.catalog;

import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.jiaokan.edition.Ordered;
import org.jiaokan.edition.TeiFiles;
import org.jiaokan.publish.OutputFormat;
import org.jiaokan.publish.Publisher;
import org.jiaokan.publish.Theme;
import org.marc4j.marc.Record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue records ({@code --formats catalog}): per document and for the edition as a whole,
 * Dublin Core ({@code oai_dc}), MODS 3.8 and MARC 21 (MARCXML, ISO 2709, breaker text), crosswalked
 * from the TEI headers by the theme's {@code xslt/records/} stylesheets, and {@code CITATION.cff}.
 * <pre>
 * records/dc/DOCID.xml  records/mods/DOCID.xml  records/marcxml/DOCID.xml  records/marc/DOCID.mrc|.mrk
 * records/edition/{dc.xml, mods.xml, marcxml.xml, edition.mrc, edition.mrk}
 * records/all.mrc  records/all.mrk  records/all-marcxml.xml   (the edition's record first, then the documents)
 * CITATION.cff
 * </pre>
 * Documents are done in parallel; one that fails is one error line and the others are still written.
 */
public final class CatalogFormat implements OutputFormat {
    public static final String NAME = "catalog";

    @Override
    public String name() { return NAME; }

    private record Done(String docid, byte[] marcxml, List<Record> marc) {}

    @Override
    public Result publish(Publisher.Inputs in, Path out, Set<String> formats, int threads) throws IOException {
        RecordStylesheets xsl;
        try {
            xsl = new RecordStylesheets(new Theme(in.themeDir()));
        } catch (SaxonApiException e) {
            throw new IOException("the record stylesheets do not compile: " + e.getMessage(), e);
        }
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        Map<String, XdmValue> common = new HashMap<>();
        XdmNode edition = null;
        if (in.edition() != null) {
            try {
                edition = xsl.parse(Files.readAllBytes(in.edition()), in.edition().toAbsolutePath().toUri().toString());
                common.put("edition", edition);
            } catch (SaxonApiException | IOException e) {
                errors.add(in.edition() + ": " + reason(e));
            }
        }
        if (in.registers() != null) {
            try {
                common.put("registers", xsl.parse(Files.readAllBytes(in.registers()), in.registers().toAbsolutePath().toUri().toString()));
            } catch (SaxonApiException | IOException e) {
                errors.add(in.registers() + ": " + reason(e));
            }
        }

        Map<String, Path> ids = new ConcurrentHashMap<>();
        Map<String, Done> done = new ConcurrentHashMap<>();
        Map<String, XdmNode> headers = new ConcurrentHashMap<>();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (Path doc : in.documents()) {
            jobs.add(() -> {
                try {
                    XdmNode tei = xsl.parse(Files.readAllBytes(doc), doc.toAbsolutePath().toUri().toString());
                    if (!isTei(tei)) return null;
                    String docid = Publisher.docid(tei, doc);
                    Path earlier = ids.putIfAbsent(docid, doc);
                    if (earlier != null) return null; // the site reports the clash
                    Map<String, XdmValue> p = new HashMap<>(common);
                    p.put("docid", new XdmAtomicValue(docid));
                    Done d = records(xsl, tei, p, out, "records/dc/" + docid + ".xml", "records/mods/" + docid + ".xml",
                            "records/marcxml/" + docid + ".xml", "records/marc/" + docid, docid);
                    done.put(docid, d);
                    headers.put(docid, xsl.header(tei));
                } catch (SaxonApiException | IOException | RuntimeException e) {
                    errors.add(doc + ": " + reason(e));
                }
                return null;
            });
        }
        Ordered.all(Math.max(1, threads), jobs);

        // The edition as a whole, then the bulk files: the edition's record first, the documents by identifier.
        List<Done> all = new ArrayList<>();
        Map<String, Done> sorted = new TreeMap<>(done);
        if (edition != null && isCorpusOrTei(edition)) {
            try {
                Map<String, XdmValue> p = new HashMap<>(common);
                List<XdmNode> docs = new ArrayList<>();
                List<XdmAtomicValue> docids = new ArrayList<>();
                for (String id : sorted.keySet()) {
                    docs.add(headers.get(id));
                    docids.add(new XdmAtomicValue(id));
                }
                p.put("documents", new XdmValue(docs));
                p.put("docids", new XdmValue(docids));
                all.add(records(xsl, edition, p, out, "records/edition/dc.xml", "records/edition/mods.xml",
                        "records/edition/marcxml.xml", "records/edition/edition", "edition"));
                TeiFiles.atomicWrite(TeiFiles.inside(out, "CITATION.cff"), CitationCff.of(edition).getBytes(StandardCharsets.UTF_8));
            } catch (SaxonApiException | IOException | RuntimeException e) {
                errors.add(in.edition() + ": " + reason(e));
            }
        }
        all.addAll(sorted.values());
        List<Record> marc = new ArrayList<>();
        all.forEach(d -> marc.addAll(d.marc()));
        TeiFiles.atomicWrite(TeiFiles.inside(out, "records/all.mrc"), MarcFiles.iso2709(marc));
        TeiFiles.atomicWrite(TeiFiles.inside(out, "records/all.mrk"), MarcFiles.breaker(marc));
        TeiFiles.atomicWrite(TeiFiles.inside(out, "records/all-marcxml.xml"), collection(all));
        // The static OAI-PMH repository over the records just written, for harvesting without a server.
        errors.addAll(org.jiaokan.serve.oai.StaticRepository.write(out, in.edition()).problems());
        List<String> errs = new ArrayList<>(errors);
        Collections.sort(errs);
        return new Result(done.size(), errs);
    }

    /** The three crosswalks of one document (or of the edition), and the MARC files made from MARCXML. */
    private static Done records(RecordStylesheets xsl, XdmNode doc, Map<String, XdmValue> p, Path out,
                                String dc, String mods, String marcxml, String marcBase, String docid) throws SaxonApiException, IOException {
        byte[] dcBytes = xsl.transform(RecordStylesheets.Kind.DC, doc, p);
        byte[] modsBytes = xsl.transform(RecordStylesheets.Kind.MODS, doc, p);
        byte[] marcBytes = xsl.transform(RecordStylesheets.Kind.MARCXML, doc, p);
        List<Record> records = MarcFiles.read(marcBytes);
        if (records.size() != 1) throw new IOException("the MARC crosswalk gave " + records.size() + " records");
        TeiFiles.atomicWrite(TeiFiles.inside(out, dc), dcBytes);
        TeiFiles.atomicWrite(TeiFiles.inside(out, mods), modsBytes);
        TeiFiles.atomicWrite(TeiFiles.inside(out, marcxml), marcBytes);
        TeiFiles.atomicWrite(TeiFiles.inside(out, marcBase + ".mrc"), MarcFiles.iso2709(records));
        TeiFiles.atomicWrite(TeiFiles.inside(out, marcBase + ".mrk"), MarcFiles.breaker(records));
        return new Done(docid, marcBytes, records);
    }

    /** A marc:collection of the records as the crosswalk wrote them. */
    private static byte[] collection(List<Done> all) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">\n");
        for (Done d : all) {
            String x = new String(d.marcxml(), StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
            sb.append(x.strip()).append('\n');
        }
        sb.append("</marc:collection>\n");
        bos.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return bos.toByteArray();
    }

    private static final String TEI_NS = "http://www.tei-c.org/ns/1.0";

    private static boolean isTei(XdmNode doc) {
        for (XdmNode c : doc.children()) {
            if (c.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ELEMENT) {
                return TEI_NS.equals(c.getNodeName().getNamespace()) && "TEI".equals(c.getNodeName().getLocalName());
            }
        }
        return false;
    }

    private static boolean isCorpusOrTei(XdmNode doc) {
        for (XdmNode c : doc.children()) {
            if (c.getNodeKind() == net.sf.saxon.s9api.XdmNodeKind.ELEMENT) {
                return TEI_NS.equals(c.getNodeName().getNamespace()) && "teiCorpus".equals(c.getNodeName().getLocalName());
            }
        }
        return false;
    }

    static String reason(Exception e) {
        return Publisher.reason(e);
    }
}
