package org.jiaokan.annotate;

import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Script;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.jiaokan.model.EntityType.DATE;
import static org.jiaokan.model.EntityType.ORG;
import static org.jiaokan.model.EntityType.PERSON;
import static org.jiaokan.model.EntityType.PLACE;
import static org.jiaokan.model.EntityType.ROLE;
import static org.jiaokan.model.EntityType.TERM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Exact spans found in paragraphs written for these tests in the genres of the seeds. */
class ChineseAnnotatorTest {

    private static ChineseAnnotator annotator;

    @BeforeAll
    static void load() { annotator = new ChineseAnnotator(); }

    private static final String MEETING =
            "6月12日上午，江苏省委常委、政法委书记梁文博主持召开全省政法工作会议。省公安厅党委书记、厅长何春燕出席并讲话，"
                    + "常务副厅长陈晓宁通报了今年以来全省治安形势。";
    private static final String SLOGANS =
            "会议强调，要坚持和发展新时代“枫桥经验”，深入开展“昆仑行动”，增强“四个意识”，做到“两个维护”，守牢“三个确保、五个严防”底线。";
    private static final String NEWS_TRADITIONAL =
            "廣東省公安廳副廳長黃志明表示，2023年10月1日起，廣州市將實施新的交通管理措施。（記者 林曉雯）";
    private static final String SPEECH =
            "同志们：刚才，张明华同志传达了全国公安厅局长会议精神。会议表彰了先进个人，涌现出了赵立军、孙红梅和何建新等一批优秀民警。";
    private static final String REPORT =
            "二〇一五年，国家移民管理局和中共浙江省委、杭州市公安局联合部署“五个坚决防止”工作；2019年5月30日下午，副市长、公安局长郑海涛在宁波市调研。";
    private static final String BYLINE_TRADITIONAL = "編輯：鄭雅文　　來源：人民網　　時間：2021-07-15 09:30";
    private static final String STATE_NEWS = "国务院副总理刘国强强调，要切实做好防汛工作。市长吴德明说，全市已启动应急响应。（王立新）";

    private static List<Mention> run(String text, Script script) {
        List<Mention> ms = annotator.annotate(text, script);
        for (int i = 1; i < ms.size(); i++) {
            assertTrue(ms.get(i - 1).end() <= ms.get(i).start(), "sorted and disjoint: " + ms);
        }
        for (Mention m : ms) {
            assertEquals(text.substring(m.start(), m.end()), m.text(), "text matches span");
            assertTrue(m.confidence() >= ChineseAnnotator.MIN_CONFIDENCE && m.confidence() <= 1, m.toString());
        }
        return ms;
    }

    /** Asserts a mention of {@code surface} at its first occurrence in {@code text}, with the key. */
    private static Mention expect(List<Mention> ms, String text, EntityType type, String surface, String key) {
        int start = text.indexOf(surface);
        assertTrue(start >= 0, "test text contains " + surface);
        for (Mention m : ms) {
            if (m.start() == start && m.end() == start + surface.length() && m.type() == type) {
                assertEquals(key, m.key(), "key of " + surface);
                return m;
            }
        }
        fail("expected " + type + " " + surface + " at " + start + "; found " + show(ms));
        return null;
    }

    /** Runs the annotator on simplified {@code text} and asserts a mention of {@code surface} keyed by itself. */
    private static void expectIn(String text, EntityType type, String surface) {
        expect(run(text, Script.SIMPLIFIED), text, type, surface, surface);
    }

    /** Asserts mentions of each surface, keyed by the surface itself (names already in simplified script). */
    private static void expectAll(List<Mention> ms, String text, EntityType type, String... surfaces) {
        for (String surface : surfaces) expect(ms, text, type, surface, surface);
    }

    private static void absent(List<Mention> ms, EntityType type, String surface) {
        for (Mention m : ms) assertFalse(m.type() == type && m.text().equals(surface), "unexpected " + m);
    }

