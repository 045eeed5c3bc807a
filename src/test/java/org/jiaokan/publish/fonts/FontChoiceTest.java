package org.jiaokan.publish.fonts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Faces a user chooses ({@code JIAOKAN_FONT_SERIF}, {@code JIAOKAN_FONT_SANS}): resolved, checked, or refused with a reason. */
class FontChoiceTest {
    static CjkFonts pinned;

    @TempDir
    Path dir;

    @BeforeAll
    static void fonts() {
        pinned = PinnedFonts.get();
    }

    @Test
    void aFaceOfACollectionIsChosenByItsName() throws Exception {
        Path uming = pinned.serif().file();
        List<String> faces = FontChoice.collectionNames(uming);
        assertTrue(faces.contains("AR PL UMing CN") && faces.contains("AR PL UMing TW"), faces.toString());
        CjkFonts f = CjkFonts.locate(new CjkFonts.Options(uming + "#AR PL UMing TW", null));
        assertEquals(new CjkFonts.Face(uming, "AR PL UMing TW", "AR PL UMing TW"), f.serif());
        assertEquals(pinned.sans(), f.sans(), "the face not chosen is the pinned one");
    }

    @Test
    void aCollectionWithoutAFaceNameGivesItsFirstFace() throws Exception {
        Path zenhei = pinned.sans().file();
        CjkFonts f = CjkFonts.locate(new CjkFonts.Options(null, zenhei.toString()));
        assertEquals(FontChoice.collectionNames(zenhei).get(0), f.sans().subFont());
        assertEquals(pinned.serif(), f.serif());
    }

    @Test
    void anUnknownFaceNameIsRefusedWithTheFacesThereAre() {
        Path uming = pinned.serif().file();
        UnusableFontException e = assertThrows(UnusableFontException.class,
                () -> CjkFonts.locate(new CjkFonts.Options(uming + "#AR PL Mingti", null)));
        assertEquals(uming, e.file());
        assertTrue(e.getMessage().startsWith(uming + ": the collection has no face named \"AR PL Mingti\"; its faces: "), e.getMessage());
        assertTrue(e.getMessage().contains("AR PL UMing HK"), e.getMessage());
    }

