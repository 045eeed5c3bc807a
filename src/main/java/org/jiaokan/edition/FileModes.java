package org.jiaokan.edition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permissions of files Jiaokan writes: those of a plain new file under the process's umask
 * (0666 less the umask, 0644 under the usual 022). The JVM cannot read its umask directly; on
 * Linux it is the {@code Umask:} field of {@code /proc/self/status}, elsewhere 022 is assumed.
 */
public final class FileModes {
    private static final int DEFAULT_UMASK = 0022;
    private static volatile Integer umask;

    private FileModes() {}

    /** The process's umask, read once. */
    public static int umask() {
        Integer u = umask;
        if (u == null) {
            u = readUmask(Path.of("/proc/self/status"));
            umask = u;
        }
        return u;
    }

    /** The {@code Umask:} field of a {@code /proc/PID/status} file, or 022 when it cannot be read. */
    static int readUmask(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Umask:")) {
                    String v = line.substring("Umask:".length()).trim();
                    if (v.matches("[0-7]{1,4}")) return Integer.parseInt(v, 8) & 0777;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is not mounted: fall back to the common default
        }
        return DEFAULT_UMASK;
    }

    /** The permissions of a new file under {@code umask}: 0666 less the umask. */
    public static Set<PosixFilePermission> newFilePermissions(int umask) {
        int mode = 0666 & ~umask;
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < 9; bit++) if ((mode & (1 << bit)) != 0) set.add(order[bit]);
        return set;
    }

    /** Gives {@code file} the permissions of a new file under the umask; nothing on file systems without POSIX modes. */
    public static void setNewFileMode(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) return;
        Files.setPosixFilePermissions(file, newFilePermissions(umask()));
    }
}
