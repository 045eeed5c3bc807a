package org.jiaokan.serve.oai;

import java.util.Optional;

/**
 * The metadata formats the OAI-PMH repository offers: each is a folder of ready-made records in the
 * published output ({@code records/FOLDER/DOCID.xml}, {@code records/edition/FOLDER.xml}), copied into
 * responses as they are, never crosswalked again.
 */
public enum OaiFormat {
    OAI_DC("oai_dc", "dc", "http://www.openarchives.org/OAI/2.0/oai_dc/", "dc",
            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
    MODS("mods", "mods", "http://www.loc.gov/mods/v3", "mods",
            "http://www.loc.gov/standards/mods/v3/mods-3-8.xsd"),
    MARCXML("marcxml", "marcxml", "http://www.loc.gov/MARC21/slim", "record",
            "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd");

    /** The {@code metadataPrefix}. */
    public final String prefix;
    /** The folder under {@code records/} (and the file name under {@code records/edition/}). */
    public final String folder;
    /** The namespace of the record's root element. */
    public final String namespace;
    /** The local name of the record's root element. */
    public final String root;
    /** The schema location announced in {@code ListMetadataFormats}. */
    public final String schema;

    OaiFormat(String prefix, String folder, String namespace, String root, String schema) {
        this.prefix = prefix;
        this.folder = folder;
        this.namespace = namespace;
        this.root = root;
        this.schema = schema;
    }

    public static Optional<OaiFormat> forPrefix(String prefix) {
        for (OaiFormat f : values()) if (f.prefix.equals(prefix)) return Optional.of(f);
        return Optional.empty();
    }
}
