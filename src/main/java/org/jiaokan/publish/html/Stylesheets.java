package org.jiaokan.publish.html;

import net.sf.saxon.lib.ResourceRequest;
import net.sf.saxon.lib.ResourceResolver;
import net.sf.saxon.s9api.DocumentBuilder;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.trans.XPathException;
import org.jiaokan.publish.Theme;
import org.jiaokan.script.ScriptConverter;
import org.jiaokan.xml.Xml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The site's XSLT 3.0 stylesheets on Saxon-HE, compiled once per run and shared by every worker
 * thread ({@link XsltExecutable} is immutable); each transformation gets its own
 * {@link Xslt30Transformer}. Nothing is fetched from outside: sources are parsed by a SAX reader
 * that refuses DOCTYPEs and external entities, stylesheet modules come only from the theme, and
 * {@code document()}, {@code doc()} and {@code unparsed-text()} are refused at run time (the
 * registers and interface strings are passed in as parameters instead).
 */
public final class Stylesheets {
    /** The namespace of the theme's Java extension functions. */
    public static final String FN_NS = "urn:x-jiaokan:functions";

    private final Processor processor;
    private final XsltExecutable document;
    private final XsltExecutable summary;
    private final XsltExecutable site;
    private final boolean twinInOnePass;
    private final boolean mentionsInJava;
    private final boolean entryPagesInJava;
    private final java.util.List<String> compileErrors;

