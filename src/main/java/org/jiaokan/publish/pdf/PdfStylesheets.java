package org.jiaokan.publish.pdf;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.jiaokan.publish.Theme;
import org.jiaokan.publish.html.Stylesheets;

import java.io.IOException;
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
        processor = Stylesheets.newProcessor();
        processor.registerExtensionFunction(Stylesheets.scriptConversion());
        processor.registerExtensionFunction(Stylesheets.pageId());
        for (net.sf.saxon.lib.ExtensionFunctionDefinition f : PageLookup.functions()) processor.registerExtensionFunction(f);
        List<String> errors = new ArrayList<>();
        XsltCompiler c = Stylesheets.compiler(processor, theme, errors);
        try {
            main = c.compile(Stylesheets.themeSource(theme, MAIN));
        } catch (SaxonApiException e) {
            throw new SaxonApiException(errors.isEmpty() ? e.getMessage() : String.join("; ", errors), e);
        } catch (IOException e) {
            throw new SaxonApiException(theme.origin(MAIN) + ": " + e.getMessage(), e);
        }
    }

    Processor processor() { return processor; }

    /** A transformer for one PDF; it reads nothing but its parameters. */
    Xslt30Transformer transformer() {
        return Stylesheets.guarded(main.load30(), "print");
    }

    /** Parses XML bytes with the secure reader. */
    XdmNode parse(byte[] xml, String systemId) throws SaxonApiException {
        return Stylesheets.parse(processor, xml, systemId);
    }
}
