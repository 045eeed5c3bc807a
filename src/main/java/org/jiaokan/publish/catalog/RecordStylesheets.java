package org.jiaokan.publish.catalog;

import net.sf.saxon.s9api.ExtensionFunction;
import net.sf.saxon.s9api.ItemType;
import net.sf.saxon.s9api.OccurrenceIndicator;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.SequenceType;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.jiaokan.publish.Theme;
import org.jiaokan.publish.html.Stylesheets;
import org.xml.sax.InputSource;

import javax.xml.transform.sax.SAXSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The crosswalks from the TEI header to the catalogue records ({@code xslt/records/tei2dc.xsl},
 * {@code tei2mods.xsl}, {@code tei2marcxml.xsl} of the theme, which an edition may override), compiled
 * once and shared by the worker threads. As with the site's stylesheets, sources are parsed without
 * DOCTYPEs or external entities, modules come only from the theme and the stylesheets read nothing at
 * run time. {@code jk:pinyin($text, $kind, $names)} is {@link Romaniser#romanise(String, String, java.util.Collection)}.
 */
public final class RecordStylesheets {
    /** The three record formats, by the folder their files go to. */
    public enum Kind {
        DC("xslt/records/tei2dc.xsl"), MODS("xslt/records/tei2mods.xsl"), MARCXML("xslt/records/tei2marcxml.xsl");

        final String path;

        Kind(String path) { this.path = path; }
    }

    private final Processor processor;
    private final Map<Kind, XsltExecutable> compiled = new HashMap<>();
    private final XsltExecutable headerOnly;

    public RecordStylesheets(Theme theme) throws SaxonApiException {
        processor = Stylesheets.newProcessor();
        processor.registerExtensionFunction(new PinyinFunction());
        List<String> errors = new ArrayList<>();
        XsltCompiler c = Stylesheets.compiler(processor, theme, errors);
        try {
            for (Kind k : Kind.values()) compiled.put(k, c.compile(Stylesheets.themeSource(theme, k.path)));
            headerOnly = c.compile(new SAXSource(Stylesheets.secureReader(), new InputSource(new StringReader(
                    "<xsl:stylesheet version='3.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform' xmlns:tei='http://www.tei-c.org/ns/1.0'>"
                    + "<xsl:template match='/'><xsl:for-each select='*'><xsl:copy><xsl:copy-of select='@*, tei:teiHeader'/></xsl:copy></xsl:for-each></xsl:template>"
                    + "</xsl:stylesheet>"))));
        } catch (SaxonApiException | IOException e) {
            throw new SaxonApiException(errors.isEmpty() ? e.getMessage() : String.join("; ", errors), e);
        }
    }

    /** Parses XML securely. */
    public XdmNode parse(byte[] xml, String systemId) throws SaxonApiException {
        return Stylesheets.parse(processor, xml, systemId);
    }

    /** A small copy of a document: its root element with the TEI header alone, for the edition's record. */
    public XdmNode header(XdmNode doc) throws SaxonApiException {
        Xslt30Transformer t = guarded(headerOnly.load30());
        XdmDestination d = new XdmDestination();
        t.applyTemplates(doc, d);
        return d.getXdmNode();
    }

    /**
     * {@link #header(XdmNode)} serialised and compressed (a tenth of the tree's size or less), to be kept until the
     * edition's record is made and read back with {@link #uncompressHeader(byte[])}.
     */
    public byte[] compressedHeader(XdmNode doc) throws SaxonApiException {
        Xslt30Transformer t = guarded(headerOnly.load30());
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(bos)) {
            Serializer s = processor.newSerializer(z);
            s.setOutputProperty(Serializer.Property.METHOD, "xml");
            s.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
            s.setOutputProperty(Serializer.Property.INDENT, "no");
            t.applyTemplates(doc, s);
        } catch (IOException e) {
            throw new SaxonApiException(e);
        }
        return bos.toByteArray();
    }

    /** The header {@link #compressedHeader(XdmNode)} kept, as a tree again. */
    public XdmNode uncompressHeader(byte[] compressed) throws SaxonApiException {
        try (java.util.zip.GZIPInputStream z = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return parse(z.readAllBytes(), null);
        } catch (IOException e) {
            throw new SaxonApiException(e);
        }
    }

    /** Runs one crosswalk over {@code doc} with the given parameters and returns the record's bytes. */
    public byte[] transform(Kind kind, XdmNode doc, Map<String, XdmValue> params) throws SaxonApiException {
        Xslt30Transformer t = guarded(compiled.get(kind).load30());
        Map<QName, XdmValue> p = new HashMap<>();
        params.forEach((k, v) -> p.put(new QName(k), v));
        t.setStylesheetParameters(p);
        t.setGlobalContextItem(doc);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        Serializer s = processor.newSerializer(bos);
        s.setOutputProperty(Serializer.Property.METHOD, "xml");
        s.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
        s.setOutputProperty(Serializer.Property.INDENT, "yes");
        t.applyTemplates(doc, s);
        return bos.toByteArray();
    }

    private static Xslt30Transformer guarded(Xslt30Transformer t) {
        return Stylesheets.guarded(t, "record");
    }

    /** {@code jk:pinyin($text, $kind, $names)}: the ALA-LC-style romanisation of a Chinese string. */
    private static final class PinyinFunction implements ExtensionFunction {
        @Override
        public QName getName() { return new QName(Stylesheets.FN_NS, "pinyin"); }

        @Override
        public SequenceType getResultType() { return SequenceType.makeSequenceType(ItemType.STRING, OccurrenceIndicator.ONE); }

        @Override
        public SequenceType[] getArgumentTypes() {
            return new SequenceType[]{
                SequenceType.makeSequenceType(ItemType.STRING, OccurrenceIndicator.ZERO_OR_ONE),
                SequenceType.makeSequenceType(ItemType.STRING, OccurrenceIndicator.ONE),
                SequenceType.makeSequenceType(ItemType.STRING, OccurrenceIndicator.ZERO_OR_MORE)};
        }

        @Override
        public XdmValue call(XdmValue[] args) {
            String text = args[0].size() == 0 ? "" : args[0].itemAt(0).getStringValue();
            List<String> names = new ArrayList<>();
            args[2].forEach(i -> names.add(i.getStringValue()));
            return new XdmAtomicValue(Romaniser.romanise(text, args[1].itemAt(0).getStringValue(), names));
        }
    }
}
