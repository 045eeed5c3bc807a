package org.jiaokan.publish.html;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import net.sf.saxon.event.PipelineConfiguration;
import net.sf.saxon.event.Receiver;
import net.sf.saxon.event.ReceiverOption;
import net.sf.saxon.event.SequenceReceiver;
import net.sf.saxon.om.AttributeInfo;
import net.sf.saxon.om.AttributeMap;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.NamespaceBinding;
import net.sf.saxon.om.NamespaceMap;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.NodeName;
import net.sf.saxon.s9api.AbstractDestination;
import net.sf.saxon.s9api.Destination;
import net.sf.saxon.s9api.Location;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.serialize.HTMLURIEscaper;
import net.sf.saxon.serialize.SerializationProperties;
import net.sf.saxon.str.UnicodeString;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.type.SchemaType;
import net.sf.saxon.z.IntIterator;

/**
 * A document page, and its other-script twin, written straight from the transformation's events as Saxon's
 * serializer writes them with the site's output settings (method {@code html}, version 5, UTF-8, no
 * indentation, no content-type {@code meta}), byte for byte, in one pass.
 *
 * <p>Saxon writes a page through five stages (a namespace reducer and differencer, the XHTML prefix remover,
 * the URI attributes' escaper and the HTML emitter), and the twin of {@link TwinPages} through five more behind
 * a filter on each side. Here the marked tree ({@code jk-main}, {@code jk-twin}, {@code jk-twin-NAME}, as
 * {@link TwinPages} reads it) is written once: what both pages hold is encoded once and copied to the twin,
 * what one page holds goes to that page only.
 *
 * <p>What it writes, as Saxon's {@code HTML50Emitter} and {@code HTMLURIEscaper} do: {@code <!DOCTYPE HTML>}
 * before a first element {@code html}; no end tag for the void elements; {@code <x></x>} for an empty other
 * one; a boolean attribute whose value is its name as its name alone; the URI attributes escaped
 * ({@link HTMLURIEscaper#escapeURL}); in text {@code &lt; &gt; &amp; &#xD;}, in attributes {@code &gt; &amp;
 * &#34; &#xA; &#x9; &#xD;} ({@code <} and {@code &&#123;} as they are); U+00A0 as {@code &nbsp;}; U+0080–U+009F
 * as hexadecimal references; other control characters and U+007F left out; every other character in UTF-8; the
 * content of {@code script} and {@code style} unescaped.
 *
 * <p>A page holding what this writer leaves to Saxon stops with {@link Unsuited} at its first such event, and
 * the caller makes it again with Saxon's serializer: an element or attribute in a namespace (other than an
 * attribute in {@code xml}'s), a namespace in scope, a name that is not lower-case ASCII, a comment or
 * processing instruction, text or an attribute whose escaping the stylesheet turned off. So does a page whose
 * stylesheet's output settings add anything to the site's ({@link #plain}).
 */
public final class PageWriter {
    private PageWriter() {}

    /** The output settings of every HTML page of the site (those the publisher gives its serializers). */
    private static final Map<String, String> SETTINGS = Map.of(
            "method", "html", "html-version", "5", "encoding", "UTF-8", "indent", "no", "include-content-type", "no");

    /** The property by which Saxon's compiler tells the serializer the stylesheet's version. */
    private static final String STYLESHEET_VERSION = "{http://saxon.sf.net/}stylesheet-version";

    /** Why a page was stopped: it holds what only Saxon's serializer writes as it should. */
    public static final class Unsuited extends XPathException {
        Unsuited(String message) {
            super(message);
        }
    }

