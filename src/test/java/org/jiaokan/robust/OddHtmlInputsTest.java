package org.jiaokan.robust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTML pages of unusual shape convert into valid TEI that keeps their visible text, or fail with one
 * line: no page can crash the reader.
 */
class OddHtmlInputsTest {
    @TempDir
    Path tmp;

    /** A page, and a text its TEI's diplomatic reading must contain. */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("no-body", "<html><head><title>只有标题</title></head></html>", "只有标题"),
                Arguments.of("nested-tables", "<html><body><table><tr><td><table><tr><td>内层一</td><td><table><tr><td>最内"
                        + "</td></tr></table></td></tr></table></td><td>外层</td></tr></table></body></html>", "最内"),
                Arguments.of("pre", "<!DOCTYPE html><html><body><pre>第一行\n  缩进的第二行\n\n\t第四行 &lt;tag&gt;</pre></body></html>",
                        "第四行<tag>"),
                Arguments.of("br-soup", "<html><body>一<br>二<br/><br/><br>三<b>四<br>五</b><i><br></i>六<br></body></html>", "六"),
                Arguments.of("noscript", "<html><body><noscript>请启用脚本</noscript><script>var a=\"中文\";</script>"
                        + "<p>正文内容在这里。</p></body></html>", "正文内容在这里。"),
                Arguments.of("chinese-comments", "<html><body><!-- 这是注释，含中文 --><p>正文<!-- 行内注释 -->内容</p>"
                        + "<!-- 未闭合的注释 </body></html>", "正文内容"),
                Arguments.of("xhtml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
                        + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                        + "<head><title>XHTML页面</title></head><body><p>正文第一段。</p></body></html>", "正文第一段。"),
                Arguments.of("navigation-only", "<html><body><nav><a href=\"/\">首页</a><a href=\"/n\">新闻</a></nav></body></html>", "首页"),
                Arguments.of("control-characters", "<html><body><p>控制&#1;&#27;字符\u0001\u001b&#xD800;&#x1F600;</p></body></html>", "字符"),
                Arguments.of("deeply-nested-divs", "<html><body>" + "<div>".repeat(20_000) + "深处的正文" + "</div>".repeat(20_000)
                        + "</body></html>", "深处的正文"),
                Arguments.of("deeply-nested-inline", "<html><body><p>" + "<b>".repeat(20_000) + "深处的正文" + "</b>".repeat(20_000)
                        + "</p></body></html>", "深处的正文"),
                Arguments.of("deeply-nested-tables", "<html><body>" + "<table><tr><td>".repeat(3_000) + "深处的正文"
                        + "</td></tr></table>".repeat(3_000) + "</body></html>", "深处的正文"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void oddPageConvertsAndKeepsItsText(String name, String html, String kept) throws Exception {
        Path in = Files.writeString(tmp.resolve(name + ".html"), html);
        Path tei = Cli.convertsCleanly(tmp.resolve("out"), in);
        Cli.losslessAgainstReader(tei, in);
        assertTrue(org.jiaokan.TestSupport.noSpace(Cli.diplomatic(tei)).contains(kept), name + " lost " + kept);
    }

    @Test
    void pageDeclaringBig5ButWrittenInGbkIsReadAsGbk() throws Exception {
        String html = "<html><head><meta charset=\"big5\"><title>公安机关</title></head><body>"
                + "<p>公安机关召开会议，部署安全工作。同志们要认真学习。</p></body></html>";
        Path in = Files.write(tmp.resolve("big5-label.html"), html.getBytes(Charset.forName("GBK")));
        Path tei = Cli.convertsCleanly(tmp.resolve("out"), in);
        assertTrue(Cli.diplomatic(tei).contains("公安机关召开会议，部署安全工作。"));
        assertTrue(Files.readString(tei).contains("declares big5"), "the header says the declaration was wrong");
    }

    @Test
    void pageWithNothingVisibleFailsInOneLine() throws Exception {
        for (String html : new String[]{"<html></html>", "<!DOCTYPE html>", "<html><body> <p> </p></body></html>",
                "<html><frameset><frame src=\"a.html\"></frameset></html>"}) {
            Path in = Files.writeString(tmp.resolve("empty.html"), html, StandardCharsets.UTF_8);
            assertEquals("no visible text in the HTML page", Cli.failsWithOneLine(tmp.resolve("out"), in), html);
        }
    }
}
