package org.jiaokan.publish.html;

import java.io.OutputStream;
import java.util.Map;
import java.util.Properties;

import net.sf.saxon.event.CloseNotifier;
import net.sf.saxon.event.PipelineConfiguration;
import net.sf.saxon.event.ProxyReceiver;
import net.sf.saxon.event.ReceiverOption;
import net.sf.saxon.event.Receiver;
import net.sf.saxon.om.AttributeInfo;
import net.sf.saxon.om.AttributeMap;
import net.sf.saxon.om.NamespaceMap;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.om.NodeName;
import net.sf.saxon.s9api.AbstractDestination;
import net.sf.saxon.s9api.Destination;
import net.sf.saxon.s9api.Location;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.serialize.HTML50Emitter;
import net.sf.saxon.serialize.HTMLURIEscaper;
import net.sf.saxon.serialize.SerializationProperties;
import net.sf.saxon.serialize.UTF8Writer;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.type.SchemaType;

/**
 * A page written as Saxon's serializer writes it with the site's output settings (method {@code html},
 * version 5, UTF-8, no indentation, no content-type {@code meta}), through a shorter pipeline. Saxon's
 * serializer puts four stages before its HTML emitter: a namespace reducer, a namespace differencer,
 * the remover of XHTML prefixes and the escaper of URI attributes. For a page whose every element is
 * in no namespace, declares none and carries no attribute in a namespace other than {@code xml}, the
 * first three pass every event on unchanged: the emitter and the escaper alone write the same bytes.
 * The escaper's work is cut to the elements it changes ({@link UriEscaper}). In a profile of a warm html
 * publication of 10,000 documents, the four stages held 4.4 % of the CPU samples.
 *
 * <p>A page is written this way only where that holds:
 * <ul>
 *   <li>the stylesheet's own output settings ({@code xsl:output}, {@code xsl:result-document}) add nothing
 *       to the site's ({@link #plain}); otherwise the page gets Saxon's whole serializer from the start;</li>
 *   <li>each element is checked as it comes: the first one in a namespace (an inline SVG or MathML of an
 *       edition's own theme, say), or declaring one, stops the page with {@link Unsuited}, and the caller
 *       writes it again with Saxon's serializer ({@link #unsuited} tells that failure apart).</li>
 * </ul>
 */
public final class HtmlPages {
    private HtmlPages() {}

    /** The output settings of every HTML page of the site (those the publisher gives its serializers). */
    private static final Map<String, String> SETTINGS = Map.of(
            "method", "html", "html-version", "5", "encoding", "UTF-8", "indent", "no", "include-content-type", "no");

    /** The property by which Saxon's compiler tells the serializer the stylesheet's version. */
    private static final String STYLESHEET_VERSION = "{http://saxon.sf.net/}stylesheet-version";

    /** Why a page was stopped: it holds what only Saxon's whole serializer writes as it should. */
    public static final class Unsuited extends XPathException {
        Unsuited(String message) {
            super(message);
        }
    }

    /** Whether {@code e}, or one of its causes, is a page stopped for Saxon's whole serializer. */
    public static boolean unsuited(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof Unsuited) return true;
        }
        return false;
    }

    /**
     * A destination writing a page to {@code out}: through the short pipeline where {@link #plain} allows it,
     * else through {@code whole}, a serializer to the same stream with the site's settings.
     */
    public static Destination of(OutputStream out, Serializer whole) {
        return new AbstractDestination() {
            @Override
            public Receiver getReceiver(PipelineConfiguration pipe, SerializationProperties params) throws SaxonApiException {
                // told of the page's end as Saxon's serializer tells its own (a result document's page is written then)
                if (!plain(params)) return new CloseNotifier(whole.getReceiver(pipe, params), helper.getListeners());
                try {
                    HTML50Emitter emitter = new HTML50Emitter();
                    emitter.setPipelineConfiguration(pipe);
                    Properties p = new Properties();
                    SETTINGS.forEach(p::setProperty);
                    emitter.setOutputProperties(p);
                    emitter.setUnicodeWriter(new UTF8Writer(out));
                    Receiver r = new Guard(new UriEscaper(emitter));
                    // a result document's own filter (for the validation it asks for; in Saxon-HE, a namespace
                    // reducer), where Saxon's serializer puts it
                    if (params.getValidationFactory() != null) r = params.getValidationFactory().makeFilter(r);
                    return new CloseNotifier(params.makeSequenceNormalizer(r), helper.getListeners());
                } catch (XPathException e) {
                    throw new SaxonApiException(e);
                }
            }

            @Override
            public void close() throws SaxonApiException {
                whole.close();
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

    /**
     * Saxon's escaper of URI attributes ({@code href}, {@code src} … of the elements HTML gives them), made cheap for
     * the attributes it leaves as they are. Saxon's makes a new list of attributes for every element and joins the
     * element's and the attribute's names to look the pair up for every attribute of a URI's name; this one looks
     * first for a character that escaping would change (outside U+0020–U+007E, as
     * {@link HTMLURIEscaper#escapeURL} looks), and hands the element to Saxon's only where an attribute has one.
     * An attribute passed on as it was lacks the flag that keeps character maps off it, which this pipeline never
     * has ({@link #plain}): the bytes written are the same.
     */
    static final class UriEscaper extends HTMLURIEscaper {
        UriEscaper(Receiver next) {
            super(next);
        }

        @Override
        public void startElement(NodeName name, SchemaType type, AttributeMap attributes, NamespaceMap namespaces,
                Location location, int properties) throws XPathException {
            for (AttributeInfo a : attributes) {
                if (!printableAscii(a.getValue()) && !ReceiverOption.contains(a.getProperties(), ReceiverOption.DISABLE_ESCAPING)
                        && isUrlAttribute(name, a.getNodeName())) {
                    super.startElement(name, type, attributes, namespaces, location, properties);
                    return;
                }
            }
            currentElement = name;
            nextReceiver.startElement(name, type, attributes, namespaces, location, properties);
        }

        private static boolean printableAscii(String s) {
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c < 32 || c > 126) return false;
            }
            return true;
        }
    }

    /** Stops the page at the first element or attribute the short pipeline would not write as Saxon's does. */
    static final class Guard extends ProxyReceiver {
        Guard(Receiver next) {
            super(next);
        }

        @Override
        public void startElement(NodeName name, SchemaType type, AttributeMap attributes, NamespaceMap namespaces,
                Location location, int properties) throws XPathException {
            if (!name.hasURI(NamespaceUri.NULL)) throw new Unsuited("an element in a namespace: " + name.getDisplayName());
            if (!namespaces.isEmpty()) throw new Unsuited("a namespace declared on " + name.getDisplayName());
            for (AttributeInfo a : attributes) {
                NodeName n = a.getNodeName();
                if (!n.hasURI(NamespaceUri.NULL) && !n.hasURI(NamespaceUri.XML)) throw new Unsuited("an attribute in a namespace: " + n.getDisplayName());
            }
            nextReceiver.startElement(name, type, attributes, namespaces, location, properties);
        }
    }
}