    /** Whether {@code e}, or one of its causes, is a page stopped for Saxon's serializer. */
    public static boolean unsuited(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof Unsuited) return true;
        }
        return false;
    }

    /** A destination writing one page to {@code out} (a {@code jk-main} or {@code jk-twin} is an element like any other). */
    public static Destination page(ByteArrayOutputStream out) {
        return destination(out, null, null);
    }

    /**
     * A destination writing a page to {@code main} and its twin to {@code twin} from the tree {@link TwinPages}
     * describes; {@code marks} counts what the transformation marked for the twin.
     */
    public static Destination twins(ByteArrayOutputStream main, ByteArrayOutputStream twin, TwinPages.Marks marks) {
        return destination(main, twin, marks);
    }

    private static Destination destination(ByteArrayOutputStream main, ByteArrayOutputStream twin, TwinPages.Marks marks) {
        return new AbstractDestination() {
            @Override
            public Receiver getReceiver(PipelineConfiguration pipe, SerializationProperties params) throws SaxonApiException {
                if (!plain(params)) throw new SaxonApiException(new Unsuited("the stylesheet's output settings are not the site's"));
                Receiver r = new Writer(pipe, main, twin, marks);
                // a result document's own filter (for the validation it asks for; in Saxon-HE, a namespace
                // reducer), where Saxon's serializer puts it
                if (params.getValidationFactory() != null) r = params.getValidationFactory().makeFilter(r);
                // those told of the page's end (a result document's page is written then) are told once it is handed over
                return new net.sf.saxon.event.CloseNotifier(params.makeSequenceNormalizer(r), helper.getListeners());
            }

            @Override
            public void close() {
                // the pages are handed over when the transformation closes its receiver (see Writer.close)
            }
        };
    }

    /**
     * Whether the stylesheet's own output settings for a page are the site's or say nothing more: any other
     * setting (indentation, a character map, a doctype, another method or version…) is left to Saxon's
     * serializer, which knows them all.
     */
    public static boolean plain(SerializationProperties params) {
        if (params.getCharacterMapIndex() != null && !params.getCharacterMapIndex().isEmpty()) return false;
        Properties p = params.getProperties();
        for (String name : p.stringPropertyNames()) {
            // the stylesheet's XSLT version, which Saxon passes on: it chooses an HTML version where none is given
            if (name.equals(STYLESHEET_VERSION)) continue;
            String want = SETTINGS.get(name);
            String value = p.getProperty(name).strip();
            if (want == null) return false;
            if (name.equals("html-version") ? !(value.equals("5") || value.equals("5.0")) : !want.equalsIgnoreCase(value)) return false;
        }
        return true;
    }

    // ---- what HTML 5 gives special treatment, as Saxon's HTML emitter and URI escaper list it

    private static final Set<String> VOID = Set.of("area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img",
            "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr");

    /** element+attribute of the boolean attributes, "*" for any element. */
    private static final Set<String> BOOLEAN = Set.of("*+hidden", "area+nohref", "audio+autoplay", "audio+controls",
            "audio+loop", "audio+muted", "button+disabled", "button+autofocus", "button+formnovalidate", "details+open",
            "dialog+open", "dir+compact", "dl+compact", "fieldset+disabled", "form+novalidate", "frame+noresize",
            "hr+noshade", "img+ismap", "input+checked", "input+disabled", "input+multiple", "input+readonly",
            "input+required", "input+autofocus", "input+formnovalidate", "iframe+seamless", "keygen+autofocus",
            "keygen+disabled", "menu+compact", "object+declare", "object+typemustmatch", "ol+compact", "ol+reversed",
            "optgroup+disabled", "option+selected", "option+disabled", "script+defer", "script+async", "select+multiple",
            "select+disabled", "select+autofocus", "select+required", "style+scoped", "td+nowrap", "textarea+disabled",
            "textarea+readonly", "textarea+autofocus", "textarea+required", "th+nowrap", "track+default", "ul+compact",
            "video+autoplay", "video+controls", "video+loop", "video+muted");
    private static final Set<String> BOOLEAN_NAMES;

    private static final Set<String> URL = Set.of("form+action", "object+archive", "body+background", "q+cite",
            "blockquote+cite", "del+cite", "ins+cite", "object+classid", "object+codebase", "applet+codebase",
            "object+data", "button+datasrc", "div+datasrc", "input+datasrc", "object+datasrc", "select+datasrc",
            "span+datasrc", "table+datasrc", "textarea+datasrc", "script+for", "a+href", "a+name", "area+href",
            "link+href", "base+href", "img+longdesc", "frame+longdesc", "iframe+longdesc", "head+profile",
            "script+src", "input+src", "frame+src", "iframe+src", "img+src", "img+usemap", "input+usemap",
            "object+usemap");
    private static final Set<String> URL_NAMES;

    static {
        BOOLEAN_NAMES = attributeNames(BOOLEAN);
        URL_NAMES = attributeNames(URL);
    }

    /** The attributes' names of element+attribute pairs (looked up first: most attributes are none of them). */
    private static Set<String> attributeNames(Set<String> pairs) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String s : pairs) names.add(s.substring(s.indexOf('+') + 1));
        return Set.copyOf(names);
    }

    private static final byte[] DOCTYPE = ascii("<!DOCTYPE HTML>");
    private static final byte[] LT = ascii("&lt;");
    private static final byte[] GT = ascii("&gt;");
    private static final byte[] AMP = ascii("&amp;");
    private static final byte[] QUOT = ascii("&#34;");
    private static final byte[] NL = ascii("&#xA;");
    private static final byte[] CR = ascii("&#xD;");
    private static final byte[] TAB = ascii("&#x9;");
    private static final byte[] NBSP = ascii("&nbsp;");

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** One page's bytes and the state of its open start tag. */
    private static final class Page {
        private final ByteArrayOutputStream out;
        byte[] buf = new byte[16384];
        int len;
        boolean openStartTag;
        boolean started;

        Page(ByteArrayOutputStream out) {
            this.out = out;
        }

        void ensure(int n) {
            if (len + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }

        void put(int b) {
            if (len == buf.length) ensure(1);
            buf[len++] = (byte) b;
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        void putAscii(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
        }

        void putCodePoint(int c) {
            ensure(4);
            if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else {
                buf[len++] = (byte) (0xF0 | (c >> 18));
                buf[len++] = (byte) (0x80 | ((c >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }

        void putReference(int c) {
            putAscii("&#x");
            putAscii(Integer.toHexString(c));
            put(';');
        }

        void closeStartTag() {
            if (openStartTag) {
                put('>');
                openStartTag = false;
            }
        }

        void hand() {
            out.write(buf, 0, len);
        }
    }

    private static final class Writer extends SequenceReceiver {
        private final Page main;
        /** The twin, or null for a page alone. */
        private final Page twin;
        private final TwinPages.Marks marks;
        /** How many jk-main and jk-twin elements the current event is inside (a page alone: always 0). */
        private int mainOnly;
        private int twinOnly;
        /** The open elements: their names, and whether each is a mark (jk-main or jk-twin, not written). */
        private String[] names = new String[64];
        private byte[] kinds = new byte[64];
        private int depth;
        /** Depth inside script or style (their text and their elements' attributes are not escaped). */
        private int inScript;
        private boolean closed;

        private static final byte ELEMENT = 0;
        private static final byte MAIN = 1;
        private static final byte TWIN = 2;

        Writer(PipelineConfiguration pipe, ByteArrayOutputStream main, ByteArrayOutputStream twin, TwinPages.Marks marks) {
            super(pipe);
            this.main = new Page(main);
            this.twin = twin == null ? null : new Page(twin);
            this.marks = marks;
        }

        private boolean toMain() {
            return twinOnly == 0;
        }

        private boolean toTwin() {
            return twin != null && mainOnly == 0;
        }

        @Override
        public void startDocument(int properties) {
        }

        @Override
        public void endDocument() {
        }

        @Override
        public void startElement(NodeName name, SchemaType type, AttributeMap attributes, NamespaceMap namespaces,
                Location location, int properties) throws XPathException {
            if (!name.hasURI(NamespaceUri.NULL)) throw new Unsuited("an element in a namespace: " + name.getDisplayName());
            for (NamespaceBinding b : namespaces) {
                if (!b.getPrefix().equals("xml")) throw new Unsuited("a namespace in scope: " + b.getPrefix());
            }
            String local = name.getLocalPart();
            if (twin != null) {
                boolean isMain = local.equals(TwinPages.MAIN);
                if (isMain || local.equals(TwinPages.TWIN)) {
                    if (marks != null) marks.n++;
                    if (isMain) mainOnly++;
                    else twinOnly++;
                    push(local, isMain ? MAIN : TWIN);
                    return;
                }
            }
            if (!lowerAscii(local)) throw new Unsuited("an element name that is not lower-case ASCII: " + local);
            boolean m = toMain();
            boolean t = toTwin();
            boolean twinValues = false;
            for (AttributeInfo a : attributes) {
                NodeName an = a.getNodeName();
                if (!an.hasURI(NamespaceUri.NULL) && !an.hasURI(NamespaceUri.XML)) throw new Unsuited("an attribute in a namespace: " + an.getDisplayName());
                if (!an.hasURI(NamespaceUri.XML) && !lowerAscii(an.getLocalPart())) throw new Unsuited("an attribute name that is not lower-case ASCII: " + an.getLocalPart());
                if (ReceiverOption.contains(a.getProperties(), ReceiverOption.DISABLE_ESCAPING)) throw new Unsuited("an attribute written without escaping");
                if (twin != null && an.hasURI(NamespaceUri.NULL) && an.getLocalPart().startsWith(TwinPages.TWIN_ATTRIBUTE)) twinValues = true;
            }
            if (twinValues && marks != null && m) marks.n++;
            if (m && t && !twinValues && main.openStartTag == twin.openStartTag && main.started == twin.started) {
                int from = main.len;
                startTag(main, local, attributes, false, false);
                twin.ensure(main.len - from);
                System.arraycopy(main.buf, from, twin.buf, twin.len, main.len - from);
                twin.len += main.len - from;
                twin.openStartTag = true;
                twin.started = main.started;
            } else {
                if (m) startTag(main, local, attributes, twinValues, false);
                if (t) startTag(twin, local, attributes, twinValues, true);
            }
            push(local, ELEMENT);
            if (inScript > 0) inScript++;
            else if (local.equals("script") || local.equals("style")) inScript = 1;
        }

        private void push(String local, byte kind) {
            if (depth == names.length) {
                names = java.util.Arrays.copyOf(names, depth * 2);
                kinds = java.util.Arrays.copyOf(kinds, depth * 2);
            }
            names[depth] = local;
            kinds[depth++] = kind;
        }

        private void startTag(Page p, String local, AttributeMap attributes, boolean twinValues, boolean forTwin) throws XPathException {
            if (!p.started) {
                if (local.equals("html")) p.put(DOCTYPE);
                p.started = true;
            }
            p.closeStartTag();
            p.put('<');
            p.putAscii(local);
            for (AttributeInfo a : attributes) {
                NodeName an = a.getNodeName();
                String n = an.getDisplayName();
                String v = a.getValue();
                if (twinValues && an.hasURI(NamespaceUri.NULL)) {
                    if (n.startsWith(TwinPages.TWIN_ATTRIBUTE)) continue;
                    if (forTwin) {
                        AttributeInfo tv = attributes.get(NamespaceUri.NULL, TwinPages.TWIN_ATTRIBUTE + n);
                        if (tv != null) v = tv.getValue();
                    }
                }
                attribute(p, local, n, v);
            }
            if (twinValues && forTwin) {
                // the twin's values of attributes the element lacks, after its own, in their order
                for (AttributeInfo a : attributes) {
                    String n = a.getNodeName().getDisplayName();
                    if (!a.getNodeName().hasURI(NamespaceUri.NULL) || !n.startsWith(TwinPages.TWIN_ATTRIBUTE)) continue;
                    String target = n.substring(TwinPages.TWIN_ATTRIBUTE.length());
                    if (attributes.get(NamespaceUri.NULL, target) == null) attribute(p, local, target, a.getValue());
                }
            }
            p.openStartTag = true;
        }

        private void attribute(Page p, String element, String name, String value) throws XPathException {
            PageWriter.attribute(p, element, name, value, inScript > 0, getConfiguration());
        }

        @Override
        public void endElement() throws XPathException {
            byte kind = kinds[--depth];
            String local = names[depth];
            if (kind == MAIN) {
                mainOnly--;
                return;
            }
            if (kind == TWIN) {
                twinOnly--;
                return;
            }
            if (inScript > 0) inScript--;
            if (toMain()) endTag(main, local);
            if (toTwin()) endTag(twin, local);
        }

        private static void endTag(Page p, String local) {
            if (VOID.contains(local)) {
                p.closeStartTag();
                return;
            }
            if (p.openStartTag) {
                p.openStartTag = false;
                p.put('>');
            }
            p.put('<');
            p.put('/');
            p.putAscii(local);
            p.put('>');
        }

        @Override
        public void characters(UnicodeString chars, Location location, int properties) throws XPathException {
            if (ReceiverOption.contains(properties, ReceiverOption.DISABLE_ESCAPING) || ReceiverOption.contains(properties, ReceiverOption.USE_NULL_MARKERS)) {
                throw new Unsuited("text written without escaping");
            }
            boolean m = toMain();
            boolean t = toTwin();
            if (m && t && main.openStartTag == twin.openStartTag) {
                int from = main.len;
                text(main, chars);
                int n = main.len - from;
                twin.ensure(n);
                System.arraycopy(main.buf, from, twin.buf, twin.len, n);
                twin.len += n;
                twin.openStartTag = false;
            } else {
                if (m) text(main, chars);
                if (t) text(twin, chars);
            }
        }

        private void text(Page p, UnicodeString chars) {
            p.closeStartTag();
            if (inScript > 0) raw(p, chars);
            else escape(p, chars, false);
        }

        /** Text or an attribute's value inside script or style: every character as it is. */
        private static void raw(Page p, UnicodeString s) {
            IntIterator it = s.codePoints();
            while (it.hasNext()) p.putCodePoint(it.next());
        }

        private static void escape(Page p, UnicodeString s, boolean inAttribute) {
            IntIterator it = s.codePoints();
            if (!it.hasNext()) return;
            int c = it.next();
            while (true) {
                boolean more = it.hasNext();
                int next = more ? it.next() : -1;
                escape(p, c, next, inAttribute);
                if (!more) return;
                c = next;
            }
        }

        /** One character as Saxon's HTML emitter writes it ({@code next}: the character after it, or -1). */
        private static void escape(Page p, int c, int next, boolean inAttribute) {
            if (c > 160) {
                p.putCodePoint(c);
                return;
            }
            if (c == 160) {
                p.put(NBSP);
                return;
            }
            if (c >= 128) {
                p.putReference(c);
                return;
            }
            if (c >= 32 && c != '<' && c != '>' && c != '&' && c != '"' && c != 127) {
                p.put(c);
                return;
            }
            if (inAttribute) {
                switch (c) {
                    case '<' -> p.put('<');
                    case '>' -> p.put(GT);
                    case '&' -> {
                        if (next == '{') p.put('&');
                        else p.put(AMP);
                    }
                    case '"' -> p.put(QUOT);
                    case '\n' -> p.put(NL);
                    case '\t' -> p.put(TAB);
                    case '\r' -> p.put(CR);
                    default -> { } // other control characters and U+007F: left out, as Saxon does
                }
            } else {
                switch (c) {
                    case '<' -> p.put(LT);
                    case '>' -> p.put(GT);
                    case '&' -> p.put(AMP);
                    case '"' -> p.put('"');
                    case '\n', '\t' -> p.put(c);
                    case '\r' -> p.put(CR);
                    default -> { }
                }
            }
        }

        @Override
        public void processingInstruction(String name, UnicodeString data, Location location, int properties) throws XPathException {
            throw new Unsuited("a processing instruction");
        }

        @Override
        public void comment(UnicodeString content, Location location, int properties) throws XPathException {
            throw new Unsuited("a comment");
        }

        @Override
        public void append(Item item, Location location, int properties) throws XPathException {
            if (item instanceof NodeInfo) decompose(item, location, properties);
            else throw new Unsuited("an item that is not a node");
        }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            main.hand();
            if (twin != null) twin.hand();
        }

        @Override
        public boolean usesTypeAnnotations() {
            return false;
        }
    }

    /**
     * An attribute as the writer writes it ({@code inScript}: the element is inside script or style, whose attributes'
     * values are not escaped).
     */
    private static void attribute(Page p, String element, String name, String value, boolean inScript,
            net.sf.saxon.Configuration config) throws XPathException {
        p.put(' ');
        p.putAscii(name);
        if (BOOLEAN_NAMES.contains(name) && name.equalsIgnoreCase(value)
                && (BOOLEAN.contains(element + '+' + name) || BOOLEAN.contains("*+" + name))) {
            return;
        }
        // the URI escaper comes before the emitter, which writes the attributes of an element inside script
        // or style without escaping
        if (URL_NAMES.contains(name) && URL.contains(element + '+' + name)) {
            value = HTMLURIEscaper.escapeURL(value, true, config);
        }
        p.put('=');
        p.put('"');
        UnicodeString v = net.sf.saxon.str.StringView.tidy(value);
        if (inScript) Writer.raw(p, v);
        else Writer.escape(p, v, true);
        p.put('"');
    }

    /**
     * Bytes of HTML written as this writer writes a page's events, for a part of a page made without a transformation
     * ({@link EntryPages}): start and end tags of lower-case ASCII names outside script and style, attributes, text.
     */
    static final class Html {
        private final Page page = new Page(null);
        private final net.sf.saxon.Configuration config;

        Html(net.sf.saxon.Configuration config) {
            this.config = config;
        }

        /** {@code <name}: its attributes follow, then {@link #close()}. */
        Html open(String name) {
            page.put('<');
            page.putAscii(name);
            return this;
        }

        Html attribute(String element, String name, String value) throws XPathException {
            PageWriter.attribute(page, element, name, value, false, config);
            return this;
        }

        /** The {@code >} of a start tag. */
        Html close() {
            page.put('>');
            return this;
        }

        Html end(String name) {
            page.put('<');
            page.put('/');
            page.putAscii(name);
            page.put('>');
            return this;
        }

        Html text(String s) {
            Writer.escape(page, net.sf.saxon.str.StringView.tidy(s), false);
            return this;
        }

        /** Bytes written as they are (markup this writer wrote). */
        Html bytes(byte[] b, int from, int to) {
            page.ensure(to - from);
            System.arraycopy(b, from, page.buf, page.len, to - from);
            page.len += to - from;
            return this;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(page.buf, page.len);
        }
    }

    private static boolean lowerAscii(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
        }
        return true;
    }
}
