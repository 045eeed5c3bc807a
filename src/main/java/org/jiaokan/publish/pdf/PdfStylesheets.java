package org.jiaokan.publish.pdf;

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
import org.jiaokan.xml.Xml;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The print edition's TEI → XSL-FO stylesheet ({@code site/xslt/pdf/pdf.xsl} of the theme), compiled once per
 * run on Saxon-HE and shared by the worker threads. As for the site: sources are parsed by a reader that
 * refuses DOCTYPEs and external entities, modules come only from the theme, and nothing else is read at run time.
 */
final class PdfStylesheets {
    static final String MAIN = "xslt/pdf/pdf.xsl";

    private final Processor processor;
    private final XsltExecutable main;

    PdfStylesheets(Theme theme) throws SaxonApiException {
        processor = new Processor(false);
        processor.registerExtensionFunction(new ScriptConversion());
        processor.getUnderlyingConfiguration().setErrorReporterFactory(config -> e -> { });
        XsltCompiler c = processor.newXsltCompiler();
        List<String> errors = new ArrayList<>();
        c.setErrorReporter(e -> {
            if (!e.isWarning()) errors.add((e.getLocation() == null ? "" : e.getLocation().getSystemId() + ":" + e.getLocation().getLineNumber() + ": ") + e.getMessage());
        });
        c.setResourceResolver(request -> themeModule(theme, request));
        try {
            main = c.compile(source(theme, MAIN));
        } catch (SaxonApiException e) {
            throw new SaxonApiException(errors.isEmpty() ? e.getMessage() : String.join("; ", errors), e);
        } catch (IOException e) {
            throw new SaxonApiException(theme.origin(MAIN) + ": " + e.getMessage(), e);
        }
    }

    Processor processor() { return processor; }

    /** A transformer for one PDF; it reads nothing but its parameters. */
    Xslt30Transformer transformer() {
        Xslt30Transformer t = main.load30();
        t.setResourceResolver(REFUSE);
        t.setErrorReporter(e -> { });
        t.setMessageHandler(m -> { });
        return t;
    }

    /** Parses XML bytes with the secure reader. */
    XdmNode parse(byte[] xml, String systemId) throws SaxonApiException {
        DocumentBuilder b = processor.newDocumentBuilder();
        b.setLineNumbering(false);
        InputSource src = new InputSource(new ByteArrayInputStream(xml));
        src.setSystemId(systemId);
        try {
            return b.build(new SAXSource(secureReader(), src));
        } catch (IOException e) {
            throw new SaxonApiException(e);
        }
    }

    static XMLReader secureReader() throws IOException {
        try {
            return Xml.newSaxReader(true);
        } catch (SAXException e) {
            throw new IOException("XML parser lacks a required security feature", e);
        }
    }

    private static Source source(Theme theme, String path) throws IOException {
        InputSource in = new InputSource(new ByteArrayInputStream(theme.bytes(path)));
        in.setSystemId(Theme.uri(path).toString());
        return new SAXSource(secureReader(), in);
    }

    private static Source themeModule(Theme theme, ResourceRequest request) throws XPathException {
        URI uri;
        try {
            uri = URI.create(request.uri);
        } catch (IllegalArgumentException e) {
            throw new XPathException("not a theme module: " + request.uri);
        }
        String path = Theme.path(uri).orElseThrow(() -> new XPathException("not a theme module: " + request.uri));
        try {
            return source(theme, path);
        } catch (IOException e) {
            throw new XPathException(theme.origin(path) + ": " + e.getMessage());
        }
    }

    /** {@code jk:convert($text, $script)}, as on the site: the text in the other Chinese script (HanLP). */
    private static final class ScriptConversion implements net.sf.saxon.s9api.ExtensionFunction {
        @Override
        public net.sf.saxon.s9api.QName getName() { return new net.sf.saxon.s9api.QName("urn:x-jiaokan:functions", "convert"); }

        @Override
        public net.sf.saxon.s9api.SequenceType getResultType() {
            return net.sf.saxon.s9api.SequenceType.makeSequenceType(net.sf.saxon.s9api.ItemType.STRING, net.sf.saxon.s9api.OccurrenceIndicator.ONE);
        }

        @Override
        public net.sf.saxon.s9api.SequenceType[] getArgumentTypes() {
            return new net.sf.saxon.s9api.SequenceType[]{
                net.sf.saxon.s9api.SequenceType.makeSequenceType(net.sf.saxon.s9api.ItemType.STRING, net.sf.saxon.s9api.OccurrenceIndicator.ZERO_OR_ONE),
                net.sf.saxon.s9api.SequenceType.makeSequenceType(net.sf.saxon.s9api.ItemType.STRING, net.sf.saxon.s9api.OccurrenceIndicator.ONE)};
        }

        @Override
        public net.sf.saxon.s9api.XdmValue call(net.sf.saxon.s9api.XdmValue[] args) {
            String text = args[0].size() == 0 ? "" : args[0].itemAt(0).getStringValue();
            String script = args[1].itemAt(0).getStringValue();
            return new net.sf.saxon.s9api.XdmAtomicValue(switch (script) {
                case "zh-Hant" -> com.hankcs.hanlp.HanLP.convertToTraditionalChinese(text);
                case "zh-Hans" -> com.hankcs.hanlp.HanLP.convertToSimplifiedChinese(text);
                default -> text;
            });
        }
    }

    private static final ResourceResolver REFUSE = request -> {
        throw new XPathException("the print stylesheets read no other resources: " + request.uri);
    };
}
