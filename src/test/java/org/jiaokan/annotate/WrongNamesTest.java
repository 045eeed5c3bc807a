package org.jiaokan.annotate;

import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Script;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names that are words of something else: an occasion that shares a city's name (大庆), a country
 * inside a doctrine's name (中国特色社会主义), names inside the title of a cited work (《…》), a body
 * read out of a run of ranks (局处长会议), and short names of one body that share its entry. Sentences
 * written for these tests, in both scripts.
 */
class WrongNamesTest {

    private static ChineseAnnotator annotator;

    @BeforeAll
    static void load() { annotator = new ChineseAnnotator(); }

    private static List<Mention> run(String text) {
        return annotator.annotate(text, Script.SIMPLIFIED);
    }

    private static boolean marked(List<Mention> ms, EntityType type, String surface) {
        return ms.stream().anyMatch(m -> m.type() == type && m.text().equals(surface));
    }

    @ParameterizedTest
    @CsvSource({
            "以大庆安保维稳工作为主线，全力维护社会稳定。, 大庆",
            "以大慶安保維穩工作為主線，全力維護社會穩定。, 大慶",
            "全力做好新中国成立70周年大庆各项工作。, 大庆",
            "國慶大慶期間，全市公安機關全員在崗。, 大慶",
            "喜迎大庆，各单位加强值班值守。, 大庆"})
    void anOccasionNamedLikeACityIsNoPlace(String text, String occasion) {
        List<Mention> ms = run(text);
        assertTrue(!marked(ms, EntityType.PLACE, occasion), () -> occasion + " marked as a place in " + ms);
    }

    @ParameterizedTest
    @CsvSource({
            "王明同志在大庆调研安全生产工作。, 大庆",
            "大庆市公安局召开全市禁毒工作会议。, 大庆市",
            "代表团一行抵达大慶，考察油田生產。, 大慶"})
    void theCityStaysAPlace(String text, String city) {
        List<Mention> ms = run(text);
        assertTrue(marked(ms, EntityType.PLACE, city) || ms.stream().anyMatch(m -> m.type() == EntityType.ORG && m.text().startsWith(city)),
                () -> city + " not marked in " + ms);
    }

    @ParameterizedTest
    @CsvSource({
            "全市公安机关要坚持以习近平新时代中国特色社会主义思想为指导。, 新时代中国特色社会主义思想",
            "全市公安機關要堅持以習近平新時代中國特色社會主義思想為指導。, 新時代中國特色社會主義思想",
            "坚定不移走中国特色社会主义道路。, 中国特色社会主义道路",
            "堅持和發展中國特色社會主義。, 中國特色社會主義"})
    void aPlaceInsideADoctrineIsPartOfTheTerm(String text, String term) {
        List<Mention> ms = run(text);
        assertTrue(marked(ms, EntityType.TERM, term), () -> term + " not a term in " + ms);
        assertTrue(ms.stream().noneMatch(m -> m.type() == EntityType.PLACE), () -> "a place marked in " + ms);
    }

    @Test
    void theLeaderBeforeTheDoctrineStaysAPerson() {
        List<Mention> ms = run("坚持以习近平新时代中国特色社会主义思想为指导。");
        assertTrue(marked(ms, EntityType.PERSON, "习近平"), ms::toString);
    }

    @ParameterizedTest
    @CsvSource({
            "市政府办公室印发《关于加强成都市公安局队伍建设的意见》的通知。, 关于加强成都市公安局队伍建设的意见",
            "會議傳達了《四川省公安廳關於做好春節期間安保工作的通知》。, 四川省公安廳關於做好春節期間安保工作的通知",
            "认真学习《中华人民共和国人民警察法》有关规定。, 中华人民共和国人民警察法"})
    void aCitedTitleIsOneTitleWithNoNamesInside(String text, String title) {
        List<Mention> ms = run(text);
        Mention t = ms.stream().filter(m -> m.type() == EntityType.TITLE).findFirst().orElseThrow(() -> new AssertionError("no title in " + ms));
        assertEquals(title, t.text());
        assertTrue(ms.stream().noneMatch(m -> m.type() != EntityType.TITLE && m.start() < t.end() && t.start() < m.end()),
                () -> "a name inside the title: " + ms);
    }

    @Test
    void aPeriodicalNamedByItsPublisherStaysAnOrganisation() {
        List<Mention> ms = run("据《人民日报》报道，会议在北京召开。");
        assertTrue(marked(ms, EntityType.ORG, "人民日报"), ms::toString);
    }

    @ParameterizedTest
    @CsvSource({
            "四川省公安局处长会议召开 安排部署全年工作, 四川省公安局",
            "四川省公安局處長會議召開 安排部署全年工作, 四川省公安局",
            "全省公安局处长会议在成都召开。, 公安局"})
    void noBodyIsReadOutOfARunOfRanks(String text, String notABody) {
        List<Mention> ms = run(text);
        assertTrue(ms.stream().noneMatch(m -> m.type() == EntityType.ORG && m.text().endsWith("局")), () -> notABody + " marked in " + ms);
    }

    @Test
    void aBureauChiefOfANamedBodyStaysWithTheBody() {
        List<Mention> ms = run("成都市公安局处长李明出席会议。");
        assertTrue(marked(ms, EntityType.ORG, "成都市公安局"), ms::toString);
    }

    @ParameterizedTest
    @CsvSource({"党中央, 中共中央", "黨中央, 中共中央", "中共中央, 中共中央", "中纪委, 中央纪委", "中央人民政府, 国务院"})
    void twoNamesOfOneBodyShareItsKey(String name, String key) {
        List<Mention> ms = run("在" + name + "的坚强领导下，各项工作取得新进展。");
        Mention m = ms.stream().filter(x -> x.type() == EntityType.ORG && x.text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not marked in " + ms));
        assertEquals(key, m.key());
    }

    @ParameterizedTest
    @CsvSource({"市公安局", "縣交通運輸局", "区公安分局", "城关派出所", "国保大队"})
    void relativeAndGenericNamesAreNeverCertain(String name) {
        List<Mention> ms = run(name + "召开专题会议，研究部署近期工作。");
        Mention m = ms.stream().filter(x -> x.type() == EntityType.ORG && x.text().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not marked in " + ms));
        assertTrue(m.confidence() < 0.9, m::toString);
    }
}
