package org.jiaokan.annotate;

import org.jiaokan.model.Mention;
import org.jiaokan.model.Script;

import java.util.List;

/**
 * Finds named things in a clean (regularised) text: persons, places, organisations, dates, official
 * titles and campaign terms. Implementations are thread-safe and loaded once per run.
 */
public interface Annotator {

    /**
     * Mentions in {@code text}, sorted by start, not overlapping each other.
     *
     * @param text   a paragraph of regularised text in its own script
     * @param script the text's script; traditional text is recognised through its simplified form
     *               and the offsets mapped back to {@code text}
     */
    List<Mention> annotate(String text, Script script);
}
