package org.jiaokan.clean;

import org.jiaokan.model.Intervention;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.jiaokan.clean.Fixtures.spans;
import static org.jiaokan.clean.Fixtures.simplified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForumHeaderRuleTest {

    private final ForumHeaderRule rule = new ForumHeaderRule();

    @Test
    void simplifiedNoticeIsOneSpan() {
        String line = "本帖最后由 老刘 于 2019-6-12 09:15 编辑";
        List<Intervention> found = rule.find(line, simplified());
        assertEquals(List.of(line), spans(line, found));
        assertEquals(Intervention.Kind.FORME_WORK, found.get(0).kind());
        assertEquals("edit-note", found.get(0).reason());
    }

    @Test
    void traditionalNoticeFollowedByPostText() {
        String line = "本帖最後由 張小明 於 2020-11-3 21:05:09 編輯 各位好,今天說說";
        assertEquals(List.of("本帖最後由 張小明 於 2020-11-3 21:05:09 編輯"), spans(line, rule.find(line, simplified())));
    }

    @Test
    void parseGivesEditorAndIsoTime() {
        assertEquals(Optional.of(new ForumHeader("老刘", "2019-06-12T09:15:00")),
                ForumHeader.parse("本帖最后由 老刘 于 2019-6-12 09:15 编辑"));
        assertEquals(Optional.of(new ForumHeader("張小明", "2020-11-03T21:05:09")),
                ForumHeader.parse("本帖最後由 張小明 於 2020-11-3 21:05:09 編輯"));
        assertEquals(Optional.of(new ForumHeader("于明", "2018-01-02T08:00:00")),
                ForumHeader.parse("本帖最后由 于明 于 2018-1-2 8:00 编辑"));
    }

    @Test
    void textThatOnlyMentionsEditingIsNotANotice() {
        assertTrue(ForumHeader.parse("本帖最后由版主编辑过,请勿转载").isEmpty());
        assertTrue(rule.find("编辑部于2019年6月12日发布", simplified()).isEmpty());
    }
}
