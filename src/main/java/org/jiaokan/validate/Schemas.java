package org.jiaokan.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The schemas Jiaokan checks its TEI against: its own RELAX NG, and the TEI Consortium's tei_all where present. */
public final class Schemas {
    /** Where tei_all.rng is looked for, relative to the working folder, unless named with --tei-all. */
    public static final Path TEI_ALL = Path.of("..", "shared", "external", "tei-schema-tei_all", "tei_all.rng");

    private static volatile RelaxNgValidator jiaokan;

    private Schemas() {}

    /** Jiaokan's own schema of the TEI it emits (the checked-in tei/schema/jiaokan.rng, bundled in the jar). */
    public static RelaxNgValidator jiaokan() {
        RelaxNgValidator v = jiaokan;
        if (v == null) {
            synchronized (Schemas.class) {
                if (jiaokan == null) {
                    URL url = Schemas.class.getResource("/org/jiaokan/schema/jiaokan.rng");
                    if (url == null) throw new IllegalStateException("jiaokan.rng is missing from the build");
                    try {
                        jiaokan = RelaxNgValidator.of(url);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                v = jiaokan;
            }
        }
        return v;
    }

    /** One validator of Jiaokan's schema per thread: a validator checks one document at a time. */
    private static final ThreadLocal<RelaxNgValidator> PER_THREAD = ThreadLocal.withInitial(() -> {
        URL url = Schemas.class.getResource("/org/jiaokan/schema/jiaokan.rng");
        if (url == null) throw new IllegalStateException("jiaokan.rng is missing from the build");
        try {
            return RelaxNgValidator.of(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    });

    /** Jiaokan's schema as {@link #jiaokan()}, with a validator of the calling thread's own, so threads never wait for one another. */
    public static RelaxNgValidator jiaokanForThisThread() {
        return PER_THREAD.get();
    }

    /** tei_all, when the file is there. */
    public static Optional<RelaxNgValidator> teiAll(Path rng) throws IOException {
        if (rng == null || !Files.isRegularFile(rng)) return Optional.empty();
        return Optional.of(RelaxNgValidator.of(rng));
    }
}