    private static String show(List<Mention> ms) {
        return ms.stream().map(m -> m.type() + ":" + m.text() + "@" + m.start()).collect(Collectors.joining(" "));
    }

    @Test
    void meetingReportTitlesAndNames() {
        List<Mention> ms = run(MEETING, Script.SIMPLIFIED);
        expect(ms, MEETING, DATE, "6月12日", "--06-12");
        expect(ms, MEETING, ORG, "江苏省委", "江苏省委");
        expect(ms, MEETING, ROLE, "常委", "常委");
        expect(ms, MEETING, ROLE, "政法委书记", "政法委书记");
        expect(ms, MEETING, PERSON, "梁文博", "梁文博");
        // 省公安厅 is named relative to the text's own province: a body, with its party committee.
        expect(ms, MEETING, ORG, "省公安厅党委", "省公安厅党委");
        expect(ms, MEETING, ROLE, "厅长", "厅长");
        expect(ms, MEETING, PERSON, "何春燕", "何春燕");
        expect(ms, MEETING, ROLE, "常务副厅长", "常务副厅长");
        expect(ms, MEETING, PERSON, "陈晓宁", "陈晓宁");
        absent(ms, ORG, "省公安厅");   // no proper name in front: a generic organ
    }

    @Test
    void quotedSlogansAreTermsWithoutTheirQuotes() {
        List<Mention> ms = run(SLOGANS, Script.SIMPLIFIED);
        expect(ms, SLOGANS, TERM, "枫桥经验", "枫桥经验");
        expect(ms, SLOGANS, TERM, "昆仑行动", "昆仑行动");
        expect(ms, SLOGANS, TERM, "四个意识", "四个意识");
        expect(ms, SLOGANS, TERM, "两个维护", "两个维护");
        expect(ms, SLOGANS, TERM, "三个确保", "三个确保");
        expect(ms, SLOGANS, TERM, "五个严防", "五个严防");
        assertEquals(6, ms.stream().filter(m -> m.type() == TERM).count(), show(ms));
    }

    @Test
    void traditionalNewsIsKeyedBySimplifiedForms() {
        List<Mention> ms = run(NEWS_TRADITIONAL, Script.TRADITIONAL);
        expect(ms, NEWS_TRADITIONAL, ORG, "廣東省公安廳", "广东省公安厅");
        expect(ms, NEWS_TRADITIONAL, ROLE, "副廳長", "副厅长");
        expect(ms, NEWS_TRADITIONAL, PERSON, "黃志明", "黄志明");
        expect(ms, NEWS_TRADITIONAL, DATE, "2023年10月1日", "2023-10-01");
        Mention city = expect(ms, NEWS_TRADITIONAL, PLACE, "廣州市", "广州市");
        assertEquals("440100", city.code());
        expect(ms, NEWS_TRADITIONAL, PERSON, "林曉雯", "林晓雯");
    }

    @Test
    void speechNamesWithHonorificAndNameLists() {
        List<Mention> ms = run(SPEECH, Script.SIMPLIFIED);
        expect(ms, SPEECH, PERSON, "张明华", "张明华");
        expect(ms, SPEECH, PERSON, "赵立军", "赵立军");
        expect(ms, SPEECH, PERSON, "孙红梅", "孙红梅");
        expect(ms, SPEECH, PERSON, "何建新", "何建新");
        assertEquals(4, ms.stream().filter(m -> m.type() == PERSON).count(), show(ms));
    }

    @Test
    void datesOrganisationsAndAppositionInAReport() {
        List<Mention> ms = run(REPORT, Script.SIMPLIFIED);
        expect(ms, REPORT, DATE, "二〇一五年", "2015");
        expect(ms, REPORT, ORG, "国家移民管理局", "国家移民管理局");
        expect(ms, REPORT, ORG, "中共浙江省委", "中共浙江省委");
        expect(ms, REPORT, ORG, "杭州市公安局", "杭州市公安局");
        expect(ms, REPORT, TERM, "五个坚决防止", "五个坚决防止");
        expect(ms, REPORT, DATE, "2019年5月30日", "2019-05-30");
        expect(ms, REPORT, ROLE, "副市长", "副市长");
        expect(ms, REPORT, ROLE, "公安局长", "公安局长");
        expect(ms, REPORT, PERSON, "郑海涛", "郑海涛");
        Mention city = expect(ms, REPORT, PLACE, "宁波市", "宁波市");
        assertEquals("330200", city.code());
    }

