package org.jiaokan.publish.fonts;

import org.apache.fop.apps.io.InternalResourceResolver;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.apache.fop.fonts.CustomFont;
import org.apache.fop.fonts.EmbeddingMode;
import org.apache.fop.fonts.EncodingMode;
import org.apache.fop.fonts.FontLoader;
import org.apache.fop.fonts.FontUris;
import org.apache.fop.fonts.MultiByteFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which characters the print edition's faces can draw, as FOP sees them: each face is loaded with FOP's
 * own font loader (the sub-font of a collection by name, CID encoding, as the PDF renderer embeds it), and a
 * character counts as covered by a face when that font maps its code point to a glyph. The PDF falls back
 * from the serif to the sans, then to the faces for other scripts (DejaVu), character by character, so a
 * character is missing only when no face has it; FOP would draw {@code #} in its place.
 *
 * <p>Loaded fonts are kept per file and face for the life of the JVM (they are only read afterwards), so
 * checking many documents costs one load.
 */
public final class FontCoverage {
    private static final Map<Key, CustomFont> LOADED = new ConcurrentHashMap<>();

    private final CustomFont serif;
    private final CustomFont sans;
    private final java.util.List<CustomFont> others;

    private FontCoverage(CustomFont serif, CustomFont sans, java.util.List<CustomFont> others) {
        this.serif = serif;
        this.sans = sans;
        this.others = others;
    }

    /** The coverage of the faces, loading each through FOP once per JVM. */
    public static FontCoverage of(CjkFonts fonts) throws IOException {
        java.util.List<CustomFont> others = new java.util.ArrayList<>();
        for (CjkFonts.Face f : fonts.faces().subList(2, fonts.faces().size())) others.add(load(f));
        return new FontCoverage(load(fonts.serif()), load(fonts.sans()), java.util.List.copyOf(others));
    }

    /**
     * The characters of {@code text} that no face of {@code fonts} can draw, in code point order (white
     * space and control characters, which take no glyph, are not counted).
     */
    public static SortedSet<Integer> missing(CjkFonts fonts, CharSequence text) throws IOException {
        return of(fonts).check(text).missing();
    }

    /**
     * What a text needs of the faces. All sets hold code points, in order: missing in every face, missing in the
     * serif, in the CJK sans but not the serif, in a face for other scripts only.
     */
    public record Report(int checked, SortedSet<Integer> missing, SortedSet<Integer> missingInSerif,
                         SortedSet<Integer> onlyInSans, SortedSet<Integer> onlyInFallback) {
        /** Whether every character checked can be drawn. */
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** Checks every distinct character of {@code text} that takes a glyph. */
    public Report check(CharSequence text) {
        SortedSet<Integer> distinct = new TreeSet<>();
        text.codePoints().filter(FontCoverage::takesGlyph).forEach(distinct::add);
        SortedSet<Integer> missing = new TreeSet<>(), notSerif = new TreeSet<>(), onlySans = new TreeSet<>(),
                onlyFallback = new TreeSet<>();
        for (int cp : distinct) {
            boolean inSerif = inSerif(cp), inSans = inSans(cp);
            if (!inSerif) notSerif.add(cp);
            if (!inSerif && inSans) onlySans.add(cp);
            if (!inSerif && !inSans) {
                if (inFallback(cp)) onlyFallback.add(cp);
                else missing.add(cp);
            }
        }
        return new Report(distinct.size(), Collections.unmodifiableSortedSet(missing),
                Collections.unmodifiableSortedSet(notSerif), Collections.unmodifiableSortedSet(onlySans),
                Collections.unmodifiableSortedSet(onlyFallback));
    }

    /** Whether a face for other scripts (DejaVu Serif or Sans) has a glyph for the code point. */
    public boolean inFallback(int codePoint) {
        for (CustomFont f : others) if (has(f, codePoint)) return true;
        return false;
    }

    /** Whether the serif face has a glyph for the code point. */
    public boolean inSerif(int codePoint) {
        return has(serif, codePoint);
    }

    /** Whether the sans face has a glyph for the code point. */
    public boolean inSans(int codePoint) {
        return has(sans, codePoint);
    }

    /** Whether a font FOP loaded maps the code point to a glyph. */
    static boolean has(CustomFont font, int codePoint) {
        if (font instanceof MultiByteFont m) return m.hasCodePoint(codePoint);
        return Character.isBmpCodePoint(codePoint) && font.hasChar((char) codePoint);
    }

    /** Whether a character is drawn with a glyph: not white space (FOP sets spaces by width), not a control or format character. */
    public static boolean takesGlyph(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return false;
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE;
    }

    /** A character for a message: {@code U+300C 「 (LEFT CORNER BRACKET)}. */
    public static String describe(int cp) {
        String name = Character.getName(cp);
        return String.format("U+%04X %s%s", cp, Character.toString(cp), name == null ? "" : " (" + name + ")");
    }

    /** A face loaded by FOP's font loader as the PDF renderer loads it, once per JVM. */
    public static CustomFont load(CjkFonts.Face face) throws IOException {
        try {
            return LOADED.computeIfAbsent(new Key(face.file().toAbsolutePath().normalize(), face.subFont()), k -> {
                try {
                    return loadUncached(k.file(), k.subFont());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static CustomFont loadUncached(Path file, String subFont) throws IOException {
        InternalResourceResolver resolver = ResourceResolverFactory.createDefaultInternalResourceResolver(
                file.getParent().toUri());
        try {
            return FontLoader.loadFont(new FontUris(file.toUri(), null), subFont == null ? "" : subFont, true,
                    EmbeddingMode.SUBSET, EncodingMode.CID, false, false, resolver, false, false, false);
        } catch (RuntimeException e) {
            throw new UnusableFontException(file, "FOP cannot read it (" + Objects.requireNonNullElse(e.getMessage(), e.toString()) + ")");
        }
    }

    private record Key(Path file, String subFont) {}
}
