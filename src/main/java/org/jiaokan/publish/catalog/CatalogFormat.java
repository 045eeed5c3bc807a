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

    /**
     * Where one record's files are: {@code marcxml} (the crosswalk's MARCXML) and {@code marcBase} + {@code .mrc} /
     * {@code .mrk} (null where ISO 2709 cannot hold the record, and {@code iso2709Refused} says why). The bulk files are
     * made from these files once every record is written, so that nothing of a document is kept in memory until the end.
     */
    record Written(String marcxml, String marcBase, String iso2709Refused) {}

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

        // Of two documents with one identifier the earlier in the inputs has records, whichever job gets there first.
        org.jiaokan.publish.DocumentClaims ids = new org.jiaokan.publish.DocumentClaims(in.documents(), in.leftOut());
        Map<String, Written> done = new ConcurrentHashMap<>();
        Map<String, Path> teiFiles = new ConcurrentHashMap<>(); // each document's TEI, for the static repository
        // Each document's header, for the edition's record, kept serialised and compressed until it is made.
        Map<String, byte[]> headers = new ConcurrentHashMap<>();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < in.documents().size(); i++) {
            Path doc = in.documents().get(i);
            int place = i;
            jobs.add(() -> {
                try {
                    XdmNode tei = xsl.parse(Files.readAllBytes(doc), doc.toAbsolutePath().toUri().toString());
                    if (!isTei(tei)) return null;
                    String docid = Publisher.docid(tei, doc);
                    Path earlier = ids.claim(place, docid);
                    if (earlier != null) {
                        // reported here where neither the site nor the print edition met the clash
                        String clash = org.jiaokan.publish.DocumentClaims.clash(formats, NAME, doc, docid, earlier);
                        if (clash != null) errors.add(clash);
                        return null;
                    }
                    Map<String, XdmValue> p = new HashMap<>(common);
                    p.put("docid", new XdmAtomicValue(docid));
                    Written d = records(xsl, tei, p, out, "records/dc/" + docid + ".xml", "records/mods/" + docid + ".xml",
                            "records/marcxml/" + docid + ".xml", "records/marc/" + docid, docid);
                    done.put(docid, d);
                    teiFiles.put(docid, doc);
                    if (d.iso2709Refused() != null) errors.add(doc + ": " + d.iso2709Refused());
                    headers.put(docid, xsl.compressedHeader(tei));
                } catch (SaxonApiException | IOException | RuntimeException | InterruptedException e) {
                    if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                    errors.add(doc + ": " + reason(e));
                } finally {
                    ids.pass(place); // the documents after this one wait for its claim
                }
                return null;
            });
        }
        Ordered.all(Math.max(1, threads), jobs, ids::pass); // a job skipped after another failed passes its place

        // The edition as a whole, then the bulk files: the edition's record first, the documents by identifier.
        List<Written> all = new ArrayList<>();
        Map<String, Written> sorted = new TreeMap<>(done);
        done.clear();
        if (edition != null && isCorpusOrTei(edition)) {
            try {
                Map<String, XdmValue> p = new HashMap<>(common);
                List<XdmNode> docs = new ArrayList<>();
                List<XdmAtomicValue> docids = new ArrayList<>();
                for (String id : sorted.keySet()) {
                    docs.add(xsl.uncompressHeader(headers.remove(id)));
                    docids.add(new XdmAtomicValue(id));
                }
                p.put("documents", new XdmValue(docs));
                p.put("docids", new XdmValue(docids));
                Written w = records(xsl, edition, p, out, "records/edition/dc.xml", "records/edition/mods.xml",
                        "records/edition/marcxml.xml", "records/edition/edition", "edition");
                if (w.iso2709Refused() != null) errors.add(in.edition() + ": " + w.iso2709Refused());
                all.add(w);
                TeiFiles.atomicWrite(TeiFiles.inside(out, "CITATION.cff"), CitationCff.of(edition).getBytes(StandardCharsets.UTF_8));
            } catch (SaxonApiException | IOException | RuntimeException e) {
                errors.add(in.edition() + ": " + reason(e));
            }
        }
        headers.clear();
        all.addAll(sorted.values());
        sorted.clear();
        bulk(out, all);
        // The static OAI-PMH repository over the records just written, for harvesting without a server.
        errors.addAll(org.jiaokan.serve.oai.StaticRepository.write(out, in.edition(), teiFiles).problems());
        List<String> errs = new ArrayList<>(errors);
        Collections.sort(errs);
        return new Result(done.size(), errs);
    }

    /** The three crosswalks of one document (or of the edition), and the MARC files made from MARCXML. */
    private static Written records(RecordStylesheets xsl, XdmNode doc, Map<String, XdmValue> p, Path out,
                                   String dc, String mods, String marcxml, String marcBase, String docid) throws SaxonApiException, IOException {
        byte[] dcBytes = xsl.transform(RecordStylesheets.Kind.DC, doc, p);
        byte[] modsBytes = xsl.transform(RecordStylesheets.Kind.MODS, doc, p);
        byte[] marcBytes = xsl.transform(RecordStylesheets.Kind.MARCXML, doc, p);
        List<Record> records = MarcFiles.read(marcBytes);
        if (records.size() != 1) throw new IOException("the MARC crosswalk gave " + records.size() + " records");
        byte[] iso;
        String tooLong = null;
        try {
            iso = MarcFiles.iso2709(records);
        } catch (org.marc4j.MarcException e) {
            iso = null;
            tooLong = iso2709Refusal(e);
        }
        TeiFiles.atomicWrite(TeiFiles.inside(out, dc), dcBytes);
        TeiFiles.atomicWrite(TeiFiles.inside(out, mods), modsBytes);
        TeiFiles.atomicWrite(TeiFiles.inside(out, marcxml), marcBytes);
        if (iso == null) {
            // MARCXML has no such limit: the record is whole there and in the collection; no file holds a cut one
            Files.deleteIfExists(TeiFiles.inside(out, marcBase + ".mrc"));
            Files.deleteIfExists(TeiFiles.inside(out, marcBase + ".mrk"));
            return new Written(marcxml, null, tooLong);
        }
        TeiFiles.atomicWrite(TeiFiles.inside(out, marcBase + ".mrc"), iso);
        TeiFiles.atomicWrite(TeiFiles.inside(out, marcBase + ".mrk"), MarcFiles.breaker(records));
        return new Written(marcxml, marcBase, null);
    }

    private static final java.util.regex.Pattern RECORD_LENGTH = java.util.regex.Pattern.compile("length would be (\\d+)");

    /** Why ISO 2709 cannot hold a record, in words, for a line that names the document: marc4j's own message otherwise. */
    static String iso2709Refusal(org.marc4j.MarcException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher length = RECORD_LENGTH.matcher(m);
        String why = e instanceof MarcFiles.FieldTooLong f
                ? "its MARC field " + f.tag() + " is " + f.length() + " bytes, over the 9,999 ISO 2709 holds in a field"
                : length.find() ? "its MARC record is " + length.group(1) + " bytes, over the 99,999 ISO 2709 holds"
                : "its MARC record cannot be written in ISO 2709 (" + m.strip() + ")";
        return why + "; the .mrc and .mrk files and all.mrc and all.mrk are without it, its MARCXML holds it whole";
    }

    /**
     * The bulk files, {@code records/all.mrc}, {@code all.mrk} and {@code all-marcxml.xml}, of the records in
     * {@code all}'s order, each copied from its own files as it is written: one record at a time in memory. The
     * ISO 2709 and breaker files are their records' files one after the other (neither form has a header or a
     * trailer); the collection is each MARCXML record without its XML declaration.
     */
    static void bulk(Path out, List<Written> all) throws IOException {
        org.jiaokan.io.AtomicFiles.write(TeiFiles.inside(out, "records/all.mrc"), o -> {
            for (Written w : all) if (w.marcBase() != null) o.write(Files.readAllBytes(TeiFiles.inside(out, w.marcBase() + ".mrc")));
        });
        org.jiaokan.io.AtomicFiles.write(TeiFiles.inside(out, "records/all.mrk"), o -> {
            for (Written w : all) if (w.marcBase() != null) o.write(Files.readAllBytes(TeiFiles.inside(out, w.marcBase() + ".mrk")));
        });
        org.jiaokan.io.AtomicFiles.write(TeiFiles.inside(out, "records/all-marcxml.xml"), o -> {
            o.write(COLLECTION_START);
            for (Written w : all) o.write(collectionEntry(Files.readAllBytes(TeiFiles.inside(out, w.marcxml()))));
            o.write(COLLECTION_END);
        });
    }

    private static final byte[] COLLECTION_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<marc:collection xmlns:marc=\"http://www.loc.gov/MARC21/slim\">\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] COLLECTION_END = "</marc:collection>\n".getBytes(StandardCharsets.UTF_8);

    /** One record of the marc:collection: the record as the crosswalk wrote it, without its XML declaration. */
    static byte[] collectionEntry(byte[] marcxml) {
        String x = new String(marcxml, StandardCharsets.UTF_8).replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
        return (x.strip() + "\n").getBytes(StandardCharsets.UTF_8);
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
