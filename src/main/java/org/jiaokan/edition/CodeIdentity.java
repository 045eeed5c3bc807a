package org.jiaokan.edition;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The identity of the code that converts: a SHA-256 over Jiaokan's own classes and resources (the
 * jar's bytes, or every file under the classes folder) and over the name and size of every other
 * entry of the class path (the libraries, whose versions are in their names). Computed once per
 * process; a cache entry made by other code is never reused.
 */
public final class CodeIdentity {
    private CodeIdentity() {}

    private static volatile String identity;

    /** The identity of the running code, as lower-case hex. */
    public static String get() {
        String id = identity;
        if (id == null) {
            synchronized (CodeIdentity.class) {
                if (identity == null) identity = compute();
                id = identity;
            }
        }
        return id;
    }

    private static String compute() {
        MessageDigest md = sha256();
        md.update(("jiaokan " + Toolkit.VERSION + "\n").getBytes(StandardCharsets.UTF_8));
        Path own = null;
        try {
            var source = Toolkit.class.getProtectionDomain().getCodeSource();
            if (source != null) own = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            own = null;
        }
        try {
            if (own == null) {
                md.update("unknown code source\n".getBytes(StandardCharsets.UTF_8));
            } else if (Files.isDirectory(own)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(own)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    md.update((own.relativize(f).toString().replace('\\', '/') + "\n").getBytes(StandardCharsets.UTF_8));
                    digestFile(md, f);
                }
            } else {
                digestFile(md, own);
            }
            for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                if (entry.isEmpty()) continue;
                Path p = Path.of(entry).toAbsolutePath().normalize();
                if (p.equals(own) || !Files.isRegularFile(p)) continue;
                md.update((p.getFileName() + " " + Files.size(p) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // Code that cannot be read cannot be identified: an identity no later run shares.
            md.update(("unreadable " + System.nanoTime() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void digestFile(MessageDigest md, Path f) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(f)) {
            for (int n; (n = in.read(buffer)) > 0; ) md.update(buffer, 0, n);
        }
        md.update((byte) '\n');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
