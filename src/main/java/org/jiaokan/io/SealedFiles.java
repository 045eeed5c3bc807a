package org.jiaokan.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The bookkeeping files a run keeps beside its outputs (the publish manifest, the digests' memo): a magic number,
 * a format version and a body, closed by the SHA-256 of all of it. A file that is cut, spoilt, of another kind or
 * of another version is refused whole, so that its reader starts afresh rather than trusting part of it.
 */
public final class SealedFiles {
    private static final int SEAL = 32;

    private SealedFiles() {}

    /** What writes a sealed file's body. */
    public interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * The body of {@code file}, after its magic number and format; an IOException when it is not a sealed file of
     * this kind and version, or its seal does not match. The reader checks that it read the body to its end.
     */
    public static DataInputStream open(Path file, int magic, int format) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < SEAL) throw new IOException(file + ": not a sealed file");
        java.security.MessageDigest md = FileDigests.sha256();
        md.update(all, 0, all.length - SEAL);
        if (!Arrays.equals(md.digest(), Arrays.copyOfRange(all, all.length - SEAL, all.length))) throw new IOException(file + ": spoilt");
        DataInputStream in = CompactData.input(all, 0, all.length - SEAL);
        if (in.readInt() != magic || in.readInt() != format) throw new IOException(file + ": of another kind or version");
        return in;
    }

    /**
     * Writes {@code file} atomically (its folder made where missing). When it cannot be written the old one is removed
     * where it can be: every caller's entries are checked against their files, so an old file is only ever read again
     * as a stale one.
     */
    public static void write(Path file, int magic, int format, Body body) {
        try {
            // Written as it is made, the digest taken on the way: a manifest of tens of megabytes is never held whole.
            // The body's many small fields are gathered before the digest sees them (a call of the digest for each
            // field cost more than the rest of the writing).
            AtomicFiles.write(file, out -> {
                java.security.MessageDigest md = FileDigests.sha256();
                DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(
                        new java.security.DigestOutputStream(out, md), 1 << 16));
                o.writeInt(magic);
                o.writeInt(format);
                body.writeTo(o);
                o.flush();
                out.write(md.digest());
            });
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException ignored) {
                // left: see above
            }
        }
    }
}
