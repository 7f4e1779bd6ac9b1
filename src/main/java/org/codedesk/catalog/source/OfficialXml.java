package org.codedesk.catalog.source;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way CodeDesk opens an official XML file: the JDK's own StAX implementation (behaviour does not
 * depend on whatever provider is on the classpath), no DTD and no external entities (the official files need
 * none, and refusing them closes XXE), adjacent text coalesced.
 */
public final class OfficialXml {

    private OfficialXml() {
    }

    public static XMLStreamReader open(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }
}
