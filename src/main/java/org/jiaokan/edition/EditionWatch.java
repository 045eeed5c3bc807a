package org.jiaokan.edition;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * What {@code jiaokan build --watch} waits on: the files of an edition folder that an editor changes (its sources,
 * its TEI, {@code edition.xml}, its theme), each known by its size and modification time. The file system's notices
 * only wake the watch; whether something changed is decided by looking at the files, so that the build's own
 * writes, and notices that change nothing, start no build.
 *
 * <p>Left out: names starting with a dot (Jiaokan's caches in {@code .jiaokan/}, a half-written file, version
 * control) and the output folders given, when they are inside the edition folder.
 */
public final class EditionWatch implements AutoCloseable {
    private final Path edition;
    private final List<Path> outputs;
    private final WatchService service;
    private final Set<Path> registered = new HashSet<>();
    /** Each file as last seen: its size and modification time. */
    private Map<Path, String> seen;
    /** Changes seen while a build ran, in files the build does not write: they make the next build. */
    private final Set<Path> pending = new TreeSet<>();

    /** Watches {@code edition}, leaving out {@code outputs} (folders the build writes into); the files as they are now are the start. */
    public EditionWatch(Path edition, List<Path> outputs) throws IOException {
        this.edition = edition.toAbsolutePath().normalize();
        this.outputs = outputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.service = FileSystems.getDefault().newWatchService();
        this.seen = snapshot();
    }

    /**
     * Waits until some file differs from when it was last seen, and then until no notice has come for
     * {@code quietMillis} (an editor's save, a copy of many files, is one change); returns the files that changed,
     * relative to the edition folder and sorted, or an empty list after {@code timeoutMillis} (0: no limit).
     */
    public List<String> next(long quietMillis, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = timeoutMillis <= 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean first = true;
        while (true) {
            if (!first || pending.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return List.of();
                WatchKey key = service.poll(Math.min(left, 60_000), TimeUnit.MILLISECONDS);
                if (key == null) {
                    // no notice: a file system that gives none is looked at once a minute
                    if (timeoutMillis > 0 && System.nanoTime() >= deadline) return List.of();
                } else {
                    drain(key);
                    // until the notices stop
                    for (WatchKey k; (k = service.poll(quietMillis, TimeUnit.MILLISECONDS)) != null; ) drain(k);
                }
            }
            first = false;
            Map<Path, String> now = snapshot();
            List<String> changed = changes(seen, now);
            for (Path p : pending) {
                String rel = relative(p);
                if (!changed.contains(rel)) changed.add(rel);
            }
            pending.clear();
            seen = now;
            if (!changed.isEmpty()) {
                changed.sort(null);
                return changed;
            }
        }
    }

    /**
     * After a build: the files as they are now are the start of the next wait, the build's own writes being no
     * change. Files that changed during the build and that it does not write ({@code written} tells which it may
     * write) are kept for the next {@link #next}.
     */
    public void settle(java.util.function.Predicate<String> written) throws IOException {
        Map<Path, String> now = snapshot();
        for (String rel : changes(seen, now)) {
            if (!written.test(rel)) pending.add(edition.resolve(rel));
        }
        seen = now;
    }

    private void drain(WatchKey key) {
        key.pollEvents();
        if (!key.reset()) registered.remove((Path) key.watchable());
    }

    /** Every file of the watched folder with its size and time; folders not yet watched are watched from now on. */
    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new HashMap<>();
        Files.walkFileTree(edition, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(edition) && (hidden(dir) || outputs.contains(dir))) return FileVisitResult.SKIP_SUBTREE;
                if (registered.add(dir)) {
                    try {
                        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                                StandardWatchEventKinds.ENTRY_MODIFY);
                    } catch (NoSuchFileException | ClosedWatchServiceException e) {
                        registered.remove(dir);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!hidden(file) && attrs.isRegularFile()) files.put(file, attrs.size() + " " + attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // gone between the listing and the look (a build's temporary file): not a file of the edition
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private List<String> changes(Map<Path, String> before, Map<Path, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((p, v) -> {
            if (!v.equals(before.get(p))) changed.add(relative(p));
        });
        before.keySet().forEach(p -> {
            if (!after.containsKey(p)) changed.add(relative(p));
        });
        return changed;
    }

    private String relative(Path p) {
        return edition.relativize(p).toString().replace('\\', '/');
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
