package org.jiaokan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conversion on several threads writes exactly what it writes on one: the same TEI files, registers and
 * messages in the same order, including a bad input among good ones and names found in one document
 * and marked in another.
 */
class ParallelConvertTest {
    @TempDir
    Path tmp;

    @Test
    void threadsDoNotChangeTheOutput() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        String[] docs = {
                "关于召开全县安全生产工作会议的通知\n各乡镇人民政府，县直各部门：\n经县人民政府研究，定于2021年4月12日召开全县安全生产工作会议，县长欧阳振华出席并讲话。\n",
                "县公安局部署夏季治安打击整治行动\n6月3日，县公安局召开专题会议，局党委书记、局长司马文斌主持会议。\n会议强调，要坚持以人民为中心的发展思想，切实维护社会大局稳定。欧阳振华到会指导。\n",
                "市應急管理局召開防汛工作會議\n2020年7月8日，市應急管理局召開全市防汛工作會議，副市長歐陽振華出席會議並講話。\n會議要求，各地要壓實責任，確保安全度汛。\n",
                "網信辦開展網絡生態治理專項行動\n為營造清朗網絡空間，市委網信辦自即日起開展為期三個月的專項行動。司馬文斌表示，將依法關閉違規賬號。\n",
                "公安机关开展反诈宣传进社区活动\n近日，城关派出所民警走进社区，向群众讲解防范电信网络诈骗知识，发放宣传资料三千余份。\n",
        };
        for (int i = 0; i < docs.length; i++) Files.writeString(in.resolve("doc" + i + ".txt"), docs[i]);
        Files.write(in.resolve("empty.txt"), new byte[0]);
        List<String> inputs;
        try (Stream<Path> s = Files.list(in)) {
            inputs = s.map(Path::toString).sorted().toList();
        }
        CliRun one = convert(inputs, tmp.resolve("one"), "1");
        CliRun three = convert(inputs, tmp.resolve("three"), "3");
        assertEquals(1, one.exit(), one.err());
        assertEquals(one.exit(), three.exit());
        assertEquals(one.err().replace(tmp.resolve("one").toString(), "OUT"), three.err().replace(tmp.resolve("three").toString(), "OUT"));
        Map<String, String> a = files(tmp.resolve("one"));
        Map<String, String> b = files(tmp.resolve("three"));
        assertEquals(a.keySet(), b.keySet());
        assertTrue(a.containsKey("registers.xml") && a.containsKey("doc4.xml"), a.keySet().toString());
        for (String name : a.keySet()) assertEquals(a.get(name), b.get(name), name);
    }

    private static CliRun convert(List<String> inputs, Path out, String threads) {
        String before = System.getProperty("jiaokan.threads");
        System.setProperty("jiaokan.threads", threads);
        try {
            String[] args = Stream.concat(Stream.of("convert", "-q", "-o", out.toString()), inputs.stream()).toArray(String[]::new);
            return CliRun.of(args);
        } finally {
            if (before == null) System.clearProperty("jiaokan.threads");
            else System.setProperty("jiaokan.threads", before);
        }
    }

    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readString(p));
        }
        return out;
    }
}
