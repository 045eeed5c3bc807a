package org.jiaokan.read;

import org.jiaokan.model.SourceDocument;

import java.nio.charset.Charset;

/** Decodes the bytes of one kind of source file into a {@link SourceDocument}. */
public interface SourceReader {

    /**
     * @param fileName the file's name, for the record and for error messages
     * @param bytes    the whole file
     * @param forced   an encoding the user named with {@code --encoding}, or null to detect it
     */
    SourceDocument read(String fileName, byte[] bytes, Charset forced) throws ReadException;
}
