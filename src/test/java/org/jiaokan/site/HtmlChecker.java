package org.jiaokan.site;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Nu HTML checker (vnu), in this JVM: the errors of one HTML file, each as FILE:LINE:COL: message. */
public final class HtmlChecker {
    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";
    private final SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
    private final Collector errors = new Collector();

    public HtmlChecker() throws Exception {
        validator.setUpMainSchema(SCHEMA, errors);
        validator.setUpValidatorAndParsers(errors, false, false);
    }

    /** The errors in one page (warnings are not counted). */
    public synchronized List<String> errors(Path html) throws Exception {
        errors.file = html.toString();
        errors.found.clear();
        validator.checkHtmlFile(new File(html.toString()), true);
        return List.copyOf(errors.found);
    }

    private static final class Collector implements ErrorHandler {
        String file = "";
        final List<String> found = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) { found.add(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage()); }

        @Override
        public void fatalError(SAXParseException e) { error(e); }
    }
}
