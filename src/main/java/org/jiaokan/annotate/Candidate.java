package org.jiaokan.annotate;

import org.jiaokan.model.EntityType;

/**
 * A proposed mention in the simplified text, before overlaps are resolved and offsets mapped back.
 *
 * @param key  register key or date value; null means "the simplified span itself"
 * @param code gazetteer code or ""
 */
record Candidate(int start, int end, EntityType type, String key, double confidence, String code) {

    Candidate(int start, int end, EntityType type, double confidence) {
        this(start, end, type, null, confidence, "");
    }

    int length() { return end - start; }
}
