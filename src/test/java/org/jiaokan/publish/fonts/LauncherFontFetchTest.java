package org.jiaokan.publish.fonts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's font fetch ({@code ./jiaokan --fetch-fonts}, and the same function before build and publish)
 * run against small packages built here with {@code dpkg-deb -b}: the launcher is pointed at them with
 * {@code JIAOKAN_FONT_DEB_UMING} / {@code JIAOKAN_FONT_DEB_ZENHEI} ("URL SHA256"), its cache with
 * {@code XDG_CACHE_HOME}, and the system fonts it looks for with {@code JIAOKAN_FONT_SYSTEM_ROOT}.
 */
class LauncherFontFetchTest {
    static final Path LAUNCHER = Path.of("jiaokan").toAbsolutePath();
    static final String SERIF = "usr/share/fonts/truetype/arphic/uming.ttc";
    static final String SANS = "usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
    static final String OTHER_SERIF = "usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    static final String OTHER_SANS = "usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final List<String> ALL = List.of(SERIF, SANS, OTHER_SERIF, OTHER_SANS);
    static final String HINT = "apt-get install fonts-arphic-uming fonts-wqy-zenhei fonts-dejavu-core";

    @TempDir
    static Path packages;
    static Path uming, zenhei, dejavu;
    static String umingSha, zenheiSha, dejavuSha;

    @TempDir
    Path work;

    @BeforeAll
    static void buildPackages() throws Exception {
        assumeTrue(onPath("dpkg-deb") != null, "skipped: dpkg-deb is absent, so no test package can be built");
        assumeTrue(onPath("bash") != null && onPath("sha256sum") != null, "skipped: bash or sha256sum is absent");
        uming = fakePackage("fonts-arphic-uming", "0.2.20080216.2-11", SERIF, "invented serif face 明体");
        zenhei = fakePackage("fonts-wqy-zenhei", "0.9.45-8", SANS, "invented sans face 黑体");
        dejavu = fakePackage("fonts-dejavu-core", "2.37-6", Map.of(OTHER_SERIF, "invented face for other scripts, serif",
                OTHER_SANS, "invented face for other scripts, sans"));
        umingSha = sha256(uming);
        zenheiSha = sha256(zenhei);
        dejavuSha = sha256(dejavu);
    }

    private static Path fakePackage(String name, String version, String font, String content) throws Exception {
        return fakePackage(name, version, Map.of(font, content));
    }

    private static Path fakePackage(String name, String version, Map<String, String> fonts) throws Exception {
        Path root = packages.resolve(name);
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.writeString(root.resolve("DEBIAN/control"), "Package: " + name + "\nVersion: " + version
                + "\nArchitecture: all\nMaintainer: Jiaokan tests <tests@example.org>\nDescription: a test package\n");
        for (Map.Entry<String, String> font : fonts.entrySet()) {
            Files.createDirectories(root.resolve(font.getKey()).getParent());
            Files.writeString(root.resolve(font.getKey()), font.getValue());
        }
        Files.createDirectories(root.resolve("usr/share/doc/" + name));
        Files.writeString(root.resolve("usr/share/doc/" + name + "/copyright"), "test licence of " + name + "\n");
        Path deb = packages.resolve(name + "_" + version + "_all.deb");
        Result r = exec(Map.of("PATH", System.getenv("PATH")), "dpkg-deb", "-Zgzip", "--root-owner-group", "-b", root.toString(), deb.toString());
        if (r.exit != 0) r = exec(Map.of("PATH", System.getenv("PATH")), "dpkg-deb", "-Zgzip", "-b", root.toString(), deb.toString());
        assertEquals(0, r.exit, r.err);
        return deb;
    }

    record Result(int exit, String out, String err) {
        List<String> errLines() { return err.lines().toList(); }
    }

