package org.jiaokan.publish.html;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.Serializer;

import java.io.OutputStream;

/** Saxon's serializer with the settings the publisher gives its pages, what the tests compare {@link PageWriter} with. */
public final class SaxonPages {
    private SaxonPages() {}

    public static Serializer serializer(Processor processor, OutputStream out) {
        Serializer s = processor.newSerializer(out);
        s.setOutputProperty(Serializer.Property.ENCODING, "UTF-8");
        s.setOutputProperty(Serializer.Property.INDENT, "no");
        s.setOutputProperty(Serializer.Property.METHOD, "html");
        s.setOutputProperty(Serializer.Property.HTML_VERSION, "5");
        s.setOutputProperty(Serializer.Property.INCLUDE_CONTENT_TYPE, "no");
        return s;
    }
}
