package org.jiaokan.publish.fonts;

import java.io.IOException;
import java.nio.file.Path;

/** A font file the print edition cannot use: the message is {@code FILE: why, and what to use instead}. */
public final class UnusableFontException extends IOException {
    private final transient Path file;

    public UnusableFontException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    /** The refused file (or the setting that named it, when there is no file). */
    public Path file() {
        return file;
    }
}
