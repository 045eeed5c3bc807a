package org.jiaokan.tei;

import org.jiaokan.model.EntityType;

/** Register entry identifiers: readable, stable, valid xml:ids made from a mention's normal form. */
public final class RegisterIds {
    private RegisterIds() {}

    /** E.g. PERSON "叶寒冰" → "per-叶寒冰"; characters not allowed in an XML name become "_". */
    public static String of(EntityType type, String key) {
        String prefix = switch (type) {
            case PERSON -> "per-";
            case PLACE -> "pl-";
            case ORG -> "org-";
            default -> throw new IllegalArgumentException("not a registered type: " + type);
        };
        StringBuilder sb = new StringBuilder(prefix);
        key.codePoints().forEach(cp -> {
            if (isNameChar(cp)) sb.appendCodePoint(cp);
            else sb.append('_');
        });
        return sb.toString();
    }

    /** XML 1.0 (fifth edition) NameChar, without ':'. */
    static boolean isNameChar(int c) {
        return c == '-' || c == '.' || c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || c == 0xB7 || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x37D)
                || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x203F && c <= 0x2040)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
    }
}
