package org.jiaokan.publish.fonts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The faces the print edition is set in: a CJK serif for the text and a CJK sans for headings, each a
 * TrueType file (or a face of a TrueType collection, named by {@code subFont}), and a serif and a sans face for
 * the scripts the CJK faces lack (Greek, Cyrillic, mathematical signs, symbols), which come after the CJK faces
 * in every font-family list, so that they supply only what neither CJK face has. By default these are
 * AR PL UMing and WenQuanYi Zen Hei from Debian's {@code fonts-arphic-uming} and {@code fonts-wqy-zenhei}
 * packages, and DejaVu Serif and DejaVu Sans from {@code fonts-dejavu-core}, at pinned versions, so that the
 * same TEI gives the same PDF on every machine.
 *
 * <p>{@link #locate()} gives the pinned faces. {@link #locate(Options)} gives the faces a user chose
 * ({@link Options#fromEnvironment()}: {@code JIAOKAN_FONT_SERIF}, {@code JIAOKAN_FONT_SANS}), each checked
 * to be usable by FOP, and the pinned face for any not chosen.
 */
public record CjkFonts(Face serif, Face sans, Face fallbackSerif, Face fallbackSans) {
    /** One face: the file, the face's name inside a collection (or null for a single font), the family name used in XSL-FO. */
    public record Face(Path file, String subFont, String family) {}

    /** The two CJK faces without fallback faces for other scripts. */
    public CjkFonts(Face serif, Face sans) {
        this(serif, sans, null, null);
    }

    /** Every face, in the order of the body text's font-family list: serif, sans, then the fallback faces there are. */
    public List<Face> faces() {
        List<Face> all = new ArrayList<>(List.of(serif, sans));
        if (fallbackSerif != null) all.add(fallbackSerif);
        if (fallbackSans != null) all.add(fallbackSans);
        return List.copyOf(all);
    }

    /** Where the pinned faces lie below a root folder (Debian's layout: {@code /} or an unpacked package tree). */
    public static final String SERIF_PATH = "usr/share/fonts/truetype/arphic/uming.ttc";
    public static final String SANS_PATH = "usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    /** Where the pinned faces for other scripts lie below a root folder ({@code fonts-dejavu-core}). */
    public static final String FALLBACK_SERIF_PATH = "usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    public static final String FALLBACK_SANS_PATH = "usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /** What to do when no usable font can be had. */
    public static final String INSTALL_HINT = "install Debian's fonts-arphic-uming, fonts-wqy-zenhei and fonts-dejavu-core "
            + "(apt-get install fonts-arphic-uming fonts-wqy-zenhei fonts-dejavu-core), or run ./jiaokan, which fetches them, "
            + "or set JIAOKAN_FONTS to a folder holding " + SERIF_PATH + ", " + SANS_PATH + ", " + FALLBACK_SERIF_PATH
            + " and " + FALLBACK_SANS_PATH;

    /**
     * Finds the pinned faces: below {@code $JIAOKAN_FONTS} (or the system property {@code jiaokan.fonts}),
     * then below the launcher's cache {@code ${XDG_CACHE_HOME:-~/.cache}/jiaokan/fonts}, then on the system.
     *
     * @throws IOException naming what to install when no usable font can be had
     */
    public static CjkFonts locate() throws IOException {
        Face[] fallback = fallback();
        for (Path root : roots()) {
            Path serif = root.resolve(SERIF_PATH), sans = root.resolve(SANS_PATH);
            if (Files.isReadable(serif) && Files.isReadable(sans)) {
                if (fallback == null) break;
                return new CjkFonts(new Face(serif, "AR PL UMing CN", "AR PL UMing CN"),
                        new Face(sans, "WenQuanYi Zen Hei", "WenQuanYi Zen Hei"), fallback[0], fallback[1]);
            }
        }
        throw new IOException("no CJK fonts for the print edition: " + INSTALL_HINT);
    }

    /** The pinned faces for other scripts, from the first root that holds both (as the CJK faces are found), or null. */
    private static Face[] fallback() {
        for (Path root : roots()) {
            Path serif = root.resolve(FALLBACK_SERIF_PATH), sans = root.resolve(FALLBACK_SANS_PATH);
            if (Files.isReadable(serif) && Files.isReadable(sans)) {
                return new Face[]{new Face(serif, null, "DejaVu Serif"), new Face(sans, null, "DejaVu Sans")};
            }
        }
        return null;
    }

    /**
     * The faces {@code options} chooses, each checked to be a TrueType face FOP can embed; the pinned face
     * for each one not chosen (found as by {@link #locate()}).
     *
     * @throws IOException naming the file, why it is refused and what to use instead; or, as {@link #locate()},
     *                     what to install when a pinned face is needed and absent
     */
    public static CjkFonts locate(Options options) throws IOException {
        Face serif = options.serif() == null ? null : FontChoice.resolve("serif", options.serif(), options.fontconfig());
        Face sans = options.sans() == null ? null : FontChoice.resolve("sans", options.sans(), options.fontconfig());
        if (serif == null || sans == null) {
            CjkFonts pinned = locate();
            if (serif == null) serif = pinned.serif();
            if (sans == null) sans = pinned.sans();
        }
        // The pinned faces for other scripts where they are at hand (with two faces of the user's own, they may not be).
        Face[] fallback = fallback();
        return fallback == null ? new CjkFonts(serif, sans) : new CjkFonts(serif, sans, fallback[0], fallback[1]);
    }

    /** {@code locate(Options.fromEnvironment())}: the faces the user configured, else the pinned ones. */
    public static CjkFonts configured() throws IOException {
        return locate(Options.fromEnvironment());
    }

    /**
     * The folders below which the pinned faces are looked for, in order: {@code $JIAOKAN_FONTS} (or
     * {@code -Djiaokan.fonts}), the cache the launcher fills, the system root.
     */
    public static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        String configured = System.getProperty("jiaokan.fonts", System.getenv("JIAOKAN_FONTS"));
        if (configured != null && !configured.isBlank()) roots.add(Path.of(configured));
        roots.add(cache());
        roots.add(Path.of("/"));
        return roots;
    }

    /**
     * The launcher's font cache: {@code $XDG_CACHE_HOME/jiaokan/fonts} when {@code XDG_CACHE_HOME} is an
     * absolute path, else {@code ~/.cache/jiaokan/fonts} (the launcher computes the same folder).
     */
    public static Path cache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jiaokan").resolve("fonts");
    }

    /**
     * Faces a user chose, each null for the pinned face. A choice is {@code FILE} (a TrueType font),
     * {@code FILE#SUBFONT} (a face of a TrueType collection, by its full name), {@code fontconfig} (the
     * face {@code fc-match} gives for {@code serif:lang=zh-cn} or {@code sans-serif:lang=zh-cn}) or
     * {@code fontconfig:PATTERN}.
     *
     * @param fontconfig the {@code fc-match} program to ask (null: {@code fc-match} on the PATH)
     */
    public record Options(String serif, String sans, Path fontconfig) {
        public Options(String serif, String sans) {
            this(serif, sans, null);
        }

        /** The pinned faces. */
        public static final Options PINNED = new Options(null, null, null);

        /**
         * The choices of the system properties {@code jiaokan.font.serif} and {@code jiaokan.font.sans}, else of
         * the environment variables {@code JIAOKAN_FONT_SERIF} and {@code JIAOKAN_FONT_SANS}; blank is no choice.
         */
        public static Options fromEnvironment() {
            return new Options(setting("jiaokan.font.serif", "JIAOKAN_FONT_SERIF"),
                    setting("jiaokan.font.sans", "JIAOKAN_FONT_SANS"), null);
        }

        private static String setting(String property, String variable) {
            String v = System.getProperty(property, System.getenv(variable));
            return v == null || v.isBlank() ? null : v.strip();
        }
    }
}
