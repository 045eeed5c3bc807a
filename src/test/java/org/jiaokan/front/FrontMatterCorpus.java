package org.jiaokan.front;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Invented documents with the front matter of speeches, reports and official documents laid out as
 * GB/T 9704-2012 has them, and a web page with its credits, in both scripts and in every container.
 */
final class FrontMatterCorpus {
    private FrontMatterCorpus() {}

    /** A speech in traditional script, Big5: parenthesised date line, office and name, traditional salutation. */
    static final String SPEECH_BIG5 = String.join("\n",
            "在全縣治安工作會議上的講話",
            "（2016年3月9日）",
            "縣公安局局長　王建國",
            "同志們：",
            "今天，我們召開全縣治安工作會議，主要任務是總結去年的工作，部署今年的任務。",
            "一、去年工作的回顧",
            "去年，全縣公安機關圍繞中心工作，嚴厲打擊各類違法犯罪，群眾安全感進一步提升。",
            "二、今年的主要任務",
            "今年要繼續推進社區警務，把警力沉到基層，把工作做到群眾心坎上。",
            "謝謝大家。", "");

    /** A speech in simplified script, GBK: Chinese-numeral date line, a withheld speaker name. */
    static final String SPEECH_GBK = String.join("\n",
            "在全市禁毒工作推进会上的讲话",
            "二〇一九年五月三十日",
            "×××",
            "各位领导、同志们：",
            "这次会议的主要任务是总结前一阶段禁毒工作，安排部署下一阶段重点任务。",
            "各地要把禁毒宣传摆在突出位置，6月26日前要完成校园宣传全覆盖。",
            "谢谢大家。", "");

    /** The same kind of speech in traditional script, Big5, with a role and a withheld name and a Chinese-numeral date. */
    static final String SPEECH_WITHHELD_BIG5 = String.join("\n",
            "在全市消防安全工作會議上的講話",
            "（二○一八年十一月九日）",
            "市政府副市長　×××",
            "各位領導、同志們：",
            "今年以來，全市消防安全形勢總體平穩，但隱患依然不少，大家絕不能掉以輕心。",
            "謝謝大家。", "");

    /** An official notice in simplified script, GBK, with every part GB/T 9704 lays out. */
    static final String NOTICE_GBK = String.join("\n",
            "江州市公安局文件",
            "江公通字〔2019〕12号　　　　签发人：张德明",
            "关于开展夏季治安整治行动的通知",
            "各省、自治区、直辖市公安厅(局)：",
            "为切实维护夏季社会治安秩序，市局决定在全市范围内开展夏季治安整治行动，现将有关事项通知如下。",
            "一、工作目标",
            "以打击突出违法犯罪为重点，确保全市治安形势平稳。",
            "二、工作要求",
            "各单位要高度重视，精心组织，确保整治行动取得实效。",
            "附件：1.夏季治安整治行动工作方案",
            "江州市公安局",
            "2019年6月12日",
            "抄送：市委政法委，市人民政府办公室。",
            "江州市公安局办公室　　　　2019年6月13日印发", "");

    /** The same notice laid out in traditional script, Big5, with a Chinese-numeral date of issue. */
    static final String NOTICE_BIG5 = String.join("\n",
            "江州市公安局文件",
            "江公通字〔2020〕7號",
            "簽發人：陳立群",
            "關於加強節日期間安全防範工作的通知",
            "各分局、各派出所，市局各部門：",
            "元旦、春節將至，為確保節日期間社會治安穩定，現就有關事項通知如下。",
            "各單位要加強巡邏防控，嚴防發生重大案件和安全事故。",
            "附件：節日期間值班安排表",
            "江州市公安局",
            "二○二○年一月六日",
            "抄送：市委辦公室，市政府辦公室。",
            "江州市公安局辦公室　　　　二○二○年一月七日印發", "");

    /** A news item with a month and day only; the year comes from the only year the text mentions. */
    static final String NEWS_GBK = String.join("\n",
            "江州警方开展防范电信诈骗宣传",
            "5月30日，江州市公安局在人民广场开展防范电信诈骗集中宣传活动。",
            "民警向群众发放宣传资料，讲解常见诈骗手法。2019年以来，全市电信诈骗发案数明显下降。",
            "活动当天共发放宣传资料三千余份。", "");

    static final String DOCX_TITLE = "关于2019年度全市治安工作情况的报告";
    static final String DOCX_DATE = "（2020年1月15日）";
    static final String DOCX_SPEAKER = "市公安局局长　李明华";

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>江州开展防汛应急演练_江州新闻网</title>
            <link rel="canonical" href="https://news.example.cn/2020/03/25/c_1234.htm">
            <meta property="og:url" content="https://news.example.cn/2020/03/25/c_1234.htm?from=og">
            <meta property="og:site_name" content="江州新闻网">
            </head><body>
            <div class="article">
            <h1>江州开展防汛应急演练</h1>
            <div class="info">来源：江州日报　作者：本报记者 周海涛　时间：2020-03-25 18:08:57</div>
            <p>3月25日，江州市在城东水库开展防汛应急演练，公安、水利、消防等部门参加。</p>
            <p>演练模拟了水库水位快速上涨的险情，各部门按照预案迅速转移群众、抢修堤坝。</p>
            <p>此次演练检验了各部门的协同处置能力，为今年汛期做好了准备。</p>
            </div></body></html>
            """;

    static Path writeText(Path dir, String name, String text, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, encode(text, cs));
        return p;
    }

    static Path writeHtml(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, HTML, StandardCharsets.UTF_8);
        return p;
    }

    /** A report made with Apache POI: a Title-styled title, then the date line and the speaker as plain paragraphs. */
    static Path writeDocx(Path dir, String name) throws IOException {
        Path p = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream os = Files.newOutputStream(p)) {
            styled(doc, "Title", DOCX_TITLE);
            styled(doc, null, DOCX_DATE);
            styled(doc, null, DOCX_SPEAKER);
            styled(doc, null, "同志们：");
            styled(doc, null, "现将2019年度全市治安工作情况报告如下，请予审议。");
            styled(doc, null, "一年来，全市公安机关坚持以人民为中心，各项工作取得新进展。");
            doc.write(os);
        }
        return p;
    }

    private static XWPFParagraph styled(XWPFDocument doc, String style, String text) {
        XWPFParagraph para = doc.createParagraph();
        if (style != null) para.setStyle(style);
        para.createRun().setText(text);
        return para;
    }

    /** Strict encoding: a character the target encoding lacks is a broken fixture, not a "?" in the file. */
    static byte[] encode(String text, Charset charset) {
        try {
            ByteBuffer b = charset.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(b.array(), b.position(), b.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("fixture not encodable in " + charset + ": " + e, e);
        }
    }
}
