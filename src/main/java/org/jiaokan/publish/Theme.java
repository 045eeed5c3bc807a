package org.jiaokan.publish;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The site theme: stylesheets, CSS, scripts and interface strings. A file is taken from the
 * edition's own {@code EDITION/site/<path>} when it is there, else from the theme bundled in the
 * jar ({@code org/jiaokan/site/<path>}), so an edition overrides any single file of the theme.
 */
public final class Theme {
    /** The URI scheme under which stylesheets are compiled, so that imports resolve through the theme. */
    public static final String SCHEME = "jiaokan-theme";
    private static final String BUNDLE = "org/jiaokan/site/";

    private final Path override;

    /** @param override the edition's {@code site/} folder, or null for the bundled theme alone */
    public Theme(Path override) {
        this.override = override == null ? null : override.toAbsolutePath().normalize();
    }

    /** The theme URI of a theme path ({@code xslt/html/doc.xsl} → {@code jiaokan-theme:/xslt/html/doc.xsl}). */
    public static URI uri(String path) {
        return URI.create(SCHEME + ":/" + path);
    }

    /** The theme path of a theme URI, or empty when the URI is outside the theme. */
    public static Optional<String> path(URI uri) {
        if (!SCHEME.equals(uri.getScheme()) || uri.getPath() == null) return Optional.empty();
        String p = uri.normalize().getPath();
        if (!p.startsWith("/") || p.contains("/../") || p.startsWith("/..")) return Optional.empty();
        return Optional.of(p.substring(1));
    }

    /** The bytes of a theme file. */
    public byte[] bytes(String path) throws IOException {
        Optional<Path> own = ownFile(path);
        if (own.isPresent()) {
            // A link out of the theme's folder is not followed: the edition's theme publishes nothing of the machine.
            if (!org.jiaokan.io.SafePaths.within(override, own.get())) {
                throw new IOException(own.get() + ": a symbolic link out of the edition's theme folder (to " + own.get().toRealPath() + "); not read");
            }
            return Files.readAllBytes(own.get());
        }
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(BUNDLE + path)) {
            if (in == null) throw new IOException("no theme file " + path);
            return in.readAllBytes();
        }
    }

    /**
     * What identifies the theme's files below {@code folder} ("" for all of them): "bundled" when the edition
     * overrides none of them, else a SHA-256 over the override folder and the paths and bytes of its files there,
     * so that a compiled stylesheet may be kept for the next run with the same theme.
     */
    public String fingerprint(String folder) throws IOException {
        if (override == null) return "bundled";
        Path dir = override.resolve(folder).normalize();
        if (!dir.startsWith(override) || !Files.isDirectory(dir)) return "bundled";
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(override.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            md.update((byte) 0);
            md.update(override.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Files.readAllBytes(f));
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /** Whether the edition has its own file for this theme path. */
    public boolean overrides(String path) {
        return ownFile(path).isPresent();
    }

    /** Where a theme file comes from, for messages. */
    public String origin(String path) {
        return ownFile(path).map(Path::toString).orElse("(bundled theme) " + path);
    }

    private Optional<Path> ownFile(String path) {
        if (override == null || path.isEmpty()) return Optional.empty();
        Path p = override.resolve(path).normalize();
        if (!p.startsWith(override) || !Files.isRegularFile(p)) return Optional.empty();
        return Optional.of(p);
    }
}
