package org.jiaokan.publish.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Invented TEI documents in both scripts for the search tests. */
final class SearchFixtures {
    private SearchFixtures() {}

    static String tei(String docid, String lang, String title, String date, String genre, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="%2$s">
                  <teiHeader>
                    <fileDesc>
                      <titleStmt><title type="main">%3$s</title></titleStmt>
                      <publicationStmt><publisher>test</publisher><idno type="jiaokan">%1$s</idno></publicationStmt>
                      <sourceDesc><bibl><date type="published" when="%4$s">%4$s</date></bibl></sourceDesc>
                    </fileDesc>
                    <encodingDesc><classDecl><taxonomy>
                      <category xml:id="k-jk-%5$s"><catDesc>%5$s label: what it is.</catDesc></category>
                    </taxonomy></classDecl></encodingDesc>
                    <profileDesc>
                      <langUsage><language ident="%2$s">Chinese</language></langUsage>
                      <textClass><catRef target="#k-jk-%5$s"/></textClass>
                    </profileDesc>
                  </teiHeader>
                  <text><body><div>
                %6$s
                  </div></body></text>
                </TEI>
                """.formatted(docid, lang, title, date, genre, body);
    }

    /** Writes the fixture corpus: two documents naming 叶寒冰/葉寒冰, one with the four characters apart. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        put(dir, "a.xml", tei("doc-a", "zh-Hans", "市公安局召开扫黑除恶推进会", "2021-04-02", "meeting-report", """
                <fw xml:id="a-fw" type="breadcrumb">首页 &gt; 正文 &gt; 莫须有</fw>
                <head xml:id="a-h1">市公安局召开扫黑除恶推进会</head>
                <p xml:id="a-p1"><date when="2021-04-02">4月2日</date>，<orgName ref="registers.xml#org-市公安局">市公安局</orgName>召开会议，<persName ref="registers.xml#per-叶寒冰">叶寒冰</persName>出席并讲话。</p>
                <p xml:id="a-p2">会议要求，要坚持稳<surplus reason="converter-pinyin">(wěn)</surplus>中求进，深入推进扫黑除恶专项斗争，在<placeName ref="registers.xml#pl-江城市">江城</placeName>形成震慑。</p>
                <p xml:id="a-p3">要把<choice><sic>鏁版嵁</sic><corr>数据</corr></choice>安全放在突出位置<note type="editorial" resp="#x">编者注：虚构</note>。</p>"""));
        put(dir, "b.xml", tei("doc-b", "zh-Hant", "省公安廳部署縱深推進掃黑除惡專項鬥爭", "2020-03-25", "news-report", """
                <p xml:id="b-p1">省公安廳黨委書記、廳長<persName ref="registers.xml#per-叶寒冰">葉寒冰</persName>指出，要縱深推進掃黑除惡專項鬥爭，堅決遏制突出違法犯罪。</p>
                <p xml:id="b-p2">會議以電視電話會議形式召開至縣級公安機關，全省２０２０年工作同步部署。</p>"""));
        put(dir, "c.xml", tei("doc-c", "zh-Hans", "社区卫生整治通知", "2019-11-11", "notice", """
                <p xml:id="c-p1">请各单位打扫卫生，黑板报及时更新，除夕前整改恶劣环境，寒冷天气注意防冰。</p>
                <p xml:id="c-p2">叶子与寒冰，各不相同。</p>"""));
        return dir;
    }

    static void put(Path dir, String name, String xml) throws IOException {
        Files.writeString(dir.resolve(name), xml, StandardCharsets.UTF_8);
    }
}
