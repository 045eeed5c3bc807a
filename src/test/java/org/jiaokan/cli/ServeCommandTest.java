package org.jiaokan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code jiaokan serve}'s refusals (serving itself is tested on {@code SiteServer}). */
class ServeCommandTest {

    @Test
    void aMissingSiteFolderIsOneErrorLine(@TempDir Path tmp) {
        CliRun r = CliRun.of("serve", "--port", "0", tmp.resolve("no-site").toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("jiaokan: error: " + tmp.resolve("no-site") + ": no such folder"), r.err());
    }

    @Test
    void aPortOutOfRangeIsRefused(@TempDir Path tmp) {
        CliRun r = CliRun.of("serve", "--port", "70000", tmp.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not a port number"), r.err());
    }

    @Test
    void helpNamesTheDefaults() {
        CliRun r = CliRun.of("serve", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("127.0.0.1") && r.out().contains("8000") && r.out().contains("target/site"), r.out());
    }
}
