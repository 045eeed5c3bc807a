package org.jiaokan.publish.fonts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two faces the print edition is set in: a CJK serif for the text and a CJK sans for headings, each a
 * TrueType file (or a face of a TrueType collection, named by {@code subFont}). By default these are
 * AR PL UMing and WenQuanYi Zen Hei from Debian's {@code fonts-arphic-uming} and {@code fonts-wqy-zenhei}
 * packages at pinned versions, so that the same TEI gives the same PDF on every machine.
 */
public record CjkFonts(Face serif, Face sans) {
    /** One face: the file, the face's name inside a collection (or null for a single font), the family name used in XSL-FO. */
    public record Face(Path file, String subFont, String family) {}

    /** Where the pinned faces lie below a root folder (Debian's layout: {@code /} or an unpacked package tree). */
    public static final String SERIF_PATH = "usr/share/fonts/truetype/arphic/uming.ttc";
    public static final String SANS_PATH = "usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /**
     * Finds the pinned faces: below {@code $JIAOKAN_FONTS} (or the system property {@code jiaokan.fonts}),
     * then below the launcher's cache {@code ~/.cache/jiaokan/fonts}, then on the system.
     *
     * @throws IOException naming what to install when no usable font can be had
     */
    public static CjkFonts locate() throws IOException {
        List<Path> roots = new ArrayList<>();
        String configured = System.getProperty("jiaokan.fonts", System.getenv("JIAOKAN_FONTS"));
        if (configured != null && !configured.isBlank()) roots.add(Path.of(configured));
        roots.add(Path.of(System.getProperty("user.home"), ".cache", "jiaokan", "fonts"));
        roots.add(Path.of("/"));
        for (Path root : roots) {
            Path serif = root.resolve(SERIF_PATH), sans = root.resolve(SANS_PATH);
            if (Files.isReadable(serif) && Files.isReadable(sans)) {
                return new CjkFonts(new Face(serif, "AR PL UMing CN", "AR PL UMing CN"),
                        new Face(sans, "WenQuanYi Zen Hei", "WenQuanYi Zen Hei"));
            }
        }
        throw new IOException("no CJK fonts for the print edition: install Debian's fonts-arphic-uming and fonts-wqy-zenhei "
                + "(apt-get install fonts-arphic-uming fonts-wqy-zenhei), or run ./jiaokan, which fetches them, "
                + "or set JIAOKAN_FONTS to a folder holding " + SERIF_PATH + " and " + SANS_PATH);
    }
}