    @Test
    void bylinesAndClosingCredits() {
        List<Mention> ms = run(BYLINE_TRADITIONAL, Script.TRADITIONAL);
        expect(ms, BYLINE_TRADITIONAL, PERSON, "鄭雅文", "郑雅文");
        expect(ms, BYLINE_TRADITIONAL, DATE, "2021-07-15 09:30", "2021-07-15T09:30:00");
        List<Mention> state = run(STATE_NEWS, Script.SIMPLIFIED);
        expect(state, STATE_NEWS, ORG, "国务院", "国务院");
        expect(state, STATE_NEWS, ROLE, "副总理", "副总理");
        expect(state, STATE_NEWS, PERSON, "刘国强", "刘国强");
        expect(state, STATE_NEWS, ROLE, "市长", "市长");
        expect(state, STATE_NEWS, PERSON, "吴德明", "吴德明");
        expect(state, STATE_NEWS, PERSON, "王立新", "王立新");
    }

    @Test
    void nestedPlacesMakeOneOrganisationAndCentralBodiesNeedNoPlace() {
        String text = "在以习近平同志为核心的党中央坚强领导下，四川省成都市公安局和公安部特勤局、中央纪委国家监委驻公安部纪检监察组密切配合。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expect(ms, text, PERSON, "习近平", "习近平");
        expect(ms, text, ORG, "党中央", "中共中央");
        expect(ms, text, ORG, "四川省成都市公安局", "四川省成都市公安局");
        expect(ms, text, ORG, "公安部特勤局", "公安部特勤局");
        // The joint commission is one body under one name.
        expect(ms, text, ORG, "中央纪委国家监委", "中央纪委国家监委");
    }

    @Test
    void commonWordsAndRelativeDatesAreNotEntities() {
        String text = "今年以来，全市公安机关坚持关键点位严防死守，保安全、护稳定，高发期警力前移，张弛有度，向好态势持续巩固。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        assertTrue(ms.stream().noneMatch(m -> m.type() == PERSON || m.type() == DATE), show(ms));
    }

    @Test
    void monthDayWithoutYearIsAGMonthDayAndTimeOfDayStaysOut() {
        String text = "8月8日晚，全县召开会议；3月25日下午，各地传达会议精神；8、9月份历来是案件高发期。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expect(ms, text, DATE, "8月8日", "--08-08");
        expect(ms, text, DATE, "3月25日", "--03-25");
        assertEquals(2, ms.stream().filter(m -> m.type() == DATE).count(), show(ms));
    }

