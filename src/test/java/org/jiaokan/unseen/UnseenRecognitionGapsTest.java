package org.jiaokan.unseen;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognition gaps once found in the unseen corpus (names after a spaced title or a contact label,
 * white space taken into a name, a city newspaper taken for its city), kept so they stay closed.
 */
class UnseenRecognitionGapsTest {

    private static void assertPerson(UnseenCorpus.Doc d, String name) throws Exception {
        Document tei = Unseen.tei(d);
        List<String> found = Unseen.persons(tei);
        assertTrue(found.contains(name), () -> name + " not marked as a person; found " + found);
    }

    /** 縣公安局局長　李明華: a name after a role and an ideographic space, alone on the line under a title. */
    @Test
    void speakerAfterRoleAndIdeographicSpaceIsAPerson() throws Exception {
        assertPerson(UnseenCorpus.Doc.SPEECH, "李明華");
    }

    /** 联系人：刘芳，电话：…: a name after the label 联系人 in a notice. */
    @Test
    void contactPersonAfterLabelIsAPerson() throws Exception {
        assertPerson(UnseenCorpus.Doc.NOTICE, "刘芳");
    }

    /** 编辑：周喆　记者：陈赟: the ideographic space after the name is taken into the persName. */
    @Test
    void personEndsBeforeAnIdeographicSpace() throws Exception {
        List<String> raw = Unseen.inText(Unseen.tei(UnseenCorpus.Doc.NEWS_PAGE), "persName").stream()
                .map(e -> e.getTextContent()).toList();
        assertTrue(raw.contains("周喆"), () -> "persNames as marked: " + raw);
    }

    /** 來源：福州晚報: a newspaper named after its city is an organisation, not the place 福州. */
    @Test
    void newspaperNamedAfterACityIsAnOrganisation() throws Exception {
        List<String> orgs = Unseen.inText(Unseen.tei(UnseenCorpus.Doc.WEB_CAPTURE), "orgName").stream()
                .map(e -> e.getTextContent()).toList();
        assertTrue(orgs.contains("福州晚報"), () -> "orgNames: " + orgs);
    }
}
