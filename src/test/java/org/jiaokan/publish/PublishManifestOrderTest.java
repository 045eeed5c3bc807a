package org.jiaokan.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifest is written in its names' order, whether the one read was in that order or not. */
class PublishManifestOrderTest {
    @TempDir
    Path tmp;

    @Test
    void namesKeptAddedAndDroppedComeOutSorted() throws Exception {
        Path out = tmp.resolve("site");
        Random random = new Random(3);
        List<String> first = new ArrayList<>();
        PublishManifest m = PublishManifest.load(out);
        for (int i = 0; i < 2000; i++) {
            String name = (random.nextBoolean() ? "doc " : "entry ") + Integer.toString(random.nextInt(1_000_000), 36) + (i % 7 == 0 ? "张" : "");
            first.add(name);
            m.put(name, "k", null, List.of());
        }
        m.save();
        List<String> expected = new ArrayList<>();
        PublishManifest again = PublishManifest.load(out);
        for (String name : first) {
            if (name.hashCode() % 3 == 0) continue; // gone from this run
            assertTrue(again.find(name, "k").isPresent(), name);
            expected.add(name);
        }
        for (int i = 0; i < 300; i++) {
            String name = "doc " + Integer.toString(random.nextInt(1_000_000), 36) + "-new";
            again.put(name, "k2", null, List.of());
            expected.add(name);
        }
        expected = new ArrayList<>(new java.util.TreeSet<>(expected));
        assertEquals(expected, again.sortedNames());
        again.save();
        assertEquals(expected, names(PublishManifest.location(out)));
    }

    @Test
    void aManifestNotInOrderIsWrittenSorted() throws Exception {
        Path out = tmp.resolve("site");
        Path file = manifestOfThree(out);
        byte[] bytes = Files.readAllBytes(file);
        int magic = ByteBuffer.wrap(bytes).getInt(), format = ByteBuffer.wrap(bytes).getInt(4);
        // the same entries in another order, as another writer may have left them
        org.jiaokan.io.SealedFiles.write(file, magic, format, o -> {
            o.writeInt(3);
            for (String name : List.of("c", "a", "b")) {
                o.writeUTF(name);
                o.writeUTF("k");
                o.writeInt(0);
                o.writeInt(0);
            }
        });
        PublishManifest read = PublishManifest.load(out);
        read.carry(name -> true);
        assertEquals(List.of("a", "b", "c"), read.sortedNames());
        read.save();
        assertArrayEquals(bytes, Files.readAllBytes(file), "the same bytes as the manifest written in order");
    }

    /** A run that kept every output as it was leaves the manifest file alone; an entry made anew or dropped writes it. */
    @Test
    void aManifestAsItWasReadIsNotWrittenAgain() throws Exception {
        Path out = tmp.resolve("site");
        Path file = manifestOfThree(out);
        byte[] bytes = Files.readAllBytes(file);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);

        PublishManifest same = PublishManifest.load(out);
        for (String name : List.of("a", "b")) assertTrue(same.find(name, "k").isPresent());
        same.carry(name -> name.equals("c"));
        Files.setLastModifiedTime(file, old);
        same.save();
        assertEquals(old, Files.getLastModifiedTime(file), "not written again");

        // Written again: an entry put anew (even as it was), one dropped, a manifest gone (one not in order: the test above).
        PublishManifest put = PublishManifest.load(out);
        put.carry(name -> !name.equals("b"));
        put.put("b", "k", null, List.of());
        put.save();
        assertTrue(!old.equals(Files.getLastModifiedTime(file)), "written after a put");
        assertArrayEquals(bytes, Files.readAllBytes(file));
        PublishManifest dropped = PublishManifest.load(out);
        dropped.carry(name -> !name.equals("c"));
        Files.setLastModifiedTime(file, old);
        dropped.save();
        assertEquals(List.of("a", "b"), names(file));
        Files.delete(file);
        same.save();
        assertArrayEquals(bytes, Files.readAllBytes(file), "a manifest gone is written again");
    }

    /** The manifest of {@code out} with the entries a, b and c (key k, no payload, no files), saved: its file. */
    private static Path manifestOfThree(Path out) throws Exception {
        PublishManifest m = PublishManifest.load(out);
        for (String name : List.of("a", "b", "c")) m.put(name, "k", null, List.of());
        m.save();
        return PublishManifest.location(out);
    }

    private static List<String> names(Path manifest) throws Exception {
        byte[] bytes = Files.readAllBytes(manifest);
        int magic = ByteBuffer.wrap(bytes).getInt(), format = ByteBuffer.wrap(bytes).getInt(4);
        DataInputStream in = org.jiaokan.io.SealedFiles.open(manifest, magic, format);
        List<String> names = new ArrayList<>();
        for (int n = in.readInt(), i = 0; i < n; i++) {
            names.add(in.readUTF());
            in.readUTF();
            in.readNBytes(in.readInt());
            for (int f = in.readInt(), j = 0; j < f; j++) {
                in.readUTF();
                in.readLong();
                in.readLong();
            }
        }
        return names;
    }
}
