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
        write(file, bytes, bytes.length);
    }

    /** As {@link #write(Path, byte[])}, the first {@code length} bytes of {@code bytes}. */
    public static void write(Path file, byte[] bytes, int length) throws IOException {
        // one write of the array: no buffer between it and the file
        write(file, out -> out.write(bytes, 0, length), false);
    }

    /** What writes a file's bytes into the stream it is given ({@link #write(Path, Body)}). */
    public interface Body {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * As {@link #write(Path, byte[])}, the bytes written by {@code body} as it makes them, so that a large file is
     * never held whole in memory. When {@code body} fails the old file is left as it was.
     */
    public static void write(Path file, Body body) throws IOException {
        write(file, body, true);
    }

    private static void write(Path file, Body body, boolean buffered) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Temporary tmpFile;
        try {
            tmpFile = createTemporary(dir);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": cannot write: permission denied (read-only folder?)", e);
        } catch (FileSystemException e) {
            throw new IOException(file + ": cannot write: " + SafePaths.reason(e), e);
        }
        Path tmp = tmpFile.path();
        boolean moved = false;
        try {
            java.io.OutputStream raw = java.nio.channels.Channels.newOutputStream(tmpFile.channel());
            try (java.io.OutputStream out = buffered ? new java.io.BufferedOutputStream(raw, 1 << 16) : raw) {
                java.io.OutputStream writing = new java.io.OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        try {
                            out.write(b);
                        } catch (IOException e) {
                            throw new WriteFailed(e);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        try {
                            out.write(b, off, len);
                        } catch (IOException e) {
                            throw new WriteFailed(e);
                        }
                    }
                };
                try {
                    body.writeTo(writing);
                } catch (WriteFailed e) {
                    throw e.getCause() instanceof IOException io ? io : e;
                } catch (IOException e) {
                    throw new BodyFailed(e);
                }
            }
            FileModes.setNewFileMode(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (BodyFailed e) {
            // What made the bytes failed (a file it read), not the writing: its own message.
            throw e.cause;
        } catch (FileSystemException e) {
            throw new IOException(file + ": cannot write: " + SafePaths.reason(e), e);
        } catch (IOException e) {
            // "No space left on device" and the like come as plain IOExceptions.
            throw new IOException(file + ": cannot write: " + SafePaths.reason(e), e);
        } finally {
            // Moved, the temporary name is gone; otherwise what was written of it goes.
            if (!moved) Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes {@code bytes} to {@code file} as {@link #write(Path, byte[])} does, unless the file already holds
     * exactly those bytes; returns whether it wrote. Replacing a file costs far more than reading it on most
     * file systems (the old blocks are freed, and discarded where the disk is mounted so), and a site made
     * again mostly makes the same pages.
     */
    public static boolean writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (sameBytes(file, bytes)) return false;
        write(file, bytes);
        return true;
    }

    /** Whether {@code file} is a regular file holding exactly {@code bytes} (false when it cannot be read). */
    static boolean sameBytes(Path file, byte[] bytes) {
        // Nothing there (a page not published before, a dangling link): no exception of its absence. A link to a file
        // is refused below, where the file is looked at without following links.
        if (!FileTrees.isFile(file)) return false;
        try {
            // looked at before it is opened: a named pipe put in a page's place would hold the open forever
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || a.size() != bytes.length) return false;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // no such file: written as usual
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (ch.size() != bytes.length) return false;
            java.nio.ByteBuffer have = java.nio.ByteBuffer.allocate(bytes.length);
            while (have.hasRemaining()) {
                if (ch.read(have) < 0) return false;
            }
            return java.util.Arrays.equals(have.array(), bytes);
        } catch (IOException | UnsupportedOperationException e) {
            return false; // gone or changed since it was looked at: written as usual
        }
    }

    /** Folders known to exist, so that each file written does not ask for its folder again (two system calls). */
    private static final java.util.Set<Path> FOLDERS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong();
    private static final String PROCESS = Long.toString(ProcessHandle.current().pid(), 36);

    /** A temporary file just made, open for writing. */
    private record Temporary(Path path, java.nio.channels.SeekableByteChannel channel) {}

    /**
     * A new private (0600 where the file system has POSIX modes) temporary file in {@code dir}, created only if
     * nothing is at that name ({@code O_EXCL}: neither a file nor a link is ever opened in its place), and open for
     * writing. Named from the process and a counter rather than from random bytes, which cost a system call each;
     * the folder is made when it is missing.
     */
    private static Temporary createTemporary(Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            // A short fixed prefix: the target's own name may already be as long as a file name can be.
            Path tmp = dir.resolve(TMP_PREFIX + PROCESS + "-" + SERIAL.incrementAndGet() + TMP_SUFFIX);
            try {
                if (!FOLDERS.contains(dir)) {
                    Files.createDirectories(dir);
                    if (FOLDERS.size() > 100_000) FOLDERS.clear();
                    FOLDERS.add(dir);
                }
                java.util.Set<java.nio.file.StandardOpenOption> create = java.util.EnumSet.of(
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return new Temporary(tmp, dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? Files.newByteChannel(tmp, create, PRIVATE) : Files.newByteChannel(tmp, create));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // a file of an earlier process with the same number: the next number
                if (attempt > 100) throw e;
            } catch (java.nio.file.NoSuchFileException e) {
                // the folder went away since it was made: made again once
                if (!FOLDERS.remove(dir) || attempt > 100) throw e;
            }
        }
    }

    private static final java.nio.file.attribute.FileAttribute<?> PRIVATE =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    /** The temporary file's own failure to take bytes (a full disk), as opposed to what made them failing. */
    private static final class WriteFailed extends IOException {
        WriteFailed(IOException cause) { super(cause.getMessage(), cause); }
    }

    /** A failure of a {@link Body}, carried past the handling of the writing's own failures. */
    private static final class BodyFailed extends RuntimeException {
        final IOException cause;

        BodyFailed(IOException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
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