    /** The environment of one run: nothing of the machine's but PATH, and the fake packages. */
    private Map<String, String> env() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        env.put("XDG_CACHE_HOME", work.resolve("cache").toString());
        env.put("JIAOKAN_FONT_SYSTEM_ROOT", Files.createDirectories(work.resolve("system")).toString());
        env.put("JIAOKAN_FONT_DEB_UMING", uming.toUri() + " " + umingSha);
        env.put("JIAOKAN_FONT_DEB_ZENHEI", zenhei.toUri() + " " + zenheiSha);
        env.put("JIAOKAN_FONT_DEB_DEJAVU", dejavu.toUri() + " " + dejavuSha);
        return env;
    }

    private Path cache() {
        return work.resolve("cache/jiaokan/fonts");
    }

    private static Result fetch(Map<String, String> env) throws Exception {
        return exec(env, "bash", LAUNCHER.toString(), "--fetch-fonts");
    }

    @Test
    void fetchesUnpacksAndInstallsTheFontsInTheCacheWithOneLine() throws Exception {
        Result r = fetch(env());
        assertEquals(0, r.exit, r.err);
        assertEquals(List.of("jiaokan: fetching fonts (fonts-arphic-uming, fonts-wqy-zenhei, fonts-dejavu-core) into " + cache() + " ..."), r.errLines());
        assertEquals("", r.out);
        assertEquals("invented serif face 明体", Files.readString(cache().resolve(SERIF)));
        assertEquals("invented sans face 黑体", Files.readString(cache().resolve(SANS)));
        assertEquals("invented face for other scripts, serif", Files.readString(cache().resolve(OTHER_SERIF)));
        assertEquals("invented face for other scripts, sans", Files.readString(cache().resolve(OTHER_SANS)));
        assertTrue(Files.isRegularFile(cache().resolve("usr/share/doc/fonts-wqy-zenhei/copyright")), "the licence travels with the font");
        assertTrue(Files.isRegularFile(cache().resolve("usr/share/doc/fonts-dejavu-core/copyright")));
        assertEquals(List.of("fonts"), names(cache().getParent()), "no temporary folder is left beside the cache");
    }

    @Test
    void aSecondRunFindsTheCacheAndDoesNothing() throws Exception {
        Map<String, String> env = env();
        assertEquals(0, fetch(env).exit);
        long modified = Files.getLastModifiedTime(cache().resolve(SERIF)).toMillis();
        Object inode = Files.getAttribute(cache(), "unix:ino");
        env.put("JIAOKAN_FONT_DEB_UMING", "file:///nonexistent/uming.deb " + umingSha);
        Result second = fetch(env);
        assertEquals(0, second.exit, second.err);
        assertEquals("", second.err, "nothing fetched, nothing said");
        assertEquals(inode, Files.getAttribute(cache(), "unix:ino"));
        assertEquals(modified, Files.getLastModifiedTime(cache().resolve(SERIF)).toMillis());
    }

    @Test
    void thePinnedFontsOnTheSystemOrAnyBelowJiaokanFontsAreNotFetched() throws Exception {
        Map<String, String> env = env();
        String x = sha256(Files.writeString(work.resolve("x"), "x"));
        env.put("JIAOKAN_FONT_DEB_UMING", "file:///nonexistent/uming.deb " + umingSha + " " + x);
        env.put("JIAOKAN_FONT_DEB_ZENHEI", zenhei.toUri() + " " + zenheiSha + " " + x);
        env.put("JIAOKAN_FONT_DEB_DEJAVU", dejavu.toUri() + " " + dejavuSha + " " + x + "," + x);
        Path system = Path.of(env.get("JIAOKAN_FONT_SYSTEM_ROOT"));
        for (String f : ALL) {
            Files.createDirectories(system.resolve(f).getParent());
            Files.writeString(system.resolve(f), "x");
        }
        Result r = fetch(env);
        assertEquals(0, r.exit, r.err);
        assertEquals("", r.err);
        assertFalse(Files.exists(cache()));

        Files.delete(system.resolve(SANS));
        env.put("JIAOKAN_FONTS", system.toString());
        assertEquals(1, fetch(env).exit, "one face alone is not enough");
        Files.writeString(system.resolve(SANS), "x");
        assertEquals(0, fetch(env).exit);
    }

    @Test
    void otherVersionsOnTheSystemAreReplacedByThePinnedOnesInTheCache() throws Exception {
        Map<String, String> env = env();
        Path system = Path.of(env.get("JIAOKAN_FONT_SYSTEM_ROOT"));
        for (String f : ALL) {
            Files.createDirectories(system.resolve(f).getParent());
            Files.writeString(system.resolve(f), "another release's face");
        }
        env.put("JIAOKAN_FONT_DEB_UMING", uming.toUri() + " " + umingSha + " " + sha256(uming));
        Result r = fetch(env);
        assertEquals(0, r.exit, r.err);
        assertEquals(1, r.errLines().size(), r.err);
        assertEquals("invented serif face 明体", Files.readString(cache().resolve(SERIF)));

        Files.walk(cache().getParent()).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        env.put("JIAOKAN_FONT_DEB_UMING", "file:///nonexistent/uming.deb " + umingSha);
        Result offline = fetch(env);
        assertEquals(1, offline.exit);
        assertTrue(offline.errLines().get(1).endsWith("(cannot read file:///nonexistent/uming.deb): the system's fonts-arphic-uming, "
                + "fonts-wqy-zenhei, fonts-dejavu-core, other versions than the pinned ones, are used, so the PDFs may differ from other machines'"), offline.err);
    }

    @Test
    void aChecksumMismatchIsRefusedAndNothingIsInstalled() throws Exception {
        Map<String, String> env = env();
        String wrong = "0".repeat(64);
        env.put("JIAOKAN_FONT_DEB_ZENHEI", zenhei.toUri() + " " + wrong);
        Result r = fetch(env);
        assertEquals(1, r.exit);
        assertEquals(2, r.errLines().size(), r.err);
        String line = r.errLines().get(1);
        assertTrue(line.startsWith("jiaokan: error: cannot fetch the fonts of the PDF edition (" + zenhei.toUri() + " has SHA-256 "
                + zenheiSha + ", not the pinned " + wrong + ": refused)"), line);
        assertTrue(line.contains(HINT) && line.contains("JIAOKAN_FONTS"), line);
        assertFalse(Files.exists(cache()), "the first package was good, but nothing is installed: all or nothing");
        assertEquals(List.of(), names(cache().getParent()), "no temporary folder is left");
    }

    @Test
    void anUnreachableSourceGivesOneLineAndStatusOne() throws Exception {
        Map<String, String> env = env();
        env.put("JIAOKAN_FONT_DEB_UMING", "file:///nonexistent/fonts-arphic-uming.deb " + umingSha);
        Result r = fetch(env);
        assertEquals(1, r.exit);
        assertEquals("jiaokan: error: cannot fetch the fonts of the PDF edition (cannot read file:///nonexistent/fonts-arphic-uming.deb): "
                + "install them with '" + HINT + "', or set JIAOKAN_FONTS to a folder holding " + SERIF + ", " + SANS + ", " + OTHER_SERIF
                + " and " + OTHER_SANS, r.errLines().get(1));
        assertEquals(2, r.errLines().size());
        assertFalse(Files.exists(cache()));

        if (onPath("curl") != null) {
            env.put("JIAOKAN_FONT_DEB_UMING", "http://127.0.0.1:9/fonts-arphic-uming.deb " + umingSha);
            Result http = fetch(env);
            assertEquals(1, http.exit);
            assertTrue(http.errLines().get(1).startsWith("jiaokan: error: cannot fetch the fonts of the PDF edition (cannot download "
                    + "http://127.0.0.1:9/fonts-arphic-uming.deb): install them with '" + HINT + "'"), http.err);
        }
    }

    @Test
    void withoutADownloadToolTheLineSaysWhatToInstall() throws Exception {
        Map<String, String> env = env();
        env.put("PATH", pathWithout(Set.of("curl", "wget", "java", "apt-get")).toString());
        env.put("JIAOKAN_FONT_DEB_UMING", "http://127.0.0.1:9/fonts-arphic-uming.deb " + umingSha);
        Result r = fetch(env);
        assertEquals(1, r.exit);
        assertTrue(r.errLines().get(1).contains("(neither curl, wget nor java is installed to download http://127.0.0.1:9/fonts-arphic-uming.deb)")
                && r.errLines().get(1).contains(HINT), r.err);
    }

    @Test
    void overHttpWithCurlOrWithJavaAlone() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path deb = packages.resolve(exchange.getRequestURI().getPath().substring(1));
            if (deb.getParent().equals(packages) && Files.isRegularFile(deb)) {
                exchange.sendResponseHeaders(200, Files.size(deb));
                try (var out = exchange.getResponseBody()) {
                    Files.copy(deb, out);
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Map<String, String> env = env();
            env.put("JIAOKAN_FONT_DEB_UMING", base + uming.getFileName() + " " + umingSha);
            env.put("JIAOKAN_FONT_DEB_ZENHEI", base + zenhei.getFileName() + " " + zenheiSha);
            env.put("JIAOKAN_FONT_DEB_DEJAVU", base + dejavu.getFileName() + " " + dejavuSha);
            if (onPath("curl") != null) {
                Result r = fetch(env);
                assertEquals(0, r.exit, r.err);
                assertEquals("invented sans face 黑体", Files.readString(cache().resolve(SANS)));
                Files.walk(cache().getParent()).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            if (onPath("java") != null) {
                env.put("PATH", pathWithout(Set.of("curl", "wget")).toString());
                Result r = fetch(env);
                assertEquals(0, r.exit, r.err);
                assertEquals("invented serif face 明体", Files.readString(cache().resolve(SERIF)));
                assertEquals("invented sans face 黑体", Files.readString(cache().resolve(SANS)));

                Files.walk(cache().getParent()).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                env.put("JIAOKAN_FONT_DEB_ZENHEI", base + "absent.deb " + zenheiSha);
                Result missing = fetch(env);
                assertEquals(1, missing.exit);
                assertTrue(missing.errLines().get(1).contains("(cannot download " + base + "absent.deb)"), missing.err);
                assertFalse(Files.exists(cache()));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void withoutDpkgDebThePackagesAreUnpackedWithArAndTar() throws Exception {
        assumeTrue(onPath("ar") != null && onPath("tar") != null, "skipped: ar or tar is absent");
        Map<String, String> env = env();
        env.put("PATH", pathWithout(Set.of("dpkg-deb")).toString());
        Result r = fetch(env);
        assertEquals(0, r.exit, r.err);
        assertEquals("invented serif face 明体", Files.readString(cache().resolve(SERIF)));
        assertEquals("invented sans face 黑体", Files.readString(cache().resolve(SANS)));
    }

    @Test
    void anIncompleteCacheIsReplacedWhole() throws Exception {
        Files.createDirectories(cache().resolve(SERIF).getParent());
        Files.writeString(cache().resolve(SERIF), "left half-way");
        Result r = fetch(env());
        assertEquals(0, r.exit, r.err);
        assertEquals("invented serif face 明体", Files.readString(cache().resolve(SERIF)));
        assertTrue(Files.isRegularFile(cache().resolve(SANS)));
        assertEquals(List.of("fonts"), names(cache().getParent()));
    }

    @Test
    void beforeACommandAFailedFetchWarnsAndTheCommandGoesOn() throws Exception {
        Map<String, String> env = env();
        env.put("JIAOKAN_FONT_DEB_UMING", "file:///nonexistent/uming.deb " + umingSha);
        // The launcher's own sequence before `exec java`, with the jar left out.
        Result r = exec(env, "bash", "-c", "l=\"$1\"; shift; source \"$l\"; if needs_fonts \"$@\"; then fetch_fonts || true; fi; echo the command runs",
                "bash", LAUNCHER.toString(), "build");
        assertEquals(0, r.exit, r.err);
        assertEquals("the command runs\n", r.out);
        assertEquals(2, r.errLines().size(), r.err);
        assertTrue(r.errLines().get(1).startsWith("jiaokan: warning: cannot fetch the fonts of the PDF edition (cannot read"), r.err);
    }

    @Test
    void onlyCommandsThatWriteThePrintEditionFetch() throws Exception {
        Map<String, Boolean> cases = new LinkedHashMap<>();
        cases.put("build", true);
        cases.put("build -o out tei", true);
        cases.put("publish -o out tei", true);
        cases.put("publish --formats html,pdf tei", true);
        cases.put("publish --formats=pdf tei", true);
        cases.put("bench pdf", true);
        cases.put("package tei", true);
        cases.put("build --no-site", false);
        cases.put("build --help", false);
        cases.put("publish --formats html tei", false);
        cases.put("--help", false);
        cases.put("--version", false);
        cases.put("convert a.txt", false);
        cases.put("validate a.xml", false);
        cases.put("bench ner", false);
        cases.put("serve", false);
        cases.put("help build", false);
        StringBuilder script = new StringBuilder("source \"$1\"; ");
        for (String c : cases.keySet()) script.append("if needs_fonts ").append(c).append("; then echo yes; else echo no; fi; ");
        Result r = exec(env(), "bash", "-c", script.toString(), "bash", LAUNCHER.toString());
        assertEquals(0, r.exit, r.err);
        List<String> answers = r.out.lines().toList();
        int i = 0;
        for (Map.Entry<String, Boolean> c : cases.entrySet()) {
            assertEquals(c.getValue() ? "yes" : "no", answers.get(i++), c.getKey());
        }
    }

    /** A folder of links to every program on the PATH but the ones named. */
    private Path pathWithout(Set<String> absent) throws IOException {
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String dir : System.getenv("PATH").split(":")) {
            Path d = Path.of(dir.isEmpty() ? "." : dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                for (Path p : s.toList()) {
                    String n = p.getFileName().toString();
                    if (absent.contains(n) || Files.exists(bin.resolve(n), java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
                    if (Files.isExecutable(p) && !Files.isDirectory(p)) Files.createSymbolicLink(bin.resolve(n), p.toAbsolutePath());
                }
            }
        }
        return bin;
    }

    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Result exec(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile("jiaokan-launcher", ".out"), err = Files.createTempFile("jiaokan-launcher", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("no answer in 120 s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
