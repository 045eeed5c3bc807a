package org.jiaokan.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's class archive: the first successful build or publish of a jar leaves the JVM's archive of the classes
 * it loaded beside the jar, the later runs map it, and none of this shows in what a run prints; a run that fails leaves
 * none, and {@code JIAOKAN_CDS=off} makes none. The launcher runs here a jar of the compiled classes and the
 * dependencies (the JVM archives classes from jars only), made in a folder of its own beside a copy of the launcher.
 */
class LauncherClassArchiveTest {
    static final Path LAUNCHER = Path.of("jiaokan").toAbsolutePath();
    static final Path TEI = Path.of("tei", "docs").toAbsolutePath();

    @TempDir
    static Path jars;
    static Path classesJar;
    static List<Path> dependencies = new ArrayList<>();

    @TempDir
    Path work;

    @BeforeAll
    static void jarTheClasses() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "skipped: no bash");
        Path classes = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            if (p.toString().endsWith(".jar")) dependencies.add(p);
            else if (p.endsWith(Path.of("target", "classes"))) classes = p;
        }
        assumeTrue(classes != null, "skipped: target/classes is not on the class path");
        classesJar = jars.resolve("classes.jar");
        Path root = classes;
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(classesJar)); Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (!Files.isRegularFile(f)) continue;
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** A copy of the launcher with {@code target/jiaokan.jar} beside it: a manifest naming the main class and the jars. */
    private Path launcher(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("target"));
        Path copy = dir.resolve("jiaokan");
        Files.copy(LAUNCHER, copy);
        copy.toFile().setExecutable(true);
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.jiaokan.cli.Main");
        StringBuilder cp = new StringBuilder(classesJar.toUri().toString());
        for (Path d : dependencies) cp.append(' ').append(d.toUri());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp.toString());
        try (OutputStream o = new JarOutputStream(Files.newOutputStream(dir.resolve("target/jiaokan.jar")), m)) {
            o.flush();
        }
        return copy;
    }

    record Run(int exit, String out, String err) {
        /** What the run printed, its speed left out (it differs from run to run). */
        String printed() {
            return (out + err).replaceAll("\\([0-9.]+ pages/s\\)", "(… pages/s)");
        }
    }

    private Run run(Path launcher, Map<String, String> extra, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        env.put("XDG_CACHE_HOME", work.resolve("cache").toString());
        env.put("JIAOKAN_JAVA_OPTS", "-Xmx1g");
        env.putAll(extra);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launcher ended");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<Path> archives(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("target"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(".jiaokan-classes")).sorted().toList();
        }
    }

    private String[] publish(String site) {
        return new String[]{"publish", "--formats", "html", "-o", work.resolve(site).toString(), TEI.toString()};
    }

    @Test
    void theFirstPublishLeavesTheArchiveAndTheNextMapsIt() throws Exception {
        Path launcher = launcher(work.resolve("a"));
        Run first = run(launcher, Map.of(), publish("site1"));
        assertEquals(0, first.exit(), first.printed());
        List<Path> archives = archives(work.resolve("a"));
        assertEquals(1, archives.size(), "one archive and no file of the JVM's left: " + archives);
        assertTrue(archives.get(0).getFileName().toString().matches("\\.jiaokan-classes-[0-9.]+-[0-9.]+\\.jsa"), archives.toString());
        assertTrue(Files.size(archives.get(0)) > 1_000_000, "classes were archived: " + Files.size(archives.get(0)));
        assertFalse(first.printed().toLowerCase().contains("cds") || first.printed().contains("[warning]"), first.printed());
        FileTime made = Files.getLastModifiedTime(archives.get(0));

        Path loaded = work.resolve("loaded.txt");
        Run second = run(launcher, Map.of("JIAOKAN_JAVA_OPTS", "-Xmx1g -Xlog:class+load=info:file=" + loaded), publish("site2"));
        assertEquals(0, second.exit(), second.printed());
        assertEquals(first.printed().replace("site1", "site2"), second.printed(), "the same lines");
        assertTrue(Files.readString(loaded).contains("source: shared objects file (top)"), "classes mapped from the archive");
        assertEquals(archives, archives(work.resolve("a")));
        assertEquals(made, Files.getLastModifiedTime(archives.get(0)), "the archive is not written again");
    }

    @Test
    void aFailedRunLeavesNoArchiveAndTheSwitchTurnsItOff() throws Exception {
        Path launcher = launcher(work.resolve("b"));
        Run failed = run(launcher, Map.of(), "publish", "--formats", "html", "-o", work.resolve("site").toString(),
                work.resolve("absent.xml").toString());
        assertTrue(failed.exit() != 0, failed.printed());
        assertEquals(List.of(), archives(work.resolve("b")), "no archive of a run that failed, and no file of the JVM's left");

        Run off = run(launcher, Map.of("JIAOKAN_CDS", "off"), publish("site3"));
        assertEquals(0, off.exit(), off.printed());
        assertEquals(List.of(), archives(work.resolve("b")));

        Map<String, String> own = new HashMap<>();
        own.put("JIAOKAN_JAVA_OPTS", "-Xmx1g -Xshare:off");
        Run shareOff = run(launcher, own, publish("site4"));
        assertEquals(0, shareOff.exit(), shareOff.printed());
        assertEquals(List.of(), archives(work.resolve("b")), "-Xshare in JIAOKAN_JAVA_OPTS: left to the JVM");
    }
}
