package org.jiaokan.model;

import java.util.Objects;

/**
 * A recognised mention of a named thing in a text. Offsets are UTF-16 indices, end exclusive.
 *
 * @param start      first char
 * @param end        end (exclusive)
 * @param type       what it names
 * @param text       the mention's text as it stands
 * @param key        the register key: the simplified-script normal form ("叶寒冰" for 葉寒冰); for dates the
 *                   ISO value for {@code @when} ("2019-05-30", "2008-08", "2019"), or "" where the date has no
 *                   computable value
 * @param confidence the recogniser's confidence in [0, 1]
 * @param code       an external identifier where a gazetteer knows it (GB/T 2260 code for places), or ""
 */
public record Mention(int start, int end, EntityType type, String text, String key, double confidence, String code) implements java.io.Serializable {
    public Mention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        key = key == null ? "" : key;
        code = code == null ? "" : code;
        if (start < 0 || end <= start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    public boolean overlaps(Mention o) { return start < o.end && o.start < end; }
}
