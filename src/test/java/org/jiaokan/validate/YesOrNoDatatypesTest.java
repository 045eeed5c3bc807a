package org.jiaokan.validate;

import org.relaxng.datatype.Datatype;
import org.relaxng.datatype.DatatypeBuilder;
import org.relaxng.datatype.DatatypeException;
import org.relaxng.datatype.DatatypeLibrary;
import org.relaxng.datatype.ValidationContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** XML Schema's datatypes as the tree check sees them: the same yes or no, without the reasons. */
class YesOrNoDatatypesTest {
    private static final String XSD = "http://www.w3.org/2001/XMLSchema-datatypes";
    private static final ValidationContext NONE = new ValidationContext() {
        @Override public String resolveNamespacePrefix(String prefix) { return null; }
        @Override public String getBaseUri() { return null; }
        @Override public boolean isUnparsedEntity(String name) { return false; }
        @Override public boolean isNotation(String name) { return false; }
    };

    private static Datatype certainty(DatatypeLibrary library) throws DatatypeException {
        DatatypeBuilder b = library.createDatatypeBuilder("double");
        b.addParameter("minInclusive", "0", NONE);
        b.addParameter("maxInclusive", "1", NONE);
        return b.createDatatype();
    }

    @Test
    void acceptsAndRefusesWhatTheLibraryDoesAndGivesNoReason() throws Exception {
        DatatypeLibrary quiet = new YesOrNoDatatypes().createDatatypeLibrary(XSD);
        DatatypeLibrary plain = new com.thaiopensource.datatype.DatatypeLibraryLoader().createDatatypeLibrary(XSD);
        String[][] cases = {
                {"double", "high", "0.25", "1", "1.5", "-0", "1e-1", "INF", ""},
                {"date", "2020-05-01", "2020-13-01", "2020-02-30", "2020", " 2020-05-01 "},
                {"gMonthDay", "--05-30", "--13-01", "05-30"},
                {"gYear", "2020", "20", "-0044"},
                {"anyURI", "#jk", "https://example.org/a b", "%zz"},
                {"language", "zh-Hans", "zh_Hans", ""},
                {"NCName", "jk-001", "1jk", "a:b"},
        };
        for (String[] c : cases) {
            Datatype q = quiet.createDatatype(c[0]), p = plain.createDatatype(c[0]);
            for (int i = 1; i < c.length; i++) {
                boolean valid = p.isValid(c[i], NONE);
                assertEquals(valid, q.isValid(c[i], NONE), c[0] + " " + c[i]);
                if (valid) {
                    q.checkValid(c[i], NONE);
                } else {
                    String value = c[i];
                    DatatypeException e = assertThrows(DatatypeException.class, () -> q.checkValid(value, NONE), c[0] + " " + c[i]);
                    assertInstanceOf(YesOrNoDatatypes.Refused.class, e);
                    assertEquals(0, e.getStackTrace().length);
                    assertThrows(DatatypeException.class, () -> p.checkValid(value, NONE));
                }
            }
        }
        Datatype q = certainty(quiet), p = certainty(plain);
        for (String v : new String[]{"high", "0", "0.5", "1.0", "1.01", "-0.1", "NaN"}) {
            assertEquals(p.isValid(v, NONE), q.isValid(v, NONE), "certainty " + v);
        }
        assertThrows(YesOrNoDatatypes.Refused.class, () -> q.checkValid("high", NONE));
    }

    @Test
    void keepsWhatJingAsksOfADatatypeBesidesItsReasons() throws Exception {
        DatatypeLibrary quiet = new YesOrNoDatatypes().createDatatypeLibrary(XSD);
        DatatypeLibrary plain = new com.thaiopensource.datatype.DatatypeLibraryLoader().createDatatypeLibrary(XSD);
        for (String type : new String[]{"string", "token", "ID", "IDREF", "IDREFS", "double", "QName"}) {
            Datatype q = quiet.createDatatype(type), p = plain.createDatatype(type);
            assertEquals(((com.thaiopensource.datatype.Datatype2) p).alwaysValid(), ((com.thaiopensource.datatype.Datatype2) q).alwaysValid(), type);
            assertEquals(p.getIdType(), q.getIdType(), type);
            assertEquals(p.isContextDependent(), q.isContextDependent(), type);
        }
        assertTrue(((com.thaiopensource.datatype.Datatype2) quiet.createDatatype("string")).alwaysValid());
        Datatype d = quiet.createDatatype("double");
        assertTrue(d.sameValue(d.createValue("1.0", NONE), d.createValue("1", NONE)));
        assertEquals(d.valueHashCode(d.createValue("1.0", NONE)), d.valueHashCode(d.createValue("1", NONE)));
        assertFalse(d.sameValue(d.createValue("1.0", NONE), d.createValue("2", NONE)));
        assertNull(new YesOrNoDatatypes().createDatatypeLibrary("urn:example:no-such-library"));
        // one wrapper per datatype of the library: jing compares a data's and a value's datatypes by identity
        assertEquals(plain.createDatatype("token") == plain.createDatatype("token"),
                quiet.createDatatype("token") == quiet.createDatatype("token"));
        org.junit.jupiter.api.Assertions.assertSame(quiet.createDatatype("date"), quiet.createDatatype("date"));
        assertThrows(DatatypeException.class, () -> quiet.createDatatype("noSuchType"));
    }
}
