package org.jiaokan.read;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The facts about a source file's bytes that every reader records: its digest, and that it has content. */
final class FileFacts {

    private FileFacts() {}

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }

    static void requireNonEmpty(byte[] bytes) throws ReadException {
        if (bytes.length == 0) throw new ReadException("empty file");
    }
}
