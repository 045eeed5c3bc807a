package org.jiaokan.catalog;

import org.jiaokan.publish.catalog.Romaniser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ALA-LC-style pinyin of titles, personal names, places and bodies, in both scripts (invented strings). */
class RomaniserTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        // titles: first word capitalised, words joined, apostrophe before a, o, e, punctuation made Western
        "title|关于进一步加强社区警务工作的通知|Guanyu jinyibu jiaqiang shequ jingwu gongzuo de tongzhi",
        "title|關於進一步加強社區警務工作的通知|Guanyu jinyibu jiaqiang shequ jingwu gongzuo de tongzhi",
        "title|在全市公安工作会议上的讲话|Zai quanshi gong'an gongzuo huiyi shang de jianghua",
        "title|在全市公安工作會議上的講話|Zai quanshi gong'an gongzuo huiyi shang de jianghua",
        "title|市公安局召开2023年度党风廉政建设工作会议|Shi gong'anju zhaokai 2023 niandu dangfeng lianzheng jianshe gongzuo huiyi",
        "title|市公安局召開2023年度黨風廉政建設工作會議|Shi gong'anju zhaokai 2023 niandu dangfeng lianzheng jianshe gongzuo huiyi",
        "title|关于“两学一做”学习教育的通知（试行）|Guanyu \"liang xue yi zuo\" xuexi jiaoyu de tongzhi (shixing)",
        "title|新闻：公安局长说，要严防死守！|Xinwen: gong'anju zhang shuo, yao yanfang sishou!",
        "title|习近平在全国公安工作会议上的讲话|Xi Jinping zai quanguo gong'an gongzuo huiyi shang de jianghua",
        // a place with its administrative ending inside a title
        "title|广州市公安局召开会议|Guangzhou Shi gong'anju zhaokai huiyi",
        // personal names: surname, then the given name joined; compound and name-specific surname readings
        "person|王建国|Wang Jianguo",
        "person|王建國|Wang Jianguo",
        "person|欧阳明|Ouyang Ming",
        "person|歐陽明|Ouyang Ming",
        "person|单志强|Shan Zhiqiang",
        "person|曾晓东|Zeng Xiaodong",
        "person|李娜|Li Na",
        // places: every word capitalised, the generic term apart
        "place|广东省|Guangdong Sheng",
        "place|廣東省|Guangdong Sheng",
        "place|西安市|Xi'an Shi",
        "place|香港特别行政区|Xianggang Tebie Xingzhengqu",
        "place|新疆维吾尔自治区|Xinjiang Weiwu'er Zizhiqu",
        "place|上海|Shanghai",
        "place|陕西省|Shaanxi Sheng",
        "place|山西省|Shanxi Sheng",
        "place|陝西省|Shaanxi Sheng",
        // bodies: the first word and the names in it capitalised, long names word by word
        "corporate|中华人民共和国公安部|Zhonghua renmin gongheguo Gong'anbu",
        "corporate|中華人民共和國公安部|Zhonghua renmin gongheguo Gong'anbu",
        "corporate|广州市公安局|Guangzhou Shi gong'anju",
        "corporate|廣州市公安局|Guangzhou Shi gong'anju",
        "corporate|中共中央|Zhonggong zhongyang",
    })
    void romanises(String kind, String text, String expected) {
        assertEquals(expected, Romaniser.romanise(text, kind));
    }

    @Test
    void latinRunsAndConverterPinyinStayWhole() {
        assertEquals("Yi \"liangjian 2019\" jingsai wei zaiti", Romaniser.romanise("以“亮劍2019”競賽為載體", "title"));
        assertTrue(Romaniser.romanise("楓橋經(jīng)驗", "title").contains("(jīng)"));
    }

    @Test
    void noToneMarksAndNoHanLeft() {
        String r = Romaniser.romanise("全国公安机关庆祝建党100周年安保维稳工作动员部署会4月27日召开", "title");
        assertEquals("Quanguo gong'an jiguan qingzhu jiandang 100 zhounian anbao weiwen gongzuo dongyuan bushu hui 4 yue 27 ri zhaokai", r);
        assertFalse(r.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        assertFalse(r.matches(".*[āáǎàēéěèīíǐìōóǒòūúǔù].*"));
        assertEquals("", Romaniser.romanise("  ", "title"));
        assertTrue(Romaniser.hasHan("公安 police"));
        assertFalse(Romaniser.hasHan("police"));
    }
}
