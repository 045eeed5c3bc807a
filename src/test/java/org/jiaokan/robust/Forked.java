package org.jiaokan.robust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The command line in a JVM of its own: for kills, locales and time zones that one JVM cannot change for itself. */
final class Forked {
    private Forked() {}

    /** Starts {@code java [jvmArgs] -cp CLASSPATH org.jiaokan.cli.Main args}, its output to {@code log}. */
    static Process start(List<String> jvmArgs, Map<String, String> env, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.jiaokan.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** An edition folder with {@code n} sources of invented notices and speeches in both scripts. */
    static Path edition(Path dir, int n) throws IOException {
        Files.createDirectories(dir.resolve("sources"));
        Files.copy(Path.of("tei", "edition.xml"), dir.resolve("edition.xml"));
        String[] places = {"江北区", "南山县", "东湖市", "西岭镇"};
        for (int i = 0; i < n; i++) {
            String place = places[i % places.length];
            String text = i % 3 == 2
                    ? "在" + place + "全體民警大會上的講話\n同志們：\n今天我們召開大會，總結第" + (i + 1) + "季度工作。王建國同志主持會議。\n二零二一年三月" + (i % 28 + 1) + "日\n"
                    : "关于做好" + place + "第" + (i + 1) + "期安全检查工作的通知\n各派出所：\n请于2021年4月" + (i % 28 + 1)
                      + "日前完成自查，由李明同志汇总上报" + place + "公安分局。\n" + place + "公安分局\n2021年3月" + (i % 28 + 1) + "日\n";
            Files.writeString(dir.resolve("sources").resolve(String.format("n%02d.txt", i)), text);
        }
        return dir;
    }

    /** The bytes of every regular file under {@code dir}, by its path below it. */
    static Map<String, byte[]> contents(Path dir) throws IOException {
        Map<String, byte[]> m = new java.util.TreeMap<>();
        for (Path f : files(dir)) m.put(dir.relativize(f).toString(), Files.readAllBytes(f));
        return m;
    }

    /** Every regular file under {@code dir}, sorted. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
