package org.jiaokan.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** A store's folder is made with its first file, and its files are written in it. */
class DocumentFilesTest {
    @TempDir
    Path tmp;

    @Test
    void writesInItsFolderMadeOnce() throws Exception {
        DocumentFiles files = new DocumentFiles(tmp.resolve("store"), "test-doc");
        byte[] a = "一".getBytes(StandardCharsets.UTF_8);
        byte[] b = "二".getBytes(StandardCharsets.UTF_8);
        files.write("a.xml", a); // the folder is made
        files.write("b.xml", b); // the folder is there now
        assertArrayEquals(a, Files.readAllBytes(files.file("a.xml")));
        assertArrayEquals(b, Files.readAllBytes(files.file("b.xml")));
    }
}
