package org.jiaokan.publish.pdf;

import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import org.apache.fop.apps.FOPException;
import org.jiaokan.edition.Ordered;
import org.jiaokan.edition.TeiFiles;
import org.jiaokan.publish.OutputFormat;
import org.jiaokan.publish.Publisher;
import org.jiaokan.publish.Theme;
import org.jiaokan.publish.fonts.CjkFonts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The print edition: {@code pdf/DOCID.pdf} per document and {@code pdf/edition.pdf} for the whole edition, made
 * from the TEI by the theme's XSLT 3.0 ({@code site/xslt/pdf/}) and Apache FOP. The stylesheets are compiled once,
 * FOP is set up once, documents are rendered in parallel. Each PDF is laid out once ({@link PageLookup}): the index,
 * which stands last, reads its pages from FOP as it is written; the edition's contents, which stand first, take theirs
 * from the documents' own PDFs, laid out before it, and FOP checks them. Nothing cites a page ahead, so FOP writes
 * each page out as soon as it is laid out, and the edition's memory does not grow with its pages.
 */
public final class PdfFormat implements OutputFormat {
    /** The creation date when neither the edition nor the document has a publication date. */
    static final LocalDate FALLBACK_DATE = LocalDate.of(2000, 1, 1);

    @Override
    public String name() { return "pdf"; }

    /** Held so that the level stays set (the logging framework keeps loggers weakly). */
    private static final java.util.logging.Logger FOP_LOG = quiet("org.apache.fop");
    private static final java.util.logging.Logger XMLGRAPHICS_LOG = quiet("org.apache.xmlgraphics");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    /**
     * FOP writes the PDF's dates (the information dictionary, the XMP) in the JVM's default time zone; so that the
     * same TEI gives the same bytes on every machine, the default is UTC while the PDFs are made. FOP also reads
     * the default locale (under a Turkish locale the page labels of roman-numbered pages came out otherwise), so
     * that is the root locale meanwhile. FOP's informational log lines (one per font collection opened) are not
     * printed: a run's messages are its error lines.
     */
    @Override
    public Result publish(Publisher.Inputs in, Path out, Set<String> formats, int threads) throws IOException {
        synchronized (PdfFormat.class) {
            java.util.TimeZone zone = java.util.TimeZone.getDefault();
            java.util.Locale locale = java.util.Locale.getDefault();
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
            java.util.Locale.setDefault(java.util.Locale.ROOT);
            try {
                return publishInUtc(in, out, formats, threads);
            } finally {
                java.util.TimeZone.setDefault(zone);
                java.util.Locale.setDefault(locale);
            }
        }
    }

