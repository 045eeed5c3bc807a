package org.jiaokan.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One run at a time on an output folder. The lock is a file, {@code DIR/.jiaokan.lock}, created
 * exclusively and holding the holder's process id, its start time and the command. A second run
 * on the same folder is refused with a message naming the holder. A lock whose process has gone (a
 * run killed with {@code kill -9}, a crash, a reboot) is stale: it is taken over, and the temporary
 * files the killed run left ({@code .jiaokan-*.tmp}, see {@link AtomicFiles}) are removed, so the
 * next run completes the output.
 *
 * <p>Every command that writes into a folder (convert, build, publish, and the outputs beside the
 * site) takes the lock of that folder first: {@code try (OutputLock lock = OutputLock.acquire(dir, "publish")) {...}}.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name inside the output folder. */
    public static final String NAME = ".jiaokan.lock";

    /** Locks this process holds, by lock file, so a second run in the same process is refused too. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** Another run holds the folder; the message says which. */
    public static final class LockedException extends IOException {
        LockedException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final String content;
    private boolean released;

    private OutputLock(Path file, String content) {
        this.file = file;
        this.content = content;
    }

    /**
     * Takes the lock of {@code dir} (created when missing) for {@code command}.
     *
     * @throws LockedException when a live run holds it
     * @throws IOException     when the folder cannot be written (read-only, full disk): one clear reason
     */
    public static OutputLock acquire(Path dir, String command) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        if (Files.exists(folder) && !Files.isDirectory(folder)) throw new IOException(dir + ": output folder is a file");
        try {
            Files.createDirectories(folder);
        } catch (FileSystemException e) {
            throw new IOException(dir + ": cannot create the output folder: " + SafePaths.reason(e));
        }
        Path file = folder.resolve(NAME);
        ProcessHandle self = ProcessHandle.current();
        String content = "pid " + self.pid() + "\nstarted " + self.info().startInstant().map(Instant::toString).orElse("unknown")
                + "\ncommand " + command + "\n";
        for (int attempt = 0; attempt < 3; attempt++) {
            if (!HELD.add(file)) {
                Holder h = holder(file);
                throw new LockedException(inUse(dir, self.pid(), h.command()));
            }
            try {
                create(folder, file, content.getBytes(StandardCharsets.UTF_8));
                return new OutputLock(file, content);
            } catch (FileAlreadyExistsException e) {
                HELD.remove(file);
                Holder h = holder(file);
                if (h.alive()) throw new LockedException(inUse(dir, h.pid(), h.command()));
                // Stale: its run was killed. Take it over and clear what that run left half-done.
                try {
                    Files.deleteIfExists(file);
                } catch (IOException gone) {
                    throw new IOException(dir + ": cannot remove the stale lock " + file + ": " + SafePaths.reason(gone));
                }
                removeTemporaryFiles(folder);
            } catch (AccessDeniedException e) {
                HELD.remove(file);
                throw new IOException(dir + ": output folder is not writable (permission denied)");
            } catch (FileSystemException e) {
                HELD.remove(file);
                throw new IOException(dir + ": cannot write in the output folder: " + SafePaths.reason(e));
            } catch (IOException | RuntimeException e) {
                HELD.remove(file);
                throw e;
            }
        }
        throw new LockedException(dir + ": output folder is in use by another jiaokan run (its lock " + file + " keeps coming back)");
    }

    /**
     * Creates the lock file whole: written under a temporary name, then linked to its name, which fails when the
     * name exists. A file created and then written could be read empty in between, taken for the half-written
     * lock of a killed run, and taken over while its run goes on. Where the file system has no hard links, the
     * file is created and then written.
     */
    private static void create(Path folder, Path file, byte[] content) throws IOException {
        Path tmp = folder.resolve(AtomicFiles.TMP_PREFIX + "lock-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + AtomicFiles.TMP_SUFFIX);
        Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.createLink(file, tmp);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException) throw e;
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String inUse(Path dir, long pid, String command) {
        return dir + ": output folder is in use by another jiaokan run (pid " + pid + (command.isEmpty() ? "" : ", " + command)
                + "); wait for it to finish, or remove " + NAME + " if no such run exists";
    }

    /** What a lock file says about its holder. */
    record Holder(long pid, String started, String command, boolean alive) {}

    /** Reads a lock file: a holder whose process is gone (or whose pid now names another process) is not alive. */
    static Holder holder(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Holder(-1, "", "", false);
        } catch (java.nio.charset.MalformedInputException e) {
            return new Holder(-1, "", "", false);
        }
        long pid = -1;
        String started = "", command = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("pid ")) {
                try {
                    pid = Long.parseLong(line.substring(4).strip());
                } catch (NumberFormatException e) {
                    pid = -1;
                }
            } else if (line.startsWith("started ")) {
                started = line.substring(8).strip();
            } else if (line.startsWith("command ")) {
                command = line.substring(8).strip();
            }
        }
        if (pid <= 0) return new Holder(pid, started, command, false); // half-written by a killed run
        ProcessHandle self = ProcessHandle.current();
        if (pid == self.pid()) return new Holder(pid, started, command, HELD.contains(file));
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        boolean alive = p.isPresent() && p.get().isAlive();
        if (alive && !started.isEmpty() && !started.equals("unknown")) {
            // The same pid with another start time is another process: the holder has gone.
            Optional<Instant> s = p.get().info().startInstant();
            if (s.isPresent() && !s.get().toString().equals(started)) alive = false;
        }
        return new Holder(pid, started, command, alive);
    }

    /** Removes the temporary files a killed run left under {@code folder}. */
    static void removeTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) s.filter(AtomicFiles::isTemporary).sorted()::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Releases the lock (removes the file when it is still this run's). */
    @Override
    public synchronized void close() throws IOException {
        if (released) return;
        released = true;
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) Files.deleteIfExists(file);
        } finally {
            HELD.remove(file);
        }
    }
}
