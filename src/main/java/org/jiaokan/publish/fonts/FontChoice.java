package org.jiaokan.publish.fonts;

import org.apache.fop.fonts.CustomFont;
import org.apache.fop.fonts.truetype.FontFileReader;
import org.apache.fop.fonts.truetype.TTFFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A face a user chose ({@code FILE}, {@code FILE#SUBFONT}, {@code fontconfig}, {@code fontconfig:PATTERN}),
 * resolved to a file and face and checked to be one FOP can embed: TrueType outlines ({@code glyf}), not CFF,
 * loadable by FOP's font loader, with glyphs for Chinese.
 */
final class FontChoice {
    /** What to use instead of a refused face. */
    static final String USE_INSTEAD = "use a TrueType (glyf) CJK face such as AR PL UMing or WenQuanYi Zen Hei "
            + "(apt-get install fonts-arphic-uming fonts-wqy-zenhei)";
    /** Characters a face for Chinese text must have. */
    static final String PROBE = "中文的";

    private FontChoice() {}

    /**
     * The face a choice names.
     *
     * @param role       {@code serif} or {@code sans}: the setting named in messages and the default fontconfig pattern
     * @param fontconfig the {@code fc-match} program (null: the one on the PATH)
     */
    static CjkFonts.Face resolve(String role, String choice, Path fontconfig) throws IOException {
        String setting = "JIAOKAN_FONT_" + role.toUpperCase(java.util.Locale.ROOT);
        Path file;
        String subFont = null;
        Integer index = null;
        if (choice.equals("fontconfig") || choice.startsWith("fontconfig:")) {
            String pattern = choice.equals("fontconfig") ? (role.equals("sans") ? "sans-serif" : "serif") + ":lang=zh-cn"
                    : choice.substring("fontconfig:".length());
            String[] match = fcMatch(setting, pattern, fontconfig);
            file = Path.of(match[0]);
            index = match[1].matches("\\d{1,9}") ? (int) (Long.parseLong(match[1]) & 0xFFFF) : 0;
        } else {
            file = Path.of(choice);
            int hash = choice.lastIndexOf('#');
            if (!Files.exists(file) && hash > 0) {
                file = Path.of(choice.substring(0, hash));
                subFont = choice.substring(hash + 1);
            }
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnusableFontException(file, "no such font file (" + setting + "=" + choice + ")");
        }
        SfntDirectory dir;
        try {
            dir = SfntDirectory.read(file);
        } catch (IOException e) {
            throw new UnusableFontException(file, "not a font FOP can use (" + e.getMessage() + "); " + USE_INSTEAD);
        }
        SfntDirectory.Face face;
        if (dir.faces().stream().allMatch(SfntDirectory.Face::cff)) {
            face = dir.faces().get(0);
        } else if (dir.kind().equals("ttc")) {
            List<String> names = collectionNames(file);
            if (subFont == null) {
                int i = index == null ? 0 : index;
                if (i >= names.size()) throw new UnusableFontException(file, "the collection has no face " + i);
                subFont = names.get(i);
            }
            int i = names.indexOf(subFont);
            if (i < 0) {
                throw new UnusableFontException(file, "the collection has no face named \"" + subFont + "\"; its faces: "
                        + String.join(", ", names) + " (name one as FILE#FACE)");
            }
            face = dir.faces().get(Math.min(i, dir.faces().size() - 1));
        } else {
            if (subFont != null) throw new UnusableFontException(file, "not a TrueType collection, so it has no face \"" + subFont + "\"");
            face = dir.faces().get(0);
        }
        if (face.cff()) {
            throw new UnusableFontException(file, "its outlines are CFF (OpenType "
                    + ("OTTO".equals(face.version()) ? "OTTO" : "with a CFF table") + "), which FOP cannot embed for CJK text; "
                    + USE_INSTEAD + ". (A Noto Sans/Serif SC .otf works only with the Kangxi-radical code points that share "
                    + "glyphs with ideographs removed from its cmap, which Jiaokan does not do; the Noto CJK .ttc not at all.)");
        }
        if (!face.trueTypeOutlines()) {
            throw new UnusableFontException(file, "it has no TrueType outlines (no glyf table: a bitmap-only face?); " + USE_INSTEAD);
        }
        CustomFont font = FontCoverage.load(new CjkFonts.Face(file, subFont, subFont));
        for (int cp : PROBE.codePoints().toArray()) {
            if (!FontCoverage.has(font, cp)) {
                throw new UnusableFontException(file, "it has no glyph for " + Character.toString(cp)
                        + ": not a face for Chinese text; " + USE_INSTEAD);
            }
        }
        String family = subFont != null ? subFont : font.getFullName();
        if (family == null || family.isBlank()) family = file.getFileName().toString();
        return new CjkFonts.Face(file, subFont, family);
    }

    /** The full names of a collection's faces, as FOP matches a sub-font name against them. */
    static List<String> collectionNames(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(new TTFFile().getTTCnames(new FontFileReader(in)));
        } catch (IOException | RuntimeException e) {
            throw new UnusableFontException(file, "FOP cannot read its faces (" + e + "); " + USE_INSTEAD);
        }
    }

    /** {@code fc-match -f '%{file}\n%{index}' PATTERN}: the file and face index fontconfig gives. */
    private static String[] fcMatch(String setting, String pattern, Path fontconfig) throws IOException {
        String program = fontconfig == null ? "fc-match" : fontconfig.toString();
        Process p;
        try {
            p = new ProcessBuilder(program, "-f", "%{file}\n%{index}", pattern).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UnusableFontException(Path.of(program), setting + " asks fontconfig, but fc-match cannot be run "
                    + "(apt-get install fontconfig, or name a font file)");
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UnusableFontException(Path.of(program), "fc-match did not answer for " + pattern);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking fc-match", e);
        }
        String[] lines = out.split("\n", -1);
        if (p.exitValue() != 0 || lines[0].isBlank()) {
            throw new UnusableFontException(Path.of(program), "fc-match found no font for " + pattern + " (" + setting + ")");
        }
        return new String[]{lines[0].strip(), lines.length > 1 ? lines[1].strip() : ""};
    }
}
