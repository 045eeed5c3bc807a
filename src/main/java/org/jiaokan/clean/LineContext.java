package org.jiaokan.clean;

import org.jiaokan.model.Hint;
import org.jiaokan.model.Script;

/**
 * What a cleaning rule may know about the line it looks at.
 *
 * @param script    the document's script
 * @param index     the line's index in the document (0-based)
 * @param lineCount the number of lines in the document
 * @param hint      the reader's hint for the line
 */
public record LineContext(Script script, int index, int lineCount, Hint hint) {
    public boolean isFirstLine() { return index == 0; }

    public boolean isInLastLines(int n) { return index >= lineCount - n; }
}
