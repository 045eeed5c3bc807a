package org.jiaokan.validate;

import com.thaiopensource.xml.sax.XMLReaderCreator;
import org.jiaokan.xml.Xml;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/** SAX readers for the validator that never fetch DTDs or external entities. */
final class SecureXmlReaderCreator implements XMLReaderCreator {
    @Override
    public XMLReader createXMLReader() throws SAXException {
        return Xml.newSaxReader(false);
    }
}
