package org.jiaokan.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The settings that key every output of a publication: those that may change a byte, and only those. */
class PublishConfigurationTest {

    private static String key(Map<String, String> env, String... properties) throws Exception {
        Properties p = new Properties();
        p.setProperty("java.version", "17");
        for (int i = 0; i < properties.length; i += 2) p.setProperty(properties[i], properties[i + 1]);
        return Publisher.configuration(Set.of("html"), p, env);
    }

    @Test
    void theJvmsOptionsTheThreadsAndOtherSettingsDoNotKeyTheOutputs() throws Exception {
        String base = key(Map.of("HOME", "/home/a"));
        assertEquals(base, key(Map.of("HOME", "/home/b", "JIAOKAN_JAVA_OPTS", "-Xmx1g")), "the heap size and unrelated variables");
        assertEquals(base, key(Map.of("HOME", "/home/a", "JIAOKAN_JAVA_OPTS", "-Xmx4g -XX:TieredStopAtLevel=1")));
        assertEquals(base, key(Map.of(), "jiaokan.threads", "1", "jiaokan.rehash", "true", "user.dir", "/x"));
    }

    @Test
    void jiaokansOwnSettingsKeyTheOutputs() throws Exception {
        String base = key(Map.of());
        assertNotEquals(base, key(Map.of("JIAOKAN_FONTS", "/fonts")));
        assertNotEquals(base, key(Map.of("XDG_CACHE_HOME", "/cache")));
        assertNotEquals(base, key(Map.of(), "jiaokan.site.base", "https://example.org/"));
        assertNotEquals(key(Map.of("JIAOKAN_FONT_SERIF", "a.ttf")), key(Map.of("JIAOKAN_FONT_SERIF", "b.ttf")));
    }
}
