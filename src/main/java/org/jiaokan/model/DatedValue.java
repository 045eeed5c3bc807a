package org.jiaokan.model;

/**
 * A date the metadata stage found or inferred.
 *
 * @param when     ISO 8601 value for {@code @when} ("2021-04-27", "2020-03-25T18:08:57")
 * @param text     the date as the source writes it ("4月27日")
 * @param cert     certainty of the value (high when every part is written in the source)
 * @param evidence one sentence saying where the year (or the whole value) came from; "" when it is all in the source
 */
public record DatedValue(String when, String text, Cert cert, String evidence) implements java.io.Serializable {
    public boolean inferred() { return !evidence.isEmpty(); }
}