    /** Compiled stylesheets kept for the next run in the same JVM, by the theme's fingerprint (a few themes at most). */
    private static final java.util.Map<String, Stylesheets> COMPILED = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Stylesheets> eldest) { return size() > 4; }
    };

    /**
     * The site stylesheets of {@code theme}: compiled once per theme (the bundled one, or an edition's overrides
     * with the same bytes) and shared by the runs of this JVM, as the compiled stylesheets are immutable.
     */
    public static Stylesheets of(Theme theme) throws SaxonApiException, IOException {
        String key = theme.fingerprint("");
        java.util.concurrent.CompletableFuture<Stylesheets> ahead;
        synchronized (COMPILED) {
            Stylesheets s = COMPILED.get(key);
            if (s != null) return s;
            ahead = AHEAD.get(key);
            // compilations begun for a theme changed since are not waited for (their threads end on their own)
            AHEAD.keySet().retainAll(java.util.Set.of(key));
            if (ahead == null) {
                s = new Stylesheets(theme);
                COMPILED.put(key, s);
                return s;
            }
        }
        Stylesheets s;
        try {
            s = ahead.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            s = null;
        }
        synchronized (COMPILED) {
            // left in AHEAD until now, so that another run asking meanwhile waited for the same compilation
            AHEAD.remove(key, ahead);
            Stylesheets other = COMPILED.get(key);
            if (other != null) return other;
            // Failed ahead: compiled here again, so that what stops the compilation is thrown to the run that needs it.
            if (s == null) s = new Stylesheets(theme);
            COMPILED.put(key, s);
            return s;
        }
    }

    /** The compilation of {@code theme}'s stylesheets begun ahead and not yet taken by {@link #of}, or null. */
    static java.util.concurrent.CompletableFuture<Stylesheets> pendingAhead(Theme theme) throws IOException {
        synchronized (COMPILED) {
            return AHEAD.get(theme.fingerprint(""));
        }
    }

    /** Compilations begun by {@link #compileAhead}, by the theme's fingerprint, until {@link #of} takes them. */
    private static final java.util.Map<String, java.util.concurrent.CompletableFuture<Stylesheets>> AHEAD = new java.util.HashMap<>();

    /**
     * Begins compiling {@code theme}'s stylesheets on a thread of its own, unless they are compiled or being compiled:
     * {@link #of} then waits for that compilation instead of compiling them itself. A build calls it before converting,
     * when it will publish the site: after a change of one document of a large edition, the build keeps one core busy
     * for seconds while the other has nothing to do, and a new JVM's compilation of the stylesheets takes a second or
     * more of that. A theme changed in between has another fingerprint: {@link #of} compiles it, and no longer keeps
     * the compilation begun ahead.
     */
    public static void compileAhead(Theme theme) {
        String key;
        try {
            key = theme.fingerprint("");
        } catch (IOException | RuntimeException e) {
            return; // of() meets the same trouble, and says what it is
        }
        synchronized (COMPILED) {
            if (COMPILED.containsKey(key) || AHEAD.containsKey(key)) return;
            if (AHEAD.size() >= 4) AHEAD.clear(); // begun for themes changed before any run used them
            java.util.concurrent.CompletableFuture<Stylesheets> f = new java.util.concurrent.CompletableFuture<>();
            AHEAD.put(key, f);
            Thread t = new Thread(() -> {
                try {
                    f.complete(new Stylesheets(theme));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "jiaokan-stylesheets");
            t.setDaemon(true);
            try {
                t.start();
            } catch (Throwable e) {
                // no thread to be had: of() compiles them as it did before
                AHEAD.remove(key);
            }
        }
    }

    public Stylesheets(Theme theme) throws SaxonApiException {
        processor = newProcessor();
        processor.registerExtensionFunction(scriptConversion());
        processor.registerExtensionFunction(pageId());
        java.util.List<String> compileErrors = new java.util.ArrayList<>();
        XsltCompiler c = compiler(processor, theme, compileErrors);
        this.compileErrors = compileErrors;
        // The modules the document page is made of, to tell whether an edition's own module was written for the
        // twin made in the same pass (see documentMakesTwin).
        java.util.Set<String> documentModules = new java.util.TreeSet<>(java.util.Set.of("xslt/html/document.xsl"));
        XsltCompiler dc = compiler(processor, theme, compileErrors);
        ThemeResolver themeModules = new ThemeResolver(theme);
        dc.setResourceResolver(request -> {
            Source source = themeModules.resolve(request);
            Theme.path(URI.create(request.uri)).ifPresent(documentModules::add);
            return source;
        });
        try {
            document = compile(dc, theme, "xslt/html/document.xsl");
            summary = compile(c, theme, "xslt/html/summary.xsl");
            site = compile(c, theme, "xslt/html/site.xsl");
        } catch (SaxonApiException e) {
            throw new SaxonApiException(compileErrors.isEmpty() ? e.getMessage() : String.join("; ", compileErrors), e);
        }
        mentionsInJava = !theme.overrides("xslt/html/common.xsl");
        entryPagesInJava = mentionsInJava && !theme.overrides("xslt/html/site.xsl") && !theme.overrides("xslt/html/params.xsl");
        twinInOnePass = document.getGlobalParameters().containsKey(new net.sf.saxon.s9api.QName("twin"))
                && documentModules.stream().allMatch(m -> writtenForTwins(theme, m));
    }

    /**
     * Whether a module of the document page can take part in making the twin in the same pass: the bundled one,
     * or an edition's own that speaks of it ({@code $twin} or the {@code jk-twin} marks). An edition's module
     * copied from a release before it may write the page without the marks; its twins are then made by a second
     * transformation with {@code $convert-to}, as that release made them.
     */
    private static boolean writtenForTwins(Theme theme, String module) {
        if (!theme.overrides(module)) return true;
        try {
            String text = new String(theme.bytes(module), java.nio.charset.StandardCharsets.UTF_8);
            return text.contains("$twin") || text.contains(TwinPages.TWIN);
        } catch (IOException e) {
            return false;
        }
    }

    private static XsltExecutable compile(XsltCompiler c, Theme theme, String path) throws SaxonApiException {
        try {
            return c.compile(themeSource(theme, path));
        } catch (IOException e) {
            throw new SaxonApiException(theme.origin(path) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A Saxon processor whose parse and run-time errors become the caller's one error line; Saxon prints nothing itself.
     * Its stylesheets, an edition's own among them, read nothing but what they are given: {@code unparsed-text} and its
     * kin, {@code collection} and {@code uri-collection} are refused, no environment variable is seen, and no resource
     * is fetched by any protocol (a DOCTYPE's external subset or entity in {@code parse-xml} among them). (Saxon gives
     * Java's system properties to {@code system-property} unless it also refuses {@code xsl:result-document}, which
     * the site needs.) An edition's theme read
     * {@code /etc/passwd}, the folders of the machine, {@code $HOME} and a server on the network into its pages.
     */
    public static Processor newProcessor() {
        Processor processor = new Processor(false);
        net.sf.saxon.Configuration c = processor.getUnderlyingConfiguration();
        c.setErrorReporterFactory(config -> e -> { });
        c.setUnparsedTextURIResolver((uri, encoding, config) -> {
            throw new XPathException("the stylesheets read no other resources: " + uri);
        });
        c.setCollectionFinder((context, uri) -> {
            throw new XPathException("the stylesheets read no collections: " + uri);
        });
        c.setConfigurationProperty(net.sf.saxon.lib.Feature.ENVIRONMENT_VARIABLE_RESOLVER, new net.sf.saxon.lib.EnvironmentVariableResolver() {
            @Override public java.util.Set<String> getAvailableEnvironmentVariables() { return java.util.Set.of(); }
            @Override public String getEnvironmentVariable(String name) { return null; }
        });
        c.setConfigurationProperty(net.sf.saxon.lib.Feature.ALLOWED_PROTOCOLS, "");
        // the parsers Saxon makes itself (parse-xml): no DOCTYPE, so no external entity or subset
        c.setConfigurationProperty("http://saxon.sf.net/feature/parserFeature?uri="
                + java.net.URLEncoder.encode("http://apache.org/xml/features/disallow-doctype-decl", java.nio.charset.StandardCharsets.UTF_8), true);
        return processor;
    }

    /**
     * A compiler whose modules resolve through the theme (an edition may override any one of them) and
     * whose errors are collected, one line each, in {@code errors}.
     */
    public static XsltCompiler compiler(Processor processor, Theme theme, java.util.List<String> errors) {
        XsltCompiler c = processor.newXsltCompiler();
        c.setErrorReporter(e -> {
            if (!e.isWarning()) errors.add((e.getLocation() == null ? "" : e.getLocation().getSystemId() + ":" + e.getLocation().getLineNumber() + ": ") + e.getMessage());
        });
        c.setResourceResolver(new ThemeResolver(theme));
        return c;
    }

    /** A theme file as a source for the compiler, parsed by the secure reader. */
    public static Source themeSource(Theme theme, String path) throws IOException {
        InputSource in = new InputSource(new ByteArrayInputStream(theme.bytes(path)));
        in.setSystemId(Theme.uri(path).toString());
        return new SAXSource(secureReader(), in);
    }

    public Processor processor() { return processor; }

    /** A transformer for one document page. */
    public Xslt30Transformer documentPage() { return guarded(document.load30()); }

    /**
     * Whether the document stylesheet can make a page and its other-script twin in one pass: it declares
     * {@code $twin} (see {@link TwinPages}), and every module of it that the edition overrides was written for
     * that. A theme written for {@code $convert-to} alone makes its twin in a second transformation.
     */
    public boolean documentMakesTwin() {
        return twinInOnePass;
    }

    /**
     * Whether the names' ids, kinds and twin spellings and the summary's mentions may be worked out by {@link Mentions}
     * ({@code $entities}, {@code $entity-forms}, {@code $mentions}): it follows the bundled {@code common.xsl}'s rules
     * for names and entries, so not where an edition overrides that module.
     */
    public boolean mentionsInJava() {
        return mentionsInJava;
    }

    /**
     * Whether the register entries' pages may be made by {@link EntryPages}: it follows the bundled {@code site.xsl}'s
     * template {@code entry} (and the frame its {@code common.xsl} gives), so not where an edition overrides either.
     */
    public boolean entryPagesInJava() {
        return entryPagesInJava;
    }

    /** A transformer for one document's summary (title, facets, mentions with snippets). */
    public Xslt30Transformer summary() { return guarded(summary.load30()); }

    /** A transformer for the edition-level pages. */
    public Xslt30Transformer site() { return guarded(site.load30()); }

    private static Xslt30Transformer guarded(Xslt30Transformer t) {
        return guarded(t, "site");
    }

    /**
     * {@code t}, reading nothing but its parameters at run time ({@code what} names the stylesheets in the
     * refusal), its failures reported once by the caller rather than by Saxon on stderr.
     */
    public static Xslt30Transformer guarded(Xslt30Transformer t, String what) {
        t.setResourceResolver(request -> {
            throw new XPathException("the " + what + " stylesheets read no other resources: " + request.uri);
        });
        // Failures are reported once, as the document's error line, not also by Saxon on stderr.
        t.setErrorReporter(e -> { });
        t.setMessageHandler(m -> { });
        return t;
    }

    /** Parses an XML file securely into a tree the stylesheets read. */
    public XdmNode parse(Path file) throws IOException, SaxonApiException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toUri().toString());
        }
    }

    /** Parses XML bytes securely. */
    public XdmNode parse(byte[] xml, String systemId) throws SaxonApiException {
        return parse(new ByteArrayInputStream(xml), systemId);
    }

    private XdmNode parse(InputStream in, String systemId) throws SaxonApiException {
        return parse(processor, in, systemId);
    }

    /** Parses XML securely (no DOCTYPE, no external entities) into a tree of {@code processor}. */
    public static XdmNode parse(Processor processor, byte[] xml, String systemId) throws SaxonApiException {
        return parse(processor, new ByteArrayInputStream(xml), systemId);
    }

    private static XdmNode parse(Processor processor, InputStream in, String systemId) throws SaxonApiException {
        DocumentBuilder b = processor.newDocumentBuilder();
        b.setLineNumbering(false);
        InputSource src = new InputSource(in);
        src.setSystemId(systemId);
        // A reader of this thread's, taken out while it parses (a parse within a parse makes its own).
        XMLReader reader = READER.get();
        READER.remove();
        org.xml.sax.EntityResolver resolver = null;
        try {
            if (reader == null) reader = secureReader();
            // Saxon counts the parser's errors with the error handler it finds on the reader, and sets its own only
            // where there is none: each parse starts without one, so no document is blamed for an earlier one's errors.
            reader.setErrorHandler(null);
            // the filter sets itself as the reader's entity resolver while it parses: the reader's own, which refuses
            // every external entity, is put back after
            resolver = reader.getEntityResolver();
            return b.build(new SAXSource(new ControlLabels(reader), src));
        } catch (IOException e) {
            throw new SaxonApiException(e);
        } finally {
            if (reader != null) {
                // the handlers hold the tree just built: let it go with the document
                reader.setContentHandler(null);
                reader.setDTDHandler(null);
                reader.setErrorHandler(null);
                reader.setEntityResolver(resolver);
                try {
                    reader.setProperty("http://xml.org/sax/properties/lexical-handler", null);
                    READER.set(reader);
                } catch (SAXException e) {
                    // a reader that cannot drop its handler is not kept
                }
            }
        }
    }

    /**
     * The events of a parse with DEL and the C1 controls (U+007F–U+009F), which XML carries, in text and attribute
     * values replaced by their code points, {@code 〈U+0089〉}: what a page, a record or the print edition shows of one.
     * HTML has no way to write one (a reference to U+0080–U+009F reads as a Windows-1252 character, U+0089 as ‰),
     * MARC and the catalogues forbid them, and no face draws one. The TEI itself, and its copy beside the pages, keep
     * the character.
     */
    static final class ControlLabels extends org.xml.sax.helpers.XMLFilterImpl {
        ControlLabels(XMLReader parent) {
            super(parent);
        }

        /** Whether {@code c} is DEL or a C1 control. */
        static boolean control(char c) {
            return c >= 0x7F && c <= 0x9F;
        }

        /** {@code s} with each such character as its label; {@code s} itself where it holds none. */
        static String label(String s) {
            int i = 0;
            while (i < s.length() && !control(s.charAt(i))) i++;
            if (i == s.length()) return s;
            StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (control(c)) b.append("\u3008U+00").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append('\u3009');
                else b.append(c);
            }
            return b.toString();
        }

        @Override
        public void characters(char[] ch, int start, int length) throws org.xml.sax.SAXException {
            for (int i = start; i < start + length; i++) {
                if (control(ch[i])) {
                    String s = label(new String(ch, start, length));
                    super.characters(s.toCharArray(), 0, s.length());
                    return;
                }
            }
            super.characters(ch, start, length);
        }

        @Override
        public void startElement(String uri, String local, String qName, org.xml.sax.Attributes atts) throws org.xml.sax.SAXException {
            org.xml.sax.helpers.AttributesImpl labelled = null;
            for (int i = 0; i < atts.getLength(); i++) {
                String v = atts.getValue(i);
                String l = label(v);
                if (l == v) continue;
                if (labelled == null) labelled = new org.xml.sax.helpers.AttributesImpl(atts);
                labelled.setValue(i, l);
            }
            super.startElement(uri, local, qName, labelled == null ? atts : labelled);
        }
    }

    /**
     * One secure SAX reader per thread: making a parser costs about a fifth of parsing a document of the edition.
     * Each parse resets the parser (Xerces starts every parse afresh), and the handlers are set for each one.
     */
    private static final ThreadLocal<XMLReader> READER = new ThreadLocal<>();

    /** A namespace-aware SAX reader that refuses DOCTYPEs, external entities and DTD loading. */
    public static XMLReader secureReader() throws IOException {
        try {
            return Xml.newSaxReader(true);
        } catch (SAXException e) {
            throw new IOException("XML parser lacks a required security feature", e);
        }
    }

    /** Stylesheet modules resolve through the theme, so an edition may override any one of them. */
    private record ThemeResolver(Theme theme) implements ResourceResolver {
        @Override
        public Source resolve(ResourceRequest request) throws XPathException {
            URI uri;
            try {
                uri = URI.create(request.uri);
            } catch (IllegalArgumentException e) {
                throw new XPathException("not a theme module: " + request.uri);
            }
            String path = Theme.path(uri).orElseThrow(() -> new XPathException("not a theme module: " + request.uri));
            try {
                return themeSource(theme, path);
            } catch (IOException e) {
                throw new XPathException(theme.origin(path) + ": " + e.getMessage());
            }
        }
    }

    /** {@code jk:convert($text, $script)}: the text in the other Chinese script (HanLP), for every output's stylesheets. */
    public static net.sf.saxon.lib.ExtensionFunctionDefinition scriptConversion() {
        return new ScriptConversion();
    }

    /**
     * {@code jk:page-id($s)}: {@code $s} when it can name a page (a letter, digit or _, then up to 149 letters,
     * digits, _ . or -, at most {@value #MAX_PAGE_ID_BYTES} bytes in UTF-8), else empty. The same answer as
     * {@code $s[matches(., '^[\p{L}\p{N}_][\p{L}\p{N}_.\-]{0,149}$')]} for a name within those bytes, with Saxon's
     * own character categories, at a fraction of the regular expression's cost: the pages ask it of every name.
     */
    public static net.sf.saxon.lib.ExtensionFunctionDefinition pageId() {
        return new PageId();
    }

    /*
     * Both functions are Saxon's integrated extension functions: called with Saxon's own values, not wrapped into
     * s9api's and back (the pages call them for every name and every text node, where the wrapping cost as much as
     * the answer).
     */
    private static final class PageId extends net.sf.saxon.lib.ExtensionFunctionDefinition {
        private static final net.sf.saxon.regex.charclass.CharacterClass LETTER = net.sf.saxon.regex.charclass.Categories.getCategory("L");
        private static final net.sf.saxon.regex.charclass.CharacterClass DIGIT = net.sf.saxon.regex.charclass.Categories.getCategory("N");

        @Override
        public net.sf.saxon.om.StructuredQName getFunctionQName() { return new net.sf.saxon.om.StructuredQName("jk", FN_NS, "page-id"); }

        @Override
        public net.sf.saxon.value.SequenceType[] getArgumentTypes() {
            return new net.sf.saxon.value.SequenceType[]{net.sf.saxon.value.SequenceType.OPTIONAL_STRING};
        }

        @Override
        public net.sf.saxon.value.SequenceType getResultType(net.sf.saxon.value.SequenceType[] suppliedArgumentTypes) {
            return net.sf.saxon.value.SequenceType.OPTIONAL_STRING;
        }

        @Override
        public net.sf.saxon.lib.ExtensionFunctionCall makeCallExpression() {
            return new net.sf.saxon.lib.ExtensionFunctionCall() {
                @Override
                public net.sf.saxon.om.Sequence call(net.sf.saxon.expr.XPathContext context, net.sf.saxon.om.Sequence[] args) throws XPathException {
                    net.sf.saxon.om.Item item = args[0].head();
                    if (item == null || !isPageId(item.getStringValue())) return net.sf.saxon.value.EmptySequence.getInstance();
                    return item instanceof net.sf.saxon.value.StringValue ? item : new net.sf.saxon.value.StringValue(item.getStringValue());
                }
            };
        }
    }

    /**
     * The most bytes a page's name may take in UTF-8 before {@code .html}: a file system takes 255 bytes in a name, and
     * the page of the other script adds {@code .zh-Hant.html}. 150 Han characters took 450 (a register id of 90 made
     * the file system refuse the page, which stopped the site).
     */
    public static final int MAX_PAGE_ID_BYTES = 200;

    /**
     * Whether {@code s} matches {@code ^[\p{L}\p{N}_][\p{L}\p{N}_.\-]{0,149}$} as XPath (Saxon) matches it, in at
     * most {@link #MAX_PAGE_ID_BYTES} bytes of UTF-8: the ids that name a register entry's page, here and in the
     * stylesheets alike.
     */
    public static boolean isPageId(String s) {
        int n = 0, bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            boolean ok = c == '_' || PageId.LETTER.test(c) || PageId.DIGIT.test(c) || (n > 0 && (c == '.' || c == '-'));
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (!ok || ++n > 150 || bytes > MAX_PAGE_ID_BYTES) return false;
        }
        return n > 0;
    }

    private static final class ScriptConversion extends net.sf.saxon.lib.ExtensionFunctionDefinition {
        @Override
        public net.sf.saxon.om.StructuredQName getFunctionQName() { return new net.sf.saxon.om.StructuredQName("jk", FN_NS, "convert"); }

        @Override
        public net.sf.saxon.value.SequenceType[] getArgumentTypes() {
            return new net.sf.saxon.value.SequenceType[]{net.sf.saxon.value.SequenceType.OPTIONAL_STRING,
                net.sf.saxon.value.SequenceType.SINGLE_STRING};
        }

        @Override
        public net.sf.saxon.value.SequenceType getResultType(net.sf.saxon.value.SequenceType[] suppliedArgumentTypes) {
            return net.sf.saxon.value.SequenceType.SINGLE_STRING;
        }

        @Override
        public net.sf.saxon.lib.ExtensionFunctionCall makeCallExpression() {
            return new net.sf.saxon.lib.ExtensionFunctionCall() {
                @Override
                public net.sf.saxon.om.Sequence call(net.sf.saxon.expr.XPathContext context, net.sf.saxon.om.Sequence[] args) throws XPathException {
                    net.sf.saxon.om.Item item = args[0].head();
                    String text = item == null ? "" : item.getStringValue();
                    String out = convert(text, args[1].head().getStringValue());
                    // the argument itself where nothing changed (most text nodes of a page hold no Chinese)
                    return out == text && item instanceof net.sf.saxon.value.StringValue ? item : new net.sf.saxon.value.StringValue(out);
                }
            };
        }
    }

    /**
     * {@code text} in {@code script} ({@code zh-Hant} or {@code zh-Hans}; any other leaves it as it is), as HanLP
     * converts ({@link ScriptConverter}); {@code text} itself where HanLP's tables could change nothing in it.
     */
    static String convert(String text, String script) {
        return switch (script) {
            case "zh-Hant" -> mayConvert(text) ? ScriptConverter.toTraditional(text) : text;
            case "zh-Hans" -> mayConvert(text) ? ScriptConverter.toSimplified(text) : text;
            default -> text;
        };
    }

    /**
     * Whether HanLP's conversion could change anything in {@code text}: every word of its dictionaries (both ways)
     * holds a character at or above U+2E80 (the CJK radicals and everything after them), but for the quotation marks
     * U+201C and U+201D, which the traditional script writes 「 and 」. Text without any of them (digits, Latin,
     * punctuation, spaces) comes back as it is; ScriptConversionTest checks that against HanLP.
     */
    static boolean mayConvert(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x2E80 || c == '\u201C' || c == '\u201D') return true;
        }
        return false;
    }
}
