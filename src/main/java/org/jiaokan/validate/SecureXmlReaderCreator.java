package org.jiaokan.validate;

import com.thaiopensource.xml.sax.XMLReaderCreator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

/** SAX readers for the validator that never fetch DTDs or external entities. */
final class SecureXmlReaderCreator implements XMLReaderCreator {
    @Override
    public XMLReader createXMLReader() throws SAXException {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return r;
        } catch (ParserConfigurationException e) {
            throw new SAXException(e);
        }
    }
}
