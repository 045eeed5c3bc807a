package org.jiaokan.read;

import java.util.BitSet;

/**
 * Judges how much a decoded string reads like real Chinese, to choose between byte-compatible
 * legacy encodings (GB18030, Big5) that both decode the same bytes without error.
 *
 * <p>A wrong decoding of Chinese bytes still yields Han characters, but they are scattered over
 * the whole repertoire; real text draws most of its characters from a few hundred very frequent
 * ones. The lists below are the roughly 500 most frequent characters of modern written Chinese
 * with their traditional forms: general language knowledge, not corpus data.
 */
final class HanPlausibility {

    private static final String SIMPLIFIED = ""
            + "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
            + "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
            + "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
            + "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
            + "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
            + "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
            + "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
            + "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
            + "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
            + "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列";

    /** Traditional forms of the characters above that differ from the simplified form. */
    private static final String TRADITIONAL = ""
            + "這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內"
            + "給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺"
            + "術領確傳師觀讓識帶導爭運飛風幹聯組濟車親極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約復線斷"
            + "滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較語僅隨選為著裡係複";

    /** Full-width punctuation that real Chinese text uses constantly and mis-decodings rarely produce. */
    private static final String PUNCTUATION = "，。、；：？！“”‘’《》（）【】—…·「」『』";

    private static final BitSet COMMON = commonSet();

    private HanPlausibility() {}

    private static BitSet commonSet() {
        BitSet set = new BitSet(0x10000);
        for (String s : new String[] {SIMPLIFIED, TRADITIONAL, PUNCTUATION}) {
            s.chars().forEach(set::set);
        }
        return set;
    }

    /**
     * The share of the non-ASCII characters of {@code text} that are frequent Han characters or
     * Chinese punctuation, in [0, 1]; 0 when the text has no non-ASCII characters. Rare characters,
     * including the private-use ones legacy decoders produce for unassigned codes, count against.
     */
    static double score(String text) {
        int nonAscii = 0;
        int common = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) continue;
            nonAscii++;
            if (COMMON.get(c)) common++;
        }
        return nonAscii == 0 ? 0 : (double) common / nonAscii;
    }

    /** The number of characters in the built-in frequent-character list (both scripts and punctuation). */
    static int size() {
        return COMMON.cardinality();
    }
}
