package org.jiaokan.clean;

import org.jiaokan.model.Intervention;

import java.util.List;

/**
 * One named cleaning rule: finds one kind of noise or damage in a source line and records it as
 * interventions. A rule never changes the text; its output is the record of what it judged.
 */
public interface CleaningRule {

    /** A short stable name, recorded in the TEI header's editorial declaration (e.g. "jammer"). */
    String name();

    /** One sentence for the editorial declaration: what the rule recognises and how it is encoded. */
    String description();

    /**
     * Finds this rule's interventions in one line. Spans must not overlap each other; they may
     * overlap spans of earlier rules, in which case the pipeline drops them.
     */
    List<Intervention> find(String line, LineContext context);
}
