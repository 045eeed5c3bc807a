package org.jiaokan.model;

/** The Chinese script a text is written in, with its BCP 47 tag. */
public enum Script {
    SIMPLIFIED("zh-Hans", "Chinese, simplified script"),
    TRADITIONAL("zh-Hant", "Chinese, traditional script");

    private final String tag;
    private final String label;

    Script(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    public String tag() { return tag; }

    public String label() { return label; }
}
