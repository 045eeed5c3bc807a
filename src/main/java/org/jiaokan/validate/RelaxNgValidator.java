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

    private static String format(SAXParseException e) {
        return e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
    }
}