    private Result publishInUtc(Publisher.Inputs in, Path out, Set<String> formats, int threads) throws IOException {
        Path folder = out.resolve("pdf");
        CjkFonts fonts;
        try {
            // The faces the user chose (JIAOKAN_FONT_SERIF/SANS, fontconfig), else the pinned ones.
            fonts = CjkFonts.configured();
        } catch (org.jiaokan.publish.fonts.UnusableFontException e) {
            return new Result(0, List.of(e.getMessage()));
        } catch (IOException e) {
            return new Result(0, List.of(folder + ": " + e.getMessage()));
        }
        Theme theme = new Theme(in.themeDir());
        PdfStylesheets xsl;
        try {
            xsl = new PdfStylesheets(theme);
        } catch (SaxonApiException e) {
            throw new IOException("the print stylesheets do not compile: " + e.getMessage(), e);
        }
        PdfEngine engine = new PdfEngine(fonts);
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        XdmNode registers = in.registers() == null ? null : parseOrReport(xsl, in.registers(), errors);
        XdmNode edition = in.edition() == null ? null : parseOrReport(xsl, in.edition(), errors);
        XdmNode ui;
        try {
            ui = xsl.parse(theme.bytes("i18n/zh-Hans.xml"), Theme.uri("i18n/zh-Hans.xml").toString());
        } catch (SaxonApiException e) {
            throw new IOException(theme.origin("i18n/zh-Hans.xml") + ": " + e.getMessage(), e);
        }
        Job job = new Job(xsl, engine, registers, edition, ui, editionDate(edition), formats.contains("html"));

        Map<Integer, Doc> docs = new ConcurrentHashMap<>();
        List<Path> files = in.documents();
        // Of two documents with one identifier the earlier in the inputs is printed, whichever job gets there first.
        org.jiaokan.publish.DocumentClaims ids = new org.jiaokan.publish.DocumentClaims(files, in.leftOut());
        List<Callable<Void>> jobs = new ArrayList<>();
        // Documents whose setting ran out of memory beside others: set again alone once the rest is done, so that the
        // line names the document that needs the memory, not the one set beside it when the heap ran out.
        List<Integer> alone = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < files.size(); i++) {
            int index = i;
            Path file = files.get(i);
            jobs.add(() -> {
                try {
                    printOne(xsl, job, engine, out, ids, docs, errors, formats, index, file, true);
                } catch (OutOfMemoryError e) {
                    // The rendering's memory is dropped with it; the others and the other formats are still made.
                    alone.add(index);
                } finally {
                    ids.pass(index); // the documents after this one wait for its claim
                }
                return null;
            });
        }
        Ordered.all(Math.max(1, threads), jobs, ids::pass); // a job skipped after another failed passes its place
        jobs.clear();
        List<Integer> again = new ArrayList<>(alone);
        Collections.sort(again);
        for (int index : again) {
            Path file = files.get(index);
            try {
                printOne(xsl, job, engine, out, ids, docs, errors, formats, index, file, false);
            } catch (OutOfMemoryError e) {
                errors.add(file + ": not printed: the Java heap (" + heapMegabytes() + " MB) ran out while it was set, alone;"
                        + " give Java more, e.g. " + moreHeap());
            }
        }
        int made = docs.size();
        int volumes = volumes(files.size());
        List<Map.Entry<Integer, Doc>> byIndex = new ArrayList<>(new TreeMap<>(docs).entrySet());
        docs.clear();
        removeOtherVolumes(folder, volumes, ids.claimed());
        long wall = 0, cpuTime = 0;
        int layouts = 0;
        boolean timed = false;
        for (int v = 1; v <= volumes; v++) {
            // Volume v: the documents at positions ((v - 1) * limit, v * limit] of the inputs that have a PDF.
            int from = (v - 1) * volumeLimit(), to = v * volumeLimit();
            List<Doc> volume = new ArrayList<>();
            for (Map.Entry<Integer, Doc> e : byIndex) if (e.getKey() >= from && e.getKey() < to) volume.add(e.getValue());
            String name = volumes == 1 ? "edition.pdf" : "edition-" + v + ".pdf";
            Path taken = volumes > 1 ? ids.owner("edition-" + v) : null;
            if (taken != null) {
                errors.add(folder.resolve(name) + ": not made: a document has the identifier edition-" + v + " (" + taken + ")");
                continue;
            }
            if (volume.isEmpty()) {
                if (volumes > 1) errors.add(folder.resolve(name) + ": not made: none of its documents has a PDF");
                continue;
            }
            List<String> problems = new ArrayList<>();
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long wall0 = System.nanoTime(), cpu0 = cpu.getCurrentThreadCpuTime();
            try {
                List<Doc> trees = withTrees(xsl, volume);
                Rendered r = job.render(trees, true, volumes == 1 ? 0 : v, volumes, predicted(trees), problems);
                trees = null;
                wall += System.nanoTime() - wall0;
                cpuTime += cpu.getCurrentThreadCpuTime() - cpu0;
                layouts += r.layouts();
                timed = true;
                byte[] pdf = r.pdf();
                r = null;
                if (problems.isEmpty()) TeiFiles.atomicWrite(TeiFiles.inside(out, "pdf/" + name), pdf);
            } catch (SaxonApiException | FOPException | RuntimeException e) {
                problems.add(reason(e));
            } catch (OutOfMemoryError e) {
                // The rendering holds what FOP keeps of a tagged PDF until its last page (the structure tree, about
                // 250 KB a page); dropped here, it leaves the heap to the other formats.
                problems.add("not made: the Java heap (" + heapMegabytes() + " MB) is too small for the print edition of "
                        + volume.size() + " documents; give Java more, e.g. " + moreHeap()
                        + ", or print it in smaller volumes, e.g. JIAOKAN_JAVA_OPTS=-D" + VOLUME_PROPERTY + "=" + Math.max(1, volume.size() / 4));
            }
            if (!problems.isEmpty()) errors.add(folder.resolve(name) + ": " + problems.get(0));
        }
        if (timed) lastEdition = new EditionTiming(wall, cpuTime, layouts);
        List<String> sorted = new ArrayList<>(errors);
        Collections.sort(sorted);
        return new Result(made, sorted);
    }

    /** The Java heap's limit, in MB, for the lines of a print edition that ran out of it. */
    private static long heapMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    /** A heap twice this one's (4 GB at least), as the setting those lines advise: {@code JIAOKAN_JAVA_OPTS=-Xmx4g}. */
    private static String moreHeap() {
        return "JIAOKAN_JAVA_OPTS=-Xmx" + Math.max(4, 2 * (int) Math.ceil(Runtime.getRuntime().maxMemory() / 1073741824.0)) + "g";
    }

    /**
     * Prints the document at {@code index} of the inputs alone ({@code pdf/DOCID.pdf}) and keeps its layout in
     * {@code docs} for the edition, or adds the line that says why not to {@code errors}; {@code claim}: whether this is
     * its first try (else it is set again after running out of memory, once every document has claimed or passed). Running
     * out of memory is its caller's to answer.
     */
    private void printOne(PdfStylesheets xsl, Job job, PdfEngine engine, Path out, org.jiaokan.publish.DocumentClaims ids,
                          Map<Integer, Doc> docs, List<String> errors, Set<String> formats, int index, Path file, boolean claim) {
        try {
            setOne(xsl, job, engine, out, ids, docs, errors, formats, index, file, claim);
        } catch (SaxonApiException | IOException | FOPException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            errors.add(file + ": " + reason(e));
        }
    }

    private void setOne(PdfStylesheets xsl, Job job, PdfEngine engine, Path out, org.jiaokan.publish.DocumentClaims ids,
                        Map<Integer, Doc> docs, List<String> errors, Set<String> formats, int index, Path file, boolean claim)
            throws SaxonApiException, IOException, FOPException, InterruptedException {
        java.util.function.BiConsumer<Path, Boolean> hook = beforeSetting;
        if (hook != null) hook.accept(file, !claim);
        XdmNode tei = xsl.parse(Files.readAllBytes(file), file.toAbsolutePath().toUri().toString());
        String docid = Publisher.docid(tei, file);
        // set again alone: its first try may have run out of memory before it claimed its identifier
        Path earlier;
        if (claim) {
            earlier = ids.claim(index, docid);
        } else {
            org.jiaokan.publish.DocumentClaims.Again again = ids.claimAgain(index, docid);
            earlier = again.earlier();
            if (again.displaced() >= 0) {
                // a later document with this identifier was printed meanwhile: it gives it up, as on the site, and its
                // PDF is replaced by this one's
                docs.remove(again.displaced());
                String clash = org.jiaokan.publish.DocumentClaims.clash(formats, name(), again.later(), docid, file);
                if (clash != null) errors.add(clash);
            }
        }
        if (earlier != null) {
            // reported here where the site did not meet the clash
            String clash = org.jiaokan.publish.DocumentClaims.clash(formats, name(), file, docid, earlier);
            if (clash != null) errors.add(clash);
            return;
        }
        List<String> problems = new ArrayList<>();
        Doc doc = Doc.of(file, tei, docid);
        Rendered r = job.render(List.of(doc), false, null, problems);
        Doc d = doc.laidOut(r.layout());
        byte[] pdf = r.pdf();
        if (!problems.isEmpty()) {
            String first = problems.get(0);
            if (first.startsWith("missing glyph")) {
                errors.add(file + ": " + engine.missingGlyphs(tei.getStringValue(), first));
            } else {
                errors.add(file + ": " + first + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
            return;
        }
        TeiFiles.atomicWrite(TeiFiles.inside(out, "pdf/" + docid + ".pdf"), pdf);
        // The tree is not kept: the edition parses each document again when it prints its volume.
        docs.put(index, d.withoutTree());
    }

    /**
     * Told each document's file before it is set, and whether it is set again alone (after running out of memory
     * beside others): the tests make a document run out of memory here. Null (the default) outside them.
     */
    static volatile java.util.function.BiConsumer<Path, Boolean> beforeSetting;

    /** The system property that sets how many documents a volume of the print edition holds at most. */
    public static final String VOLUME_PROPERTY = "jiaokan.pdf.volume";
    /**
     * The documents of a volume when {@link #VOLUME_PROPERTY} is not set. FOP keeps a tagged PDF's structure tree
     * until its last page (about 250 KB a page); 400 documents of the benchmark's corpus (about 1,200 pages) take
     * some 300 MB, so that a 1 GB heap prints an edition of any size.
     */
    public static final int DEFAULT_VOLUME = 400;

    /** How many documents a volume of the print edition holds at most. */
    public static int volumeLimit() {
        String v = System.getProperty(VOLUME_PROPERTY);
        if (v != null && v.strip().matches("[1-9][0-9]{0,8}")) return Integer.parseInt(v.strip());
        return DEFAULT_VOLUME;
    }

    /**
     * The volumes of the print edition of {@code documents} inputs: one ({@code pdf/edition.pdf}) up to the
     * {@linkplain #volumeLimit() limit}, else {@code pdf/edition-1.pdf}, {@code edition-2.pdf} … of that many inputs
     * each, in the edition's order. The site links to them by this count, made before the PDFs are.
     */
    public static int volumes(int documents) {
        int limit = volumeLimit();
        return Math.max(1, (documents + limit - 1) / limit);
    }

    /**
     * The print edition's files of another division than this run's, left by an earlier run, are removed (never the
     * PDF of a document of this run, whatever its identifier).
     */
    private static void removeOtherVolumes(Path folder, int volumes, Set<String> docids) throws IOException {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        java.util.regex.Pattern volume = java.util.regex.Pattern.compile("edition-([1-9][0-9]{0,8})\\.pdf");
        try (java.util.stream.Stream<Path> list = Files.list(folder)) {
            for (Path p : list.toList()) {
                String n = p.getFileName().toString();
                java.util.regex.Matcher m = volume.matcher(n);
                boolean other = volumes > 1 ? n.equals("edition.pdf") || m.matches() && Long.parseLong(m.group(1)) > volumes
                        : m.matches();
                if (other && !docids.contains(n.substring(0, n.length() - 4)) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The documents of a volume with their trees, parsed again from their files. */
    private static List<Doc> withTrees(PdfStylesheets xsl, List<Doc> docs) throws SaxonApiException {
        List<Doc> out = new ArrayList<>(docs.size());
        for (Doc d : docs) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(d.file());
            } catch (IOException e) {
                throw new SaxonApiException(d.file() + ": " + e.getMessage(), e);
            }
            out.add(d.withTree(xsl.parse(bytes, d.file().toAbsolutePath().toUri().toString())));
        }
        return out;
    }

    private static XdmNode parseOrReport(PdfStylesheets xsl, Path file, List<String> errors) {
        try {
            return xsl.parse(Files.readAllBytes(file), file.toAbsolutePath().toUri().toString());
        } catch (SaxonApiException | IOException e) {
            // The site reports a broken registers or edition file; the PDFs are made without it.
            return null;
        }
    }

    /** How long the last edition PDF of this JVM took to make: wall and rendering-thread CPU time, and its layouts. */
    public record EditionTiming(long wallNanos, long cpuNanos, int layouts) {}

    private static volatile EditionTiming lastEdition;

    /** The last edition PDF's timing in this JVM (for the benchmark), or null. */
    public static EditionTiming lastEdition() { return lastEdition; }

    /**
     * One document to print: its file, its tree, its identifier, whether its text needs the complex-script features
     * (found once, for its PDF and the edition's), and where its own PDF's ids fell (once made).
     */
    record Doc(Path file, XdmNode tei, String docid, boolean complexScripts, PdfEngine.Layout layout) {
        static Doc of(Path file, XdmNode tei, String docid) {
            return new Doc(file, tei, docid, PdfEngine.needsComplexScripts(tei.getStringValue()), null);
        }

        Doc laidOut(PdfEngine.Layout layout) {
            return new Doc(file, tei, docid, complexScripts, layout);
        }

        /** This document without its tree, to be kept between its own PDF and the edition's. */
        Doc withoutTree() {
            return new Doc(file, null, docid, complexScripts, layout);
        }

        Doc withTree(XdmNode tree) {
            return new Doc(file, tree, docid, complexScripts, layout);
        }
    }

    /** A PDF, where its ids fell, and how many times it was laid out (1, or 2 when a page given was wrong). */
    record Rendered(byte[] pdf, PdfEngine.Layout layout, int layouts) {}

    /**
     * The edition's page of each id of its documents, from the documents' own PDFs: the edition's text pages are
     * numbered from 1 at its first document, each document starts a page sequence on the same page master as in its
     * own PDF, so document k's id on page i (from 0) of its PDF is on page (pages of documents 1..k-1) + i + 1. The
     * stylesheet keys a document "dK" and its ids "dK.…"; in a document's own PDF it is "d1". The index ("jk-index")
     * starts on the page after the last document's.
     */
    static java.util.function.Function<String, String> predicted(List<Doc> docs) {
        int[] offsets = new int[docs.size()];
        int pages = 0;
        for (int i = 0; i < docs.size(); i++) {
            offsets[i] = pages;
            pages += docs.get(i).layout() == null ? 0 : docs.get(i).layout().firstSequencePages();
        }
        int total = pages;
        return id -> {
            // The index's page sequence follows the last document's.
            if (id.equals("jk-index")) return String.valueOf(total + 1);
            java.util.regex.Matcher m = DOC_KEY.matcher(id);
            if (!m.matches()) return null;
            int k = Integer.parseInt(m.group(1)) - 1;
            if (k < 0 || k >= docs.size() || docs.get(k).layout() == null) return null;
            Integer at = docs.get(k).layout().pageIndex().get("d1" + (m.group(2) == null ? "" : m.group(2)));
            return at == null ? null : String.valueOf(offsets[k] + at + 1);
        };
    }

    private static final java.util.regex.Pattern DOC_KEY = java.util.regex.Pattern.compile("d([1-9][0-9]{0,8})(\\..*)?", java.util.regex.Pattern.DOTALL);

    /** What every rendering of a run shares. */
    record Job(PdfStylesheets xsl, PdfEngine engine, XdmNode registers, XdmNode edition, XdmNode ui, LocalDate date, boolean site) {
        /**
         * One PDF of {@code docs}, laid out once with the index's pages read from FOP as it goes and the contents'
         * pages from {@code predicted}. Should any page given turn out otherwise, the PDF is laid out again with the
         * pages the first layout found.
         */
        Rendered render(List<Doc> docs, boolean whole, java.util.function.Function<String, String> predicted, List<String> problems)
                throws SaxonApiException, IOException, FOPException {
            return render(docs, whole, 0, 0, predicted, problems);
        }

        /** As above, for volume {@code volume} of {@code volumes} of the edition (0 of 0: the edition is one PDF). */
        Rendered render(List<Doc> docs, boolean whole, int volume, int volumes, java.util.function.Function<String, String> predicted,
                        List<String> problems) throws SaxonApiException, IOException, FOPException {
            Date created = Date.from((date != null ? date : docDate(docs.get(0).tei())).atStartOfDay(ZoneOffset.UTC).toInstant());
            boolean complex = docs.stream().anyMatch(Doc::complexScripts);
            LaidOut first = layOut(docs, whole, volume, volumes, created, complex, predicted);
            problems.addAll(first.pdf().problems());
            if (!problems.isEmpty() || first.lookup().wrong().isEmpty()) return new Rendered(first.pdf().pdf(), first.pdf().layout(), 1);
            LaidOut again = layOut(docs, whole, volume, volumes, created, complex, first.lookup().actual()::get);
            problems.addAll(again.pdf().problems());
            Map<String, String> wrong = again.lookup().wrong();
            if (problems.isEmpty() && !wrong.isEmpty()) {
                problems.add("page numbers differ between two layouts, e.g. " + wrong.entrySet().iterator().next());
            }
            return new Rendered(again.pdf().pdf(), again.pdf().layout(), 2);
        }

        /** One rendering of {@code docs}, with the page numbers the stylesheet asked for. */
        private record LaidOut(PdfEngine.Rendering pdf, PageLookup lookup) {}

        private LaidOut layOut(List<Doc> docs, boolean whole, int volume, int volumes, Date created, boolean complex,
                               java.util.function.Function<String, String> predicted) throws SaxonApiException, FOPException {
            PdfEngine.Rendering pdf = engine.pdf(created, complex);
            PageLookup lookup = pdf.lookup(predicted);
            SAXDestination into = new SAXDestination(new CodePointLabels(new LongParagraphs(pdf.handler()), engine::fallbackFamily));
            lookup.during(() -> {
                transform(docs, whole, volume, volumes, into);
                return null;
            });
            return new LaidOut(pdf, lookup);
        }

        /** The XSL-FO of a PDF, without laying it out (the index then has no pages). */
        XdmNode fo(List<Doc> docs, boolean whole, java.util.function.Function<String, String> predicted) throws SaxonApiException {
            net.sf.saxon.s9api.XdmDestination to = new net.sf.saxon.s9api.XdmDestination();
            new PageLookup(null, predicted).during(() -> {
                transform(docs, whole, 0, 0, to);
                return null;
            });
            return to.getXdmNode();
        }

        private void transform(List<Doc> docs, boolean whole, int volume, int volumes, net.sf.saxon.s9api.Destination to) throws SaxonApiException {
            Xslt30Transformer t = xsl.transformer();
            Map<QName, XdmValue> p = new HashMap<>();
            if (registers != null) p.put(new QName("registers"), registers);
            if (edition != null) p.put(new QName("edition"), edition);
            p.put(new QName("ui"), ui);
            p.put(new QName("docs"), new XdmValue(docs.stream().map(Doc::tei).toList()));
            p.put(new QName("docids"), new XdmValue(docs.stream().map(d -> new XdmAtomicValue(d.docid())).toList()));
            p.put(new QName("whole"), new XdmAtomicValue(whole));
            if (volumes > 1) {
                p.put(new QName("volume"), new XdmAtomicValue(volume));
                p.put(new QName("volumes"), new XdmAtomicValue(volumes));
            }
            p.put(new QName("site"), new XdmAtomicValue(site));
            p.put(new QName("serif"), new XdmAtomicValue(engine.serifFamilies));
            p.put(new QName("sans"), new XdmAtomicValue(engine.sansFamilies));
            p.put(new QName("producer"), new XdmAtomicValue(PdfEngine.PRODUCER));
            t.setStylesheetParameters(p);
            t.callTemplate(new QName("main"), to);
        }
    }

    /** The edition's publication date (edition.xml's {@code publicationStmt/date/@when}), or null. */
    static LocalDate editionDate(XdmNode edition) {
        return edition == null ? null : publicationDate(edition);
    }

    private static LocalDate docDate(XdmNode tei) {
        LocalDate d = publicationDate(tei);
        return d != null ? d : FALLBACK_DATE;
    }

    private static LocalDate publicationDate(XdmNode root) {
        String tei = "http://www.tei-c.org/ns/1.0";
        for (XdmNode n : root.select(net.sf.saxon.s9api.streams.Steps.descendant(tei, "publicationStmt")).limit(1).toList()) {
            for (XdmNode date : n.select(net.sf.saxon.s9api.streams.Steps.child(tei, "date")).toList()) {
                String when = date.getAttributeValue(new QName("when"));
                if (when != null && when.strip().matches("\\d{4}-\\d\\d-\\d\\d")) {
                    try {
                        return LocalDate.parse(when.strip());
                    } catch (java.time.DateTimeException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    static String reason(Exception e) {
        return Publisher.reason(e);
    }
}
