package org.jiaokan.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same edition built (TEI and site) in JVMs far apart in time zone and locale (Turkish, whose
 * dotless i breaks case conversion that ignores the locale; English in Canada) gives the same bytes.
 * The system locale is C.UTF-8 in both: under a locale whose charset is not UTF-8 (plain C) Java
 * cannot name files with Chinese characters at all, which is why the launcher switches to C.UTF-8.
 */
class LocaleReproducibilityTest {
    @TempDir
    Path tmp;

    @Test
    void buildsUnderAnyLocaleAndTimeZoneGiveTheSameBytes() throws Exception {
        String epoch = "1622678400"; // 2021-06-03: the date of conversion both runs record
        List<Object[]> runs = List.of(
                new Object[]{"kiritimati-tr", List.of("-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR"),
                        Map.of("TZ", "Pacific/Kiritimati", "LC_ALL", "C.UTF-8", "LANG", "tr_TR.UTF-8", "SOURCE_DATE_EPOCH", epoch)},
                new Object[]{"st-johns-c", List.of("-Duser.timezone=America/St_Johns", "-Duser.language=en", "-Duser.country=CA"),
                        Map.of("TZ", "America/St_Johns", "LC_ALL", "C.UTF-8", "LANG", "C", "SOURCE_DATE_EPOCH", epoch)});
        List<Process> procs = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        for (Object[] run : runs) {
            Path root = Files.createDirectories(tmp.resolve((String) run[0]));
            Path ed = Forked.edition(root.resolve("ed"), 2);
            Files.writeString(ed.resolve("sources/titles-i.txt"), "İSTANBUL ile ıIiİ 会谈纪要\nTITLE INDEX Ii\n张伟在江北区公安分局讲话。\n");
            @SuppressWarnings("unchecked")
            List<String> jvm = (List<String>) run[1];
            @SuppressWarnings("unchecked")
            Map<String, String> env = (Map<String, String>) run[2];
            procs.add(Forked.start(jvm, env, root.resolve("log.txt"), "build", "-q", "-o", root.resolve("site").toString(), ed.toString()));
            roots.add(root);
        }
        for (int i = 0; i < procs.size(); i++) {
            assertTrue(procs.get(i).waitFor(300, TimeUnit.SECONDS), "the build finished");
            assertEquals(0, procs.get(i).exitValue(), roots.get(i) + ": " + Files.readString(roots.get(i).resolve("log.txt"))
                    + Forked.files(roots.get(i)));
        }
        Path a = roots.get(0), b = roots.get(1);
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("ed/docs", "site")) files.addAll(Forked.files(a.resolve(dir)));
        files.add(a.resolve("ed/edition.xml"));
        List<Path> other = new ArrayList<>();
        for (String dir : List.of("ed/docs", "site")) other.addAll(Forked.files(b.resolve(dir)));
        other.add(b.resolve("ed/edition.xml"));
        assertEquals(files.stream().map(a::relativize).toList(), other.stream().map(b::relativize).toList(), "the same files");
        assertTrue(files.size() > 20, "docs and site pages: " + files.size());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), a.relativize(f).toString());
        }
        assertTrue(Files.readString(a.resolve("ed/docs/jk-titles-i.xml")).contains("when=\"2021-06-03\""), "the date comes from SOURCE_DATE_EPOCH");
    }
}
