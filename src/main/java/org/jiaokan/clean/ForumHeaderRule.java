package org.jiaokan.clean;

import org.jiaokan.model.Cert;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Intervention.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds forum "last edited by" notices ({@code 本帖最后由 老刘 于 2019-6-12 09:15 编辑}) and marks each
 * whole notice as forme work; {@link ForumHeader#parse} reads the same notice for the header.
 */
public final class ForumHeaderRule implements CleaningRule {

    static final String REASON = "edit-note";

    @Override
    public String name() { return "forum-header"; }

    @Override
    public String description() {
        return "Forum \"last edited by\" notices are kept as forme work of type \"edit-note\"; "
                + "the editor and time go to the header.";
    }

    @Override
    public List<Intervention> find(String line, LineContext context) {
        List<Intervention> out = new ArrayList<>();
        Matcher m = ForumHeader.NOTICE.matcher(line);
        while (m.find()) {
            out.add(new Intervention(m.start(), m.end(), Kind.FORME_WORK, "", REASON, Cert.HIGH, name()));
        }
        return out;
    }
}
