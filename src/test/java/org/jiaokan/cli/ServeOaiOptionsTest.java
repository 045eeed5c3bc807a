package org.jiaokan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code jiaokan serve}'s OAI-PMH options (the endpoint itself is tested in {@code org.jiaokan.oai}). */
class ServeOaiOptionsTest {

    @Test
    void aPageSizeBelowOneIsRefused(@TempDir Path tmp) {
        CliRun r = CliRun.of("serve", "--port", "0", "--oai-page-size", "0", tmp.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("jiaokan: error: --oai-page-size 0: must be at least 1"), r.err());
    }

    @Test
    void aMissingEditionFileIsOneErrorLine(@TempDir Path tmp) {
        Path missing = tmp.resolve("edition.xml");
        CliRun r = CliRun.of("serve", "--port", "0", "--edition", missing.toString(), tmp.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("jiaokan: error: " + missing + ": no such file"), r.err());
    }

    @Test
    void helpNamesTheEndpointAndItsDefaults() {
        CliRun r = CliRun.of("serve", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("/oai") && r.out().contains("--oai-page-size") && r.out().contains("default 100"), r.out());
    }
}
