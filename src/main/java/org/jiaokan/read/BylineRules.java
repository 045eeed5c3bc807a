package org.jiaokan.read;

import org.jiaokan.model.Hint;

import java.util.regex.Pattern;

/**
 * Recognises the credit and date lines of a news page: "来源:中國網 時間:2020-03-25 編輯:劉映紅"
 * is a byline (it names who is responsible), "发布时间:2020-03-25 18:08" or a bare date is a
 * dateline. Labels are matched in simplified and traditional script.
 */
final class BylineRules {

    /** Credit and date lines are short; a longer block with such a word is a sentence of the article. */
    private static final int MAX_LENGTH = 160;

    private static final Pattern CREDIT = Pattern.compile(
            "(?:来源|來源|稿源|出处|出處|作者|记者|記者|通讯员|通訊員|责任编辑|責任編輯|编辑|編輯|责编|責編|编审|編審"
                    + "|审核|審核|校对|校對|撰稿|撰文|摄影|攝影|发布者|發布者|發佈者|发布人|發布人|供稿|文/|图/|圖/)\\s*[::]");

    /** Credits given in parentheses without a colon, as many papers print them: "(记者 张三)". */
    private static final Pattern PARENTHESISED_CREDIT = Pattern.compile(
            "^[((]\\s*(?:记者|記者|通讯员|通訊員|责任编辑|責任編輯|编辑|編輯|责编|責編)\\s*\\S.{0,30}[))]$");

    private static final Pattern DATE_LABEL = Pattern.compile(
            "(?:时间|時間|日期|发布时间|發布時間|發佈時間|发表时间|發表時間|更新时间|更新時間|发布日期|發布日期)\\s*[::]");

    private static final Pattern DATE = Pattern.compile(
            "\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?");

    private static final Pattern NOT_DATE_CONTENT = Pattern.compile("[\\s\\p{P}\\p{S}]|星期.|周.|週.");

    private BylineRules() {}

    /** {@link Hint#BYLINE}, {@link Hint#DATELINE}, or null if {@code text} is neither. */
    static Hint classify(String text) {
        if (text.length() > MAX_LENGTH) return null;
        if (CREDIT.matcher(text).find() || PARENTHESISED_CREDIT.matcher(text.strip()).matches()) return Hint.BYLINE;
        if (DATE_LABEL.matcher(text).find() || isBareDate(text)) return Hint.DATELINE;
        return null;
    }

    private static boolean isBareDate(String text) {
        if (!DATE.matcher(text).find()) return false;
        String rest = NOT_DATE_CONTENT.matcher(DATE.matcher(text).replaceAll("")).replaceAll("");
        return rest.length() <= 2;
    }
}