    @Test
    void cffOutlinesAreRefusedNamingTheFileAndWhatToInstall() throws Exception {
        Path otf = Files.write(dir.resolve("NotoSerifSC-Regular.otf"), sfnt(0x4F54544F, "CFF ", "OS/2", "cmap", "head", "hmtx", "maxp", "name", "post"));
        UnusableFontException e = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options(otf.toString(), null)));
        assertTrue(e.getMessage().startsWith(otf + ": its outlines are CFF (OpenType OTTO), which FOP cannot embed for CJK text; "
                + "use a TrueType (glyf) CJK face such as AR PL UMing or WenQuanYi Zen Hei (apt-get install fonts-arphic-uming fonts-wqy-zenhei)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Kangxi-radical code points"), e.getMessage());

        // A collection of CFF faces, as Noto CJK's .ttc.
        byte[] face = sfnt(0x4F54544F, "CFF ", "cmap", "name");
        ByteBuffer ttc = ByteBuffer.allocate(16 + face.length);
        ttc.put("ttcf".getBytes(StandardCharsets.ISO_8859_1)).putInt(0x00010000).putInt(1).putInt(16).put(face);
        Path noto = Files.write(dir.resolve("NotoSansCJK-Regular.ttc"), ttc.array());
        assertTrue(SfntDirectory.read(noto).faces().get(0).cff());
        UnusableFontException c = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options(null, noto + "#Noto Sans CJK SC")));
        assertEquals(noto, c.file());
    }

    @Test
    void theSystemsNotoCjkCollectionIsRefusedWhereItIsInstalled() {
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
        assumeTrue(Files.isReadable(noto), "skipped: " + noto + " is absent (Debian's fonts-noto-cjk)");
        UnusableFontException e = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options(noto.toString(), null)));
        assertTrue(e.getMessage().contains("its outlines are CFF"), e.getMessage());
    }

    @Test
    void aFaceWithoutOutlinesOrNotAFontIsRefused() throws Exception {
        Path bitmaps = Files.write(dir.resolve("bitmaps.ttf"), sfnt(0x00010000, "EBDT", "EBLC", "cmap", "head", "name"));
        UnusableFontException e = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options(bitmaps.toString(), null)));
        assertTrue(e.getMessage().startsWith(bitmaps + ": it has no TrueType outlines (no glyf table"), e.getMessage());

        Path text = Files.writeString(dir.resolve("notes.ttf"), "市公安局关于开展专项行动的通知");
        e = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options(text.toString(), null)));
        assertTrue(e.getMessage().startsWith(text + ": not a font FOP can use (not a TrueType or OpenType font"), e.getMessage());

        Path absent = dir.resolve("absent.ttf");
        e = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options(null, absent.toString())));
        assertEquals(absent + ": no such font file (JIAOKAN_FONT_SANS=" + absent + ")", e.getMessage());
    }

    @Test
    void aTrueTypeFaceWithoutChineseIsRefused() {
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeTrue(Files.isReadable(dejavu), "skipped: " + dejavu + " is absent (Debian's fonts-dejavu-core)");
        UnusableFontException e = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options(dejavu.toString(), null)));
        assertTrue(e.getMessage().startsWith(dejavu + ": it has no glyph for 中: not a face for Chinese text"), e.getMessage());
    }

    @Test
    void fontconfigIsAskedWhenTheChoiceSaysSo() throws Exception {
        Path uming = pinned.serif().file();
        List<String> faces = FontChoice.collectionNames(uming);
        Path fcMatch = script("fc-match", "#!/bin/sh\n[ \"$3\" = 'serif:lang=zh-cn' ] || [ \"$3\" = 'AR PL UMing:lang=zh-tw' ] || exit 1\n"
                + "printf '%s\\n%s' '" + uming + "' 1\n");
        CjkFonts f = CjkFonts.locate(new CjkFonts.Options("fontconfig", null, fcMatch));
        assertEquals(new CjkFonts.Face(uming, faces.get(1), faces.get(1)), f.serif());
        assertEquals(faces.get(1), CjkFonts.locate(new CjkFonts.Options("fontconfig:AR PL UMing:lang=zh-tw", null, fcMatch)).serif().subFont());

        UnusableFontException e = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options(null, "fontconfig", fcMatch)));
        assertEquals(fcMatch + ": fc-match found no font for sans-serif:lang=zh-cn (JIAOKAN_FONT_SANS)", e.getMessage());

        Path none = dir.resolve("no-fc-match");
        e = assertThrows(UnusableFontException.class, () -> CjkFonts.locate(new CjkFonts.Options("fontconfig", null, none)));
        assertEquals(none + ": JIAOKAN_FONT_SERIF asks fontconfig, but fc-match cannot be run (apt-get install fontconfig, or name a font file)",
                e.getMessage());
    }

    @Test
    void theChoiceComesFromSystemPropertiesOrTheEnvironment() throws Exception {
        String before = System.getProperty("jiaokan.font.sans");
        try {
            System.setProperty("jiaokan.font.sans", " " + pinned.serif().file() + "#AR PL UMing HK ");
            CjkFonts.Options o = CjkFonts.Options.fromEnvironment();
            assertEquals(pinned.serif().file() + "#AR PL UMing HK", o.sans());
            assertEquals("AR PL UMing HK", CjkFonts.configured().sans().subFont());
            System.setProperty("jiaokan.font.sans", "  ");
            assertEquals(null, CjkFonts.Options.fromEnvironment().sans(), "blank is no choice");
        } finally {
            if (before == null) System.clearProperty("jiaokan.font.sans");
            else System.setProperty("jiaokan.font.sans", before);
        }
    }

    @Test
    void thePinnedFacesAreFoundInTheCacheTheLauncherFills() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path expected = xdg != null && xdg.startsWith("/") ? Path.of(xdg, "jiaokan", "fonts")
                : Path.of(System.getProperty("user.home"), ".cache", "jiaokan", "fonts");
        assertEquals(expected, CjkFonts.cache());
        List<Path> roots = CjkFonts.roots();
        assertEquals(Path.of("/"), roots.get(roots.size() - 1));
        assertEquals(expected, roots.get(roots.size() - 2));
    }

    private Path script(String name, String body) throws IOException {
        Path p = Files.writeString(dir.resolve(name), body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** The start of an sfnt file: its version and a table directory naming the tables (with no table data). */
    private static byte[] sfnt(int version, String... tables) {
        ByteBuffer b = ByteBuffer.allocate(12 + 16 * tables.length);
        b.putInt(version).putShort((short) tables.length).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        for (String t : tables) b.put(t.getBytes(StandardCharsets.ISO_8859_1)).putInt(0).putInt(0).putInt(0);
        return b.array();
    }
}
