package org.jiaokan.publish.pdf;

import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopConfParser;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.events.Event;
import org.apache.fop.events.EventFormatter;
import org.apache.fop.events.model.EventSeverity;
import org.apache.xmlgraphics.io.Resource;
import org.apache.xmlgraphics.io.ResourceResolver;
import org.jiaokan.publish.fonts.CjkFonts;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache FOP set up once per run: one {@link FopFactory} from a configuration made in code, with the two CJK faces
 * embedded and subset (a face of a TrueType collection named by {@code sub-font}), their bytes read once and
 * served from memory, and nothing else readable. Each rendering has its own {@link FOUserAgent}: PDF/A-2a and
 * PDF/UA-1, accessibility on, the creation date given (never the clock), a fixed producer, and FOP's events
 * watched so that a missing glyph or any error is reported instead of a silent {@code #}.
 */
public final class PdfEngine {
    /** The producer written into every PDF. */
    public static final String PRODUCER = "Jiaokan (Apache FOP 2.11)";
    /** The font-family list of the body text: the serif face, then the sans face for what it lacks. */
    public final String serifFamilies;
    /** The font-family list of headings: the sans face, then the serif face. */
    public final String sansFamilies;

    private final FopFactory factory;

    public PdfEngine(CjkFonts fonts) throws IOException {
        Map<URI, java.nio.file.Path> files = new HashMap<>();
        StringBuilder conf = new StringBuilder("<fop version=\"1.0\"><use-cache>false</use-cache><accessibility>true</accessibility>"
                + "<strict-configuration>true</strict-configuration>"
                + "<renderers><renderer mime=\"application/pdf\"><version>1.7</version><fonts>");
        for (CjkFonts.Face f : fonts.faces()) {
            URI uri = f.file().toAbsolutePath().toUri();
            files.put(uri, f.file());
            conf.append("<font kerning=\"yes\" embedding-mode=\"subset\" embed-url=\"").append(attr(uri.toString())).append('"');
            if (f.subFont() != null) conf.append(" sub-font=\"").append(attr(f.subFont())).append('"');
            conf.append('>');
            for (String weight : List.of("normal", "bold")) {
                for (String style : List.of("normal", "italic")) {
                    conf.append("<font-triplet name=\"").append(attr(f.family())).append("\" style=\"").append(style)
                            .append("\" weight=\"").append(weight).append("\"/>");
                }
            }
            conf.append("</font>");
        }
        conf.append("</fonts></renderer></renderers></fop>");
        // The CJK faces first, so that Chinese text and CJK punctuation keep their CJK glyphs; the faces for other
        // scripts only supply what neither CJK face has.
        String others = fonts.fallbackSerif() == null ? "" : ", " + quoted(fonts.fallbackSerif().family()) + ", " + quoted(fonts.fallbackSans().family());
        String othersSans = fonts.fallbackSerif() == null ? "" : ", " + quoted(fonts.fallbackSans().family()) + ", " + quoted(fonts.fallbackSerif().family());
        serifFamilies = quoted(fonts.serif().family()) + ", " + quoted(fonts.sans().family()) + others;
        sansFamilies = quoted(fonts.sans().family()) + ", " + quoted(fonts.serif().family()) + othersSans;
        // Each font file is read once and served from memory: every PDF's subset is cut from the whole file.
        Map<URI, byte[]> bytes = new java.util.concurrent.ConcurrentHashMap<>();
        ResourceResolver resolver = new ResourceResolver() {
            @Override
            public Resource getResource(URI uri) throws IOException {
                java.nio.file.Path file = files.get(uri);
                if (file == null) throw new IOException("the print edition reads no resource but its fonts: " + uri);
                byte[] b = bytes.get(uri);
                if (b == null) {
                    b = Files.readAllBytes(file);
                    byte[] earlier = bytes.putIfAbsent(uri, b);
                    if (earlier != null) b = earlier;
                }
                return new Resource(new ByteArrayInputStream(b));
            }

            @Override
            public OutputStream getOutputStream(URI uri) throws IOException {
                throw new IOException("the print edition writes no resource: " + uri);
            }
        };
        try {
            FopConfParser parser = new FopConfParser(new ByteArrayInputStream(conf.toString().getBytes(StandardCharsets.UTF_8)),
                    fonts.serif().file().toAbsolutePath().getParent().toUri(), resolver);
            org.apache.fop.apps.FopFactoryBuilder builder = parser.getFopFactoryBuilder();
            // The same configuration, read under one lock by the rendering threads.
            builder.setConfiguration(new SharedConfiguration(new org.apache.fop.configuration.DefaultConfigurationBuilder()
                    .build(new ByteArrayInputStream(conf.toString().getBytes(StandardCharsets.UTF_8)))));
            factory = builder.build();
        } catch (SAXException | org.apache.fop.configuration.ConfigurationException e) {
            throw new IOException("FOP configuration: " + e.getMessage(), e);
        }
        this.fonts = fonts;
        this.internalResolver = org.apache.fop.apps.io.ResourceResolverFactory.createInternalResourceResolver(
                fonts.serif().file().toAbsolutePath().getParent().toUri(), resolver);
    }

    private final CjkFonts fonts;
    private final org.apache.fop.apps.io.InternalResourceResolver internalResolver;
    private volatile SharedFonts shared;
    private SharedFonts sharedComplex;

    /**
     * The faces, parsed at the first rendering that needs them (a run whose inputs are all refused parses none): with
     * the tables of OpenType's complex-script features (glyph substitution and positioning, bidirectional text) for a
     * text that needs them ({@link #needsComplexScripts}), without them for the others. Chinese, Latin, Greek and
     * Cyrillic text set alike either way (the same glyphs, the same PDF), and their layout costs less without them.
     */
    private synchronized SharedFonts shared(boolean complexScripts) throws FOPException {
        try {
            if (complexScripts) {
                if (sharedComplex == null) sharedComplex = new SharedFonts(fonts, internalResolver, true, true);
                return sharedComplex;
            }
            if (shared == null) shared = new SharedFonts(fonts, internalResolver, true, false);
            return shared;
        } catch (IOException e) {
            throw new FOPException(e.getMessage(), e);
        }
    }

    /**
     * Whether a text needs the complex-script features: a character written right to left or of a script that is
     * shaped (Arabic, Hebrew, the Indic scripts, Thai, Tibetan, Mongolian, …), or a combining mark, which is placed
     * by the font's positioning table. Han, kana, bopomofo, Hangul syllables, Latin, Greek, Cyrillic and the common
     * punctuation and symbols do not.
     */
    public static boolean needsComplexScripts(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp < 0x0300) continue;
            switch (Character.getType(cp)) {
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> { return true; }
                default -> { }
            }
            switch (Character.getDirectionality(cp)) {
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING, Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE,
                     Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE, Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
                     Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE, Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                     Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE, Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
                     Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE -> { return true; }
                default -> { }
            }
            switch (Character.UnicodeScript.of(cp)) {
                case COMMON, INHERITED, HAN, LATIN, GREEK, CYRILLIC, HIRAGANA, KATAKANA, BOPOMOFO, HANGUL, YI, UNKNOWN -> { }
                default -> { return true; }
            }
        }
        return false;
    }

    private static String quoted(String family) { return "'" + family.replace("'", "") + "'"; }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /**
     * One rendering: FO events arrive through {@link #handler()}; problems are collected, one line each. The area
     * tree handler is this rendering's own, so that where each id fell can be asked while FOP lays the pages out
     * ({@link PageLookup}) and after ({@link #layout()}).
     */
    public final class Rendering {
        private final FOUserAgent agent;
        private final Fop fop;
        private final org.apache.fop.area.AreaTreeHandler areas;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        private final List<String> ids = new ArrayList<>();

        private Rendering(Date created, boolean complexScripts) throws FOPException {
            agent = factory.newFOUserAgent();
            agent.setAccessibility(true);
            agent.setCreationDate(created);
            agent.setProducer(PRODUCER);
            agent.setCreator(PRODUCER);
            agent.getRendererOptions().put("pdf-a-mode", "PDF/A-2a");
            agent.getRendererOptions().put("pdf-ua-mode", "PDF/UA-1");
            agent.getEventBroadcaster().addEventListener(this::event);
            // The faces parsed once per run, a copy of each per rendering (SharedFonts).
            agent.setDocumentHandlerOverride(shared(complexScripts).pdfHandler(agent));
            areas = new org.apache.fop.area.AreaTreeHandler(agent, MimeConstants.MIME_PDF, out);
            agent.setFOEventHandlerOverride(areas);
            fop = factory.newFop(MimeConstants.MIME_PDF, agent, out);
        }

        private void event(Event e) {
            String id = e.getEventID();
            boolean glyph = id.endsWith(".glyphNotAvailable");
            if (glyph || e.getSeverity() == EventSeverity.ERROR || e.getSeverity() == EventSeverity.FATAL) {
                String m;
                try {
                    m = EventFormatter.format(e);
                } catch (RuntimeException x) {
                    m = id;
                }
                problems.add((glyph ? "missing glyph: " : "") + m.replaceAll("\\s+", " ").strip());
            }
        }

        /** Where the XSL-FO goes; the ids of its formatting objects are noted on the way. */
        public org.xml.sax.ContentHandler handler() throws FOPException {
            org.xml.sax.helpers.XMLFilterImpl noting = new org.xml.sax.helpers.XMLFilterImpl() {
                @Override
                public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
                    String id = atts.getValue("", "id");
                    if (id != null) ids.add(id);
                    super.startElement(uri, local, qName, atts);
                }
            };
            noting.setContentHandler(fop.getDefaultHandler());
            return noting;
        }

        /** The page numbers the stylesheet asks for while this rendering lays out its pages. */
        PageLookup lookup(java.util.function.Function<String, String> predicted) {
            return new PageLookup(areas, predicted);
        }

        /** One line per error-level event or missing glyph, in the order they came. */
        public List<String> problems() { synchronized (problems) { return List.copyOf(problems); } }

        /** The PDF, its file identifier made from its own bytes so that the same input gives the same file. */
        public byte[] pdf() throws IOException {
            return stableFileId(stableMetadataDate(out.toByteArray()));
        }

        /** After the rendering: the pages of its first page sequence, and the page index (from 0) of each id. */
        public Layout layout() {
            Map<String, Integer> at = new HashMap<>();
            for (String id : ids) {
                org.apache.fop.area.PageViewport p = areas.getIDTracker().getFirstPageViewportContaining(id);
                if (p != null) at.putIfAbsent(id, p.getPageIndex());
            }
            List<org.apache.fop.apps.PageSequenceResults> sequences = fop.getResults().getPageSequences();
            return new Layout(sequences.isEmpty() ? 0 : sequences.get(0).getPageCount(), at);
        }
    }

    /** Where a PDF's ids fell: the pages of its first page sequence, the page index (from 0) of each id. */
    public record Layout(int firstSequencePages, Map<String, Integer> pageIndex) {}

    /**
     * The line for a missing glyph: FOP's event names one character, not always the right one (for a character beyond
     * the BMP it named an ideographic space); so the characters of the source's text that no face has are named,
     * {@code missing glyph: no font has U+13000 𓀀 (EGYPTIAN HIEROGLYPH A001)}; FOP's line when the text has none.
     */
    public String missingGlyphs(CharSequence text, String fopLine) {
        java.util.SortedSet<Integer> missing = new java.util.TreeSet<>();
        text.codePoints().filter(cp -> org.jiaokan.publish.fonts.FontCoverage.takesGlyph(cp) && !CodePointLabels.labelled(cp)
                && !CodePointLabels.invisible(cp)
                && !sharedOrNull().has(cp)).forEach(missing::add);
        if (missing.isEmpty()) return fopLine;
        StringBuilder b = new StringBuilder("missing glyph: no font has ");
        int n = 0;
        for (int cp : missing) {
            if (n++ == 5) {
                b.append(" and ").append(missing.size() - 5).append(" more");
                break;
            }
            if (n > 1) b.append(", ");
            b.append(org.jiaokan.publish.fonts.FontCoverage.describe(cp));
        }
        return b.toString();
    }

    /**
     * The family of the face that sets {@code cp} in a text whose font-family list is {@code families}: the first in
     * the list that has it, where that is not the first; null where the first has it, or no face does. FOP chooses
     * one face for each run of text between break opportunities, the face that has most of its characters, so a
     * character the first face lacks beside one it has (❤ before a full-width comma, an emoji after a Han character)
     * was set in the first face and refused as a missing glyph, though another face of the list has it.
     */
    String fallbackFamily(List<String> families, int cp) {
        if (families.isEmpty()) return null;
        SharedFonts shared = this.shared; // the character maps are the same with complex scripts or without
        if (shared == null) shared = sharedOrNull();
        if (shared.has(families.get(0), cp)) return null;
        for (int i = 1; i < families.size(); i++) if (shared.has(families.get(i), cp)) return families.get(i);
        return null;
    }

    private SharedFonts sharedOrNull() {
        try {
            return shared(false);
        } catch (FOPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A rendering to PDF; {@code complexScripts} when its text {@link #needsComplexScripts needs them}. */
    public Rendering pdf(Date created, boolean complexScripts) throws FOPException { return new Rendering(created, complexScripts); }

    /**
     * FOP stamps the XMP's {@code xmp:MetadataDate} with the clock; it becomes the creation date (the edition's),
     * which has the same length in UTC, so no offset moves.
     */
    static byte[] stableMetadataDate(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher created = java.util.regex.Pattern.compile("<xmp:CreateDate>([^<]{1,64})</xmp:CreateDate>").matcher(text);
        java.util.regex.Matcher stamped = java.util.regex.Pattern.compile("<xmp:MetadataDate>([^<]{1,64})</xmp:MetadataDate>").matcher(text);
        if (!created.find() || !stamped.find() || created.group(1).length() != stamped.group(1).length()) return pdf;
        byte[] copy = pdf.clone();
        byte[] date = created.group(1).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(date, 0, copy, stamped.start(1), date.length);
        return copy;
    }

    /**
     * FOP makes the trailer's file identifier from the clock; it is replaced by the MD5 digest of the file with the
     * identifier blanked (the same length, so no offset moves), as PDF 1.7 §14.4 allows: any unique value.
     */
    static byte[] stableFileId(byte[] pdf) throws IOException {
        // The identifier stands in the trailer or in the cross-reference stream's dictionary (both, in a hybrid file).
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/ID \\[<([0-9A-Fa-f]{32})> <([0-9A-Fa-f]{32})>\\]")
                .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        List<Integer> at = new ArrayList<>();
        while (m.find()) {
            at.add(m.start(1));
            at.add(m.start(2));
        }
        if (at.isEmpty()) return pdf;
        byte[] copy = pdf.clone();
        for (int start : at) for (int i = 0; i < 32; i++) copy[start + i] = '0';
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("MD5").digest(copy);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) hex.append(String.format("%02X", b));
        byte[] h = hex.toString().getBytes(StandardCharsets.US_ASCII);
        for (int start : at) System.arraycopy(h, 0, copy, start, 32);
        return copy;
    }
}
