package org.jiaokan.io;

import org.jiaokan.edition.FileModes;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes every output file through a temporary file in the same folder and a rename, so a reader
 * (or a run killed midway) sees either the old file or the new one, never a truncated one. The
 * temporary files are named {@code .jiaokan-*.tmp}; a run that takes over a stale {@link OutputLock}
 * removes those a killed run left.
 */
public final class AtomicFiles {
    /** The prefix and suffix of the temporary files. */
    public static final String TMP_PREFIX = ".jiaokan-", TMP_SUFFIX = ".tmp";

    private AtomicFiles() {}

    /**
     * Writes {@code bytes} to {@code file} atomically. The temporary file is created private (0600) and
     * given the mode a plain new file has under the process's umask before the rename. A failure
     * (read-only folder, full disk) leaves the old file as it was and is reported with a short reason.
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            // A short fixed prefix: the target's own name may already be as long as a file name can be.
            tmp = Files.createTempFile(dir, TMP_PREFIX, TMP_SUFFIX);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": cannot write: permission denied (read-only folder?)", e);
        } catch (FileSystemException e) {
            throw new IOException(file + ": cannot write: " + SafePaths.reason(e), e);
        }
        try {
            Files.write(tmp, bytes);
            FileModes.setNewFileMode(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw new IOException(file + ": cannot write: " + SafePaths.reason(e), e);
        } catch (IOException e) {
            // "No space left on device" and the like come as plain IOExceptions.
            throw new IOException(file + ": cannot write: " + SafePaths.reason(e), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether {@code p} is one of the temporary files {@link #write} makes. */
    public static boolean isTemporary(Path p) {
        Path name = p.getFileName();
        if (name == null) return false;
        String n = name.toString();
        return n.startsWith(TMP_PREFIX) && n.endsWith(TMP_SUFFIX) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
}
