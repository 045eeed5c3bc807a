package org.jiaokan.model;

/** TEI {@code @cert} values for automatic judgements. */
public enum Cert {
    HIGH, MEDIUM, LOW;

    public String value() { return name().toLowerCase(java.util.Locale.ROOT); }
}
