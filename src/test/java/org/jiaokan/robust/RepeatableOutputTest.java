package org.jiaokan.robust;

import org.jiaokan.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two runs over the same odd inputs, into fresh folders, write the same bytes. */
class RepeatableOutputTest {
    @TempDir
    Path tmp;

    @Test
    void twoRunsOnTheSameInputsGiveByteIdenticalFiles() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<String> args = new ArrayList<>(List.of("convert", "-q", "-o", ""));
        args.add(Files.writeString(in.resolve("crlf.txt"), "关于安全工作的通知\r\n北京市公安局：\r\n2月30日张三同志讲话。\r\n").toString());
        args.add(Files.writeString(in.resolve("jammer.txt"), "标题\n! y1 { b% b4 U: e5 n3 L\n稳(wěn)定\n***\n").toString());
        args.add(Files.writeString(in.resolve("emoji.txt"), "𠮷野家😀\u0301\u001b\n").toString());
        args.add(Files.writeString(in.resolve("page.html"), "<html><body><nav>首页 &gt; 新闻</nav><pre>一\n二</pre>"
                + "<div><div><p>李四在上海市发表讲话。</p></div></div></body></html>").toString());
        args.add(Files.write(in.resolve("doc.docx"), OddDocxInputsTest.docx(
                "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>王五</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", null)).toString());
        args.add(Files.writeString(in.resolve(".hidden name#1%.txt"), "文件名。\n", StandardCharsets.UTF_8).toString());

        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        args.set(3, first.toString());
        CliRun a = CliRun.of(args.toArray(String[]::new));
        args.set(3, second.toString());
        CliRun b = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        List<Path> files = files(first);
        assertEquals(files.stream().map(first::relativize).toList(), files(second).stream().map(second::relativize).toList());
        assertEquals(8, files.stream().filter(p -> p.getParent().equals(first)).count(), "six documents, registers, sources/");
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(second.resolve(first.relativize(f))), f.toString());
            }
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }
}
