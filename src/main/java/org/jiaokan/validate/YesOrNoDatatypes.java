package org.jiaokan.validate;

import org.relaxng.datatype.Datatype;
import org.relaxng.datatype.DatatypeBuilder;
import org.relaxng.datatype.DatatypeException;
import org.relaxng.datatype.DatatypeLibrary;
import org.relaxng.datatype.DatatypeLibraryFactory;
import org.relaxng.datatype.DatatypeStreamingValidator;
import org.relaxng.datatype.ValidationContext;

import java.util.Map;

/**
 * The datatype libraries jing finds by itself (XML Schema's, among them), with datatypes that say only whether a value
 * is valid: for a check whose messages nobody reads ({@link RelaxNgValidator#validTree}, whose invalid documents are
 * checked again from their bytes, with the messages).
 *
 * <p>Jing asks an attribute's value for the reason it is invalid under every branch of a choice of datatypes, and XML
 * Schema's datatypes answer with an exception whose message they format and whose stack they fill, even where another
 * branch accepts the value: a {@code cert="high"} is no {@code xsd:double}, a {@code when="2020-05-01"} none of seven
 * of the eight temporal types its attribute allows. In a build that was half of the schema check's time. Here the
 * value is asked whether it is valid, as jing itself asks where it keeps no reasons, and an invalid one gets an
 * exception without message or stack.
 */
final class YesOrNoDatatypes implements DatatypeLibraryFactory {
    private final DatatypeLibraryFactory found = new com.thaiopensource.datatype.DatatypeLibraryLoader();

    @Override
    public DatatypeLibrary createDatatypeLibrary(String namespaceUri) {
        DatatypeLibrary library = found.createDatatypeLibrary(namespaceUri);
        return library == null ? null : new Library(library);
    }

    /**
     * A library's datatypes, each wrapped once: jing compares datatypes by identity where it combines a {@code data} and
     * a {@code value} of one type (and keeps what it worked out of them), and the library gives one object per type.
     */
    private static final class Library implements DatatypeLibrary {
        private final DatatypeLibrary library;
        private final Map<Datatype, Datatype> wrapped = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        Library(DatatypeLibrary library) {
            this.library = library;
        }

        @Override
        public DatatypeBuilder createDatatypeBuilder(String type) throws DatatypeException {
            return new Builder(library.createDatatypeBuilder(type), this);
        }

        @Override
        public Datatype createDatatype(String type) throws DatatypeException {
            return wrap(library.createDatatype(type));
        }

        Datatype wrap(Datatype d) {
            return d == null ? null : wrapped.computeIfAbsent(d, YesOrNo::of);
        }
    }

    private record Builder(DatatypeBuilder builder, Library library) implements DatatypeBuilder {
        @Override
        public void addParameter(String name, String value, ValidationContext context) throws DatatypeException {
            builder.addParameter(name, value, context);
        }

        @Override
        public Datatype createDatatype() throws DatatypeException {
            return library.wrap(builder.createDatatype());
        }
    }

    /** A datatype as {@code datatype}, but for the reason it gives a value it refuses. */
    record YesOrNo(Datatype datatype) implements com.thaiopensource.datatype.Datatype2 {
        static Datatype of(Datatype d) {
            return d == null || d instanceof YesOrNo ? d : new YesOrNo(d);
        }

        @Override
        public boolean isValid(String value, ValidationContext context) {
            return datatype.isValid(value, context);
        }

        @Override
        public void checkValid(String value, ValidationContext context) throws DatatypeException {
            if (!datatype.isValid(value, context)) throw new Refused();
        }

        @Override
        public DatatypeStreamingValidator createStreamingValidator(ValidationContext context) {
            return datatype.createStreamingValidator(context);
        }

        @Override
        public Object createValue(String value, ValidationContext context) {
            return datatype.createValue(value, context);
        }

        @Override
        public boolean sameValue(Object a, Object b) {
            return datatype.sameValue(a, b);
        }

        @Override
        public int valueHashCode(Object value) {
            return datatype.valueHashCode(value);
        }

        @Override
        public int getIdType() {
            return datatype.getIdType();
        }

        @Override
        public boolean isContextDependent() {
            return datatype.isContextDependent();
        }

        @Override
        public boolean alwaysValid() {
            return datatype instanceof com.thaiopensource.datatype.Datatype2 d && d.alwaysValid();
        }
    }

    /** A value refused, without a reason or the stack it was refused at. */
    static final class Refused extends DatatypeException {
        Refused() {
            super("invalid");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
