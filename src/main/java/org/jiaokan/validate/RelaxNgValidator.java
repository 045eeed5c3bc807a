package org.jiaokan.validate;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.SAXSchemaReader;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Validates XML documents against one RELAX NG schema (XML syntax), compiled once. */
public final class RelaxNgValidator {
    private final String schemaName;
    private final ValidationDriver driver;
    private final List<String> errors = new ArrayList<>();
    /**
     * The schema compiled once more on its own, for parsed documents: each check makes its own validator of it, so any
     * thread may check. Its datatypes say whether a value is valid and not why ({@link YesOrNoDatatypes}).
     */
    private final com.thaiopensource.validate.Schema compiled;
    private final com.thaiopensource.util.PropertyMap schemaProperties;

    private RelaxNgValidator(String schemaName, InputSource schema) throws IOException {
        this(schemaName, schema, false);
    }

    private RelaxNgValidator(String schemaName, InputSource schema, boolean checkIds) throws IOException {
        this.schemaName = schemaName;
        ErrorHandler collect = new ErrorHandler() {
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) { errors.add(format(e)); }
            @Override public void fatalError(SAXParseException e) { errors.add(format(e)); }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, collect);
        props.put(ValidateProperty.XML_READER_CREATOR, new SecureXmlReaderCreator());
        if (checkIds) com.thaiopensource.validate.prop.rng.RngProperty.CHECK_ID_IDREF.add(props);
        this.driver = new ValidationDriver(props.toPropertyMap(), props.toPropertyMap(), SAXSchemaReader.getInstance());
        try {
            if (!driver.loadSchema(schema)) throw new IOException("schema " + schemaName + " does not load: " + String.join("; ", errors));
        } catch (SAXException e) {
            throw new IOException("schema " + schemaName + " does not load: " + e.getMessage(), e);
        }
        PropertyMapBuilder own = new PropertyMapBuilder();
        own.put(ValidateProperty.XML_READER_CREATOR, new SecureXmlReaderCreator());
        // validTree wants a yes or a no: the reasons come from the bytes, checked again by the driver above
        own.put(com.thaiopensource.validate.prop.rng.RngProperty.DATATYPE_LIBRARY_FACTORY, new YesOrNoDatatypes());
        if (checkIds) com.thaiopensource.validate.prop.rng.RngProperty.CHECK_ID_IDREF.add(own);
        this.schemaProperties = own.toPropertyMap();
        try {
            this.compiled = SAXSchemaReader.getInstance().createSchema(new InputSource(schema.getSystemId()), schemaProperties);
        } catch (SAXException | com.thaiopensource.validate.IncorrectSchemaException e) {
            throw new IOException("schema " + schemaName + " does not load: " + e.getMessage(), e);
        }
    }

    public static RelaxNgValidator of(Path schema) throws IOException {
        return new RelaxNgValidator(schema.getFileName().toString(), new InputSource(schema.toUri().toString()));
    }

    /**
     * A validator that also checks ID uniqueness and IDREFs as DTD compatibility defines them (the
     * check jing makes by default on the command line).
     */
    public static RelaxNgValidator checkingIds(Path schema) throws IOException {
        return new RelaxNgValidator(schema.getFileName().toString(), new InputSource(schema.toUri().toString()), true);
    }

    public static RelaxNgValidator of(URL schema) throws IOException {
        return new RelaxNgValidator(schema.getPath().replaceFirst(".*/", ""), new InputSource(schema.toString()));
    }

    public String schemaName() { return schemaName; }

    /** The validation errors of a document ("line:column: message"); empty when valid. */
    public synchronized List<String> validate(byte[] xml, String systemId) {
        errors.clear();
        InputSource in = new InputSource(new ByteArrayInputStream(xml));
        in.setSystemId(systemId);
        try {
            driver.validate(in);
        } catch (SAXException | IOException e) {
            errors.add(e.getMessage());
        }
        return List.copyOf(errors);
    }

    /**
     * The validation errors of a document already parsed from {@code xml}: the tree is checked as it is,
     * without parsing the bytes again; only when it is invalid are the bytes checked, for the errors with
     * their lines and columns. Any thread may call this at any time.
     */
    public List<String> validate(org.w3c.dom.Document parsed, byte[] xml, String systemId) {
        return validTree(parsed) ? List.of() : validate(xml, systemId);
    }

    /** Whether a parsed document is valid, checked as a tree. */
    boolean validTree(org.w3c.dom.Document parsed) {
        Checker c = idle.poll();
        if (c == null) c = new Checker();
        c.invalid = false;
        try {
            DomEvents.send(parsed, c.validator.getContentHandler());
        } catch (SAXException | RuntimeException e) {
            c.invalid = true;
        }
        boolean valid = !c.invalid;
        // A validator that saw an error or stopped part way is not used again; a clean one goes back, reset,
        // until it has checked CHECKS_PER_VALIDATOR documents (what it learns of the schema is not bounded by
        // the schema alone: an odd document adds derivatives of its own, so a server running for months renews it).
        if (valid && ++c.checks < CHECKS_PER_VALIDATOR) {
            c.validator.reset();
            idle.offer(c);
        }
        return valid;
    }

    /**
     * The validators of {@link #validTree} not in use. A validator keeps what it has learned of the schema
     * (the patterns' derivatives, which jing works out as the elements come) from one document to the
     * next, so a document checked with one that has checked others costs about half as much as with a
     * new one; jing's own driver reuses its validator so. Each thread takes one of its own while it checks.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Checker> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** How many documents one validator of {@link #validTree} checks before a new one takes its place. */
    static final int CHECKS_PER_VALIDATOR = 1000;

    /** A validator of the compiled schema with the error handler that marks its document invalid. */
    private final class Checker {
        boolean invalid;
        int checks;
        final com.thaiopensource.validate.Validator validator;

        Checker() {
            ErrorHandler note = new ErrorHandler() {
                @Override public void warning(SAXParseException e) { }
                @Override public void error(SAXParseException e) { invalid = true; }
                @Override public void fatalError(SAXParseException e) { invalid = true; }
            };
            PropertyMapBuilder props = new PropertyMapBuilder(schemaProperties);
            props.put(ValidateProperty.ERROR_HANDLER, note);
            validator = compiled.createValidator(props.toPropertyMap());
        }
    }

    private static String format(SAXParseException e) {
        return e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
    }
}
