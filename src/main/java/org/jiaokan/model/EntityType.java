package org.jiaokan.model;

/** Kinds of named things the annotator marks, with their TEI element names. */
public enum EntityType {
    PERSON("persName"), PLACE("placeName"), ORG("orgName"), DATE("date"), ROLE("roleName"), TERM("term"),
    /** The title of an official document the text cites in 《…》 (a notice, a law, a speech). */
    TITLE("title");

    private final String element;

    EntityType(String element) { this.element = element; }

    /** The TEI element name used for a mention of this type. */
    public String element() { return element; }

    /** True for types gathered into the edition's registers (persons, places, organisations). */
    public boolean registered() { return this == PERSON || this == PLACE || this == ORG; }
}
