package org.jiaokan.script;

import org.jiaokan.model.Script;

/** Tells simplified from traditional Chinese by counting characters that only one script uses. */
public final class ScriptDetector {
    private ScriptDetector() {}

    /**
     * The script of {@code text}: traditional when more of its Han characters change under
     * traditional→simplified conversion than under simplified→traditional conversion.
     */
    public static Script detect(String text) {
        String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        String simplified = ScriptConverter.toSimplified(sample);
        String traditional = ScriptConverter.toTraditional(sample);
        int tradOnly = differing(sample, simplified);
        int simpOnly = differing(sample, traditional);
        return tradOnly > simpOnly ? Script.TRADITIONAL : Script.SIMPLIFIED;
    }

    private static int differing(String a, String b) {
        if (a.length() != b.length()) {
            // Phrase-level conversion changed lengths; compare character multisets roughly.
            return Math.abs(a.length() - b.length()) + (int) a.chars().filter(c -> b.indexOf(c) < 0).count();
        }
        int n = 0;
        for (int i = 0; i < a.length(); i++) if (a.charAt(i) != b.charAt(i)) n++;
        return n;
    }
}