    @Test
    void traditionalTextWithSupplementaryCharactersMapsOffsetsBack() {
        // 𠮷 is outside the BMP: two UTF-16 units that must not shift the spans after it.
        String text = "𠮷祥物發布會上，副省長葉寒冰強調，要做好“雙上升”工作。";
        List<Mention> ms = run(text, Script.TRADITIONAL);
        expect(ms, text, ROLE, "副省長", "副省长");
        expect(ms, text, PERSON, "葉寒冰", "叶寒冰");
        expect(ms, text, TERM, "雙上升", "双上升");
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<Mention> expected = annotator.annotate(REPORT, Script.SIMPLIFIED);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Mention>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) runs.add(pool.submit(() -> annotator.annotate(REPORT, Script.SIMPLIFIED)));
            for (Future<List<Mention>> f : runs) assertEquals(expected, f.get());
        } finally {
            pool.shutdown();
        }
    }

    /** No mention starts or ends with white space of any kind, whatever the segmenter glues on. */
    @Test
    void mentionsNeverHaveWhiteSpaceAtTheirEdges() {
        String text = "编辑：周喆\u3000记者：陈赟\u00a0来源：东阳日报\t县公安局局长\u3000李明华\u2003联系人： 刘芳";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        for (Mention m : ms) {
            String t = m.text();
            assertFalse(t.isEmpty() || isSpace(t.charAt(0)) || isSpace(t.charAt(t.length() - 1)), () -> "edge space in " + ms);
        }
        List<String> persons = ms.stream().filter(m -> m.type() == PERSON).map(Mention::text).toList();
        assertTrue(persons.containsAll(List.of("周喆", "陈赟", "李明华", "刘芳")), () -> persons.toString());
        assertTrue(ms.stream().anyMatch(m -> m.type() == ORG && m.text().equals("东阳日报")), () -> ms.toString());
    }

    private static boolean isSpace(char c) { return Character.isWhitespace(c) || Character.isSpaceChar(c); }

    @Test
    void approximationAfterANumberIsNoSurname() {
        ChineseAnnotator an = new ChineseAnnotator();
        for (String text : new String[]{"涉案金额300余万元，抓获犯罪嫌疑人十余名。", "涉案金額300餘萬元，抓獲犯罪嫌疑人十餘名。"}) {
            Script script = text.contains("額") ? Script.TRADITIONAL : Script.SIMPLIFIED;
            assertTrue(an.annotate(text, script).stream().noneMatch(m -> m.type() == EntityType.PERSON),
                    () -> text + " -> " + an.annotate(text, script));
        }
    }

    /** A place opening a compound the segmenter keeps whole (中国人民, 北京市民, 美国人, 华人, 美军) is still a place. */
    @Test
    void placesInsideCompounds() {
        String text = "中国人民热爱和平，北京市民踊跃参加；几位华人和美国人在中方代表陪同下参观，美军撤出。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expect(ms, text, PLACE, "中国", "中国");
        expect(ms, text, PLACE, "北京", "北京市");
        expect(ms, text, PLACE, "美国", "美国");
        // The segmenter's place guess 多首陕北 ends in a place of the dictionary.
        String song = "他演唱了多首陕北民歌。";
        expectIn(song, PLACE, "陕北");
        for (String one : List.of("华人", "中方", "美军")) {
            int at = text.indexOf(one);
            assertTrue(ms.stream().anyMatch(m -> m.type() == PLACE && m.start() == at && m.end() == at + 1), () -> one + ": " + show(ms));
        }
        // A common noun with no place in it stays as it is.
        absent(run("人民群众和市民代表参加了会议。", Script.SIMPLIFIED), PLACE, "人民");
    }

    /** Parts joined by a name dot are one name, whatever the segmenter splits (丹尼斯·罗斯顿, 艾尔肯·吐尔逊, 马丁·路德·金). */
    @Test
    void dottedNamesAreOneName() {
        String text = "美国特使丹尼斯·罗斯顿在耶路撒冷会见了自治区主席艾尔肯·吐尔逊和马丁·路德·金的后人。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "丹尼斯·罗斯顿", "艾尔肯·吐尔逊", "马丁·路德·金");
        expect(ms, text, PLACE, "耶路撒冷", "耶路撒冷");
        // A title before the name stays out of it.
        String actress = "法国女演员朱丽叶·比诺什出席了开幕式。";
        expectIn(actress, PERSON, "朱丽叶·比诺什");
    }

    /** Japanese names: a family name and a given name of the Japanese name dictionary. */
    @Test
    void japaneseNames() {
        String text = "日本众议院议长松井秀夫一行今天参观了工厂，佐藤美智子女士陪同。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "松井秀夫", "佐藤美智子");
        // A family name with an honorific is the mention alone, as a Chinese surname with a title is.
        String addressed = "松井秀夫、高桥洋介和山田先生出席。";
        List<Mention> am = run(addressed, Script.SIMPLIFIED);
        expectAll(am, addressed, PERSON, "高桥洋介", "山田");
        absent(am, PERSON, "和山田");
        absent(am, PERSON, "山田先生");
    }

    /** A name-like reading is no person where a place claims it, a numeral counts, or a hamlet is named. */
    @Test
    void readingsThatAreNoNames() {
        String text = "乌克兰总统和新西兰总理在吉隆坡会见。黄家湾村的选手连胜五场，战成一比一。九江某派出所所长到场。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        assertTrue(ms.stream().noneMatch(m -> m.type() == PERSON), () -> show(ms));
        expectAll(ms, text, PLACE, "新西兰", "吉隆坡");
    }

    /** A compound surname with a title is the person's mention, whole (上官厂长, 欧阳教授). */
    @Test
    void compoundSurnameWithTitle() {
        String text = "上官厂长和欧阳教授正在车间里。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "上官", "欧阳");
    }

    /** Names the segmenter cuts short or glues on, and surname-initial words that are no names. */
    @Test
    void nameBoundaries() {
        String text = "主教练欧阳振宇赛后说，国家主席钟鸣岳主席指出，泰国陆军司令巴颂·素拉猜上将出席。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "欧阳振宇", "钟鸣岳", "巴颂·素拉猜");
        // 向|蒯永强: the segmenter glued the preposition to the name.
        expectIn("庆功会上向蒯永强、商红艳等运动员颁奖。", PERSON, "蒯永强");
        String words = "卢省长向客人介绍了情况，许多农民高兴地说，县里组织了一万多名干部。";
        List<Mention> none = run(words, Script.SIMPLIFIED);
        for (String w : List.of("向客人", "高兴地", "万多名")) absent(none, PERSON, w);
        expect(none, words, PERSON, "卢", "卢");
    }

    /** Country forms that are ambiguous alone are places where two countries or a side follow (中新两国, 哈、中两国, 匈方). */
    @Test
    void announcedCountryForms() {
        String text = "他说，中新两国友好，哈、中两国边界问题已经解决，匈方愿意合作，罗马尼亚外长出席。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        for (int at : new int[] {text.indexOf("中新"), text.indexOf("中新") + 1, text.indexOf("哈、"), text.indexOf("、中") + 1, text.indexOf("匈方")}) {
            assertTrue(ms.stream().anyMatch(m -> m.type() == PLACE && m.start() == at && m.end() == at + 1), () -> at + ": " + show(ms));
        }
        expect(ms, text, PLACE, "罗马尼亚", "罗马尼亚");
        absent(run("对方表示同意，各方都很满意。", Script.SIMPLIFIED), PLACE, "对");
        // 比赛中|以|三比零: before a score, 中 and 以 are a locative and a preposition.
        List<Mention> match = run("她在决赛中以三比零战胜了对手。", Script.SIMPLIFIED);
        assertTrue(match.stream().noneMatch(m -> m.type() == PLACE), () -> show(match));
    }

    /** A run of transliteration syllables with no dictionary word in it is a foreign name, unless a place verb governs it. */
    @Test
    void transliterationRuns() {
        String text = "拉米雷斯出席了会议。";
        expectIn(text, PERSON, "拉米雷斯");
        String place = "会议在明斯克举行。";
        absent(run(place, Script.SIMPLIFIED), PERSON, "明斯克");
    }

    /** 乾 and 於 in names stay as written in the register key: 萧乾 is not 萧干, 於立新 not 于立新. */
    @Test
    void namesKeepCharactersBothScriptsHave() {
        String text = "作家萧乾、队友於立新出席了座谈会。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "萧乾", "於立新");
        String traditional = "作家蕭乾出席了座談會。";
        expect(run(traditional, Script.TRADITIONAL), traditional, PERSON, "蕭乾", "萧乾");
    }

    /** A place, a sponsor's name or sport, and 队 name a team (广州太阳神队, 中国乒乓球队); 军队 is no team. */
    @Test
    void namedTeams() {
        String text = "广州太阳神队战胜了对手，中国乒乓球队也获胜，美国军队撤出。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, ORG, "广州太阳神队", "中国乒乓球队");
        absent(ms, ORG, "美国军队");
        // A sponsor's team outranks the place-named team inside it (山东鲁能|泰山队).
        expectIn("山东鲁能泰山队外援上场不到十分钟就攻入一球。", ORG, "山东鲁能泰山队");
    }

    /** Transliterations the segmenter cuts on either side are read whole (恩达伊西米耶, 范德卢格特). */
    @Test
    void transliterationsReadWhole() {
        String text = "会见时，主席对恩达伊西米耶说，两国友谊经受住了考验。";
        expectIn(text, PERSON, "恩达伊西米耶");
        String other = "范德卢格特把一只瓷盘送给了博物馆。";
        expectIn(other, PERSON, "范德卢格特");
        // Syllables HanLP's transliteration dictionary knows (松) continue a run; the partner of a
        // meeting (同某某举行会谈) is no place where it is held.
        expectIn("萨姆松诺娃的父亲当过专家。", PERSON, "萨姆松诺娃");
        expectIn("外长今天同库兹涅佐娃举行了会谈。", PERSON, "库兹涅佐娃");
    }

    /**
     * An administrative level with no place name before it names a body relative to the text's own
     * place (县医院, 乡卫生院): marked, but never as certain as one named in full (鄱阳县委); a level
     * inside a common word (县里, 市场) or after a determiner (各县) opens no name.
     */
    @Test
    void bareLevelsNameRelativeBodies() {
        String text = "他在县医院工作，后来调到乡卫生院，鄱阳县委表扬了他。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        assertTrue(expect(ms, text, ORG, "县医院", "县医院").confidence() < 0.9);
        assertTrue(expect(ms, text, ORG, "鄱阳县委", "鄱阳县委").confidence() >= 0.85);
        String common = "他在县里工作多年，后来到市场监管部门任职，各县公安局负责同志参加。";
        List<Mention> none = run(common, Script.SIMPLIFIED);
        assertTrue(none.stream().noneMatch(m -> m.type() == ORG), show(none));
    }

    /**
     * A paragraph far longer than a sentence is segmented a stretch at a time; the mentions are
     * those of its sentences, at the right offsets.
     */
    @Test
    void longParagraphsKeepTheirOffsets() {
        String sentence = MEETING;
        List<Mention> one = run(sentence, Script.SIMPLIFIED);
        int copies = 4000 / sentence.length() + 2;
        String paragraph = sentence.repeat(copies);
        List<Mention> all = run(paragraph, Script.SIMPLIFIED);
        assertEquals(one.size() * copies, all.size(), () -> show(all));
        for (int c = 0; c < copies; c++) {
            for (int k = 0; k < one.size(); k++) {
                Mention m = one.get(k);
                Mention n = all.get(c * one.size() + k);
                assertEquals(m.start() + c * sentence.length(), n.start());
                assertEquals(m.text() + m.type() + m.key(), n.text() + n.type() + n.key());
            }
        }
    }

    /** A surname and a character only names use is a name without any context (牛犇, 施湉). */
    @Test
    void charactersOnlyNamesUse() {
        String text = "牛犇今年高考考了全县第一。";
        expectIn(text, PERSON, "牛犇");
        String other = "那一年，施湉只有十七岁。";
        expectIn(other, PERSON, "施湉");
    }

    /** Divisions the gazetteer could find across a place word (湘|西山区, 云|南山区) and words like 亚军 are no places. */
    @Test
    void placeMisreadings() {
        String text = "医疗队来到了湘西山区，每年都到云南山区义诊，她获得了亚军。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        absent(ms, PLACE, "西山区");
        absent(ms, PLACE, "南山区");
        absent(ms, PLACE, "亚");
        expectAll(ms, text, PLACE, "湘西");
        expect(ms, text, PLACE, "云南", "云南省");
    }

    /** Works named by a place, an ordinal or a trade and a one-character head (沈阳第三机床厂, 沈阳鼓风机厂). */
    @Test
    void worksWithOrdinalsAndTrades() {
        expectIn("祁德海原来是沈阳第三机床厂的车工。", ORG, "沈阳第三机床厂");
        expectIn("大学毕业后，他进了沈阳鼓风机厂当技术员。", ORG, "沈阳鼓风机厂");
    }

    /**
     * Two-character names: the segmenter's 张红和 is a name and a joiner before the next name; a
     * name the segmenter and the name model both find needs less; a word after names (时, 今年)
     * closes the name; kinship before a name is a calling (孙子吴刚, 外孙女林静).
     */
    @Test
    void twoCharacterNames() {
        String text = "马季和姜昆说了一段相声，张红和王菲合唱了一首歌。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "马季", "姜昆", "张红", "王菲");
        // 祝贺马|建华: a name word of the segmenter that opens with a verb protects nothing.
        expectIn("我们祝贺马建华获奖。", PERSON, "马建华");
        // 石太|输油管道: two characters before a common noun modify it.
        absent(run("要加强对陕京输气管道、石太输油管道的保护。", Script.SIMPLIFIED), PERSON, "石太");
        // 张|健在|山东: the segmenter glued 在 to the name; 安保|潜在 is still no name.
        expectIn("张健在山东烟台考察时说，要重视安全生产。", PERSON, "张健");
        assertTrue(run("三是对奥运安保潜在的威胁认识不深等。", Script.SIMPLIFIED).stream().noneMatch(m -> m.type() == PERSON));
        // Legal roles before a name and legal verbs of speech after it.
        expectIn("检察院依法对犯罪嫌疑人林娟提起公诉。", PERSON, "林娟");
        expectIn("原告陈生诉称，被告未按期交房。", PERSON, "陈生");
        // A function word the segmenter read after its name stays outside it (石磊|才|是, 吴斌|刚|从);
        // 向 before a surname is the preposition; 来说 holds no verb of speech.
        String bare = "石磊才是这个项目的设计者，年轻的吴斌刚从部队复员回来，人们纷纷向廖红表示祝贺，对于郑勇来说，这是一次机会。";
        ms = run(bare, Script.SIMPLIFIED);
        expectAll(ms, bare, PERSON, "石磊", "吴斌", "廖红", "郑勇");
        for (String w : List.of("石磊才", "吴斌刚", "向廖红", "郑勇来")) absent(ms, PERSON, w);
        // The segmenter's 钱由范 and 向周丽 hold no name that a reading of 范明 or 周丽 would cut.
        expectIn("这笔钱由范明负责保管。", PERSON, "范明");
        expectIn("我们向周丽学习什么？", PERSON, "周丽");
        String found = "我们在村口遇见周斌时，天已经黑了。";
        ms = run(found, Script.SIMPLIFIED);
        expectAll(ms, found, PERSON, "周斌");
        absent(ms, PERSON, "周斌时");
        String kin = "老汉的孙子吴刚今年参了军，老人的外孙女林静明年就要高考了。";
        ms = run(kin, Script.SIMPLIFIED);
        expectAll(ms, kin, PERSON, "吴刚", "林静");
        for (String w : List.of("孙子吴", "吴刚今")) absent(ms, PERSON, w);
    }

    /**
     * Transliterations the dictionaries do not know are places where the text says so: a closing
     * feature or level, a country before them, a settlement noun; a title before or after keeps a
     * person a person.
     */
    @Test
    void foreignPlacesUnknownToTheDictionaries() {
        String text = "洪水淹没了莫拉维亚河谷的村庄，伊拉克北部城市基尔库克发生爆炸，来自乌兹别克斯坦撒马尔罕的代表团参观了西安。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PLACE, "莫拉维亚河谷", "基尔库克", "撒马尔罕", "乌兹别克斯坦");
        for (String w : List.of("莫拉维亚", "基尔库克", "撒马尔罕")) absent(ms, PERSON, w);
        String persons = "德国总理科尔和法国总统希拉克举行了会谈，卢日科夫市长会见了代表团。";
        ms = run(persons, Script.SIMPLIFIED);
        expectAll(ms, persons, PERSON, "科尔", "希拉克", "卢日科夫");
        absent(ms, PLACE, "科尔");
    }

    /** Tibetan, Uyghur and Mongolian names by their parts; a single part that is a word or a place stays one. */
    @Test
    void minorityNames() {
        String text = "民政部部长多吉才让出席，战士次旦多吉献出了生命，边防战士阿不都热合曼查获了一起案件，"
                + "牧民乌云其其格救助了游客，自治区主席阿不来提·阿不都热西提讲话。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "多吉才让", "次旦多吉", "阿不都热合曼", "乌云其其格", "阿不来提·阿不都热西提");
        String words = "天空乌云密布，罗布泊一带风沙很大。";
        ms = run(words, Script.SIMPLIFIED);
        assertTrue(ms.stream().noneMatch(m -> m.type() == PERSON), show(ms));
    }

    /** A dotted name is one name, above a known name among its parts and against a place or body inside it. */
    @Test
    void dottedNamesOutrankTheirParts() {
        String text = "英国外交大臣罗宾·卡特赖特在唐宁街会见了客人，巴基斯坦总统穆罕默德·阿里夫对伊朗进行了访问。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "罗宾·卡特赖特", "穆罕默德·阿里夫");
        absent(ms, ORG, "阿里");
        absent(ms, PLACE, "阿里");
        // A long transliteration outranks the Chinese reading of its first syllables.
        expectIn("唐家璇同法国外长韦德里纳进行了会谈。", PERSON, "韦德里纳");
        expectIn("瑞典首相林德奎斯特结束了对中国的正式访问。", PERSON, "林德奎斯特");
    }

    /** Names run together where a list lost its spaces are split into names; words that open with a surname are not. */
    @Test
    void namesRunTogether() {
        String text = "获奖者王军李红张华陈明刘伟赵刚都是一线工人。";
        List<Mention> ms = run(text, Script.SIMPLIFIED);
        expectAll(ms, text, PERSON, "王军", "李红", "张华", "陈明", "刘伟", "赵刚");
        String byline = "记者王建新李丽报道";
        expectAll(run(byline, Script.SIMPLIFIED), byline, PERSON, "王建新", "李丽");
        String words = "王府井大街和西单商场的客流量增加了，高新技术产业开发区的产值也翻了一番。";
        ms = run(words, Script.SIMPLIFIED);
        assertTrue(ms.stream().noneMatch(m -> m.type() == PERSON), show(ms));
    }

    /** National bodies open with 国家, 中央 or 首都 where local ones open with a place. */
    @Test
    void nationalBodies() {
        String text = "国家海洋局的科考队员前往南极，中央民族乐团在维也纳举行了音乐会，首都钢铁公司去年实现利润二十亿元。";
        expectAll(run(text, Script.SIMPLIFIED), text, ORG, "国家海洋局", "中央民族乐团", "首都钢铁公司");
        // A country's government is the country; a Chinese division's government is a body.
        String governments = "伊拉克政府宣布了决定，北京市政府召开了会议。";
        List<Mention> ms = run(governments, Script.SIMPLIFIED);
        expectAll(ms, governments, PLACE, "伊拉克");
        expectAll(ms, governments, ORG, "北京市政府");
        absent(ms, ORG, "伊拉克政府");
        // 鄱阳|县委: the county ends inside the segmenter's word for its organ.
        String county = "鄱阳县委、鄱阳县政府组织干部上堤防守，兰州铁路公安处乘警帮助了产妇，他在中央党校学习。";
        expectAll(run(county, Script.SIMPLIFIED), county, ORG, "鄱阳县委", "鄱阳县政府", "兰州铁路公安处", "中央党校");
    }
}
