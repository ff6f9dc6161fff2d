package org.comunidad.platform.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import jakarta.inject.Inject;

import org.comunidad.testsupport.ComunidadTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The object store through the MinIO client against the real in-process S3 server, over the network. */
@QuarkusTest
class ObjectStoreTest {

    @Inject
    ObjectStore store;

    @Test
    void writesStatsRangeReadsAndDeletesAnObject() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);
        String key = ObjectKeys.newKey("storage-test");

        ObjectStore.ObjectInfo written = store.put(key, new ByteArrayInputStream(content), content.length,
                "application/octet-stream");
        assertEquals(content.length, written.size());

        ObjectStore.ObjectInfo stat = store.stat(key).orElseThrow();
        assertEquals(content.length, stat.size());
        assertEquals("application/octet-stream", stat.contentType());

        // The bytes are really on the S3 server's disk, not in this JVM.
        Path s3Dir = ComunidadTestResource.services().s3().directory();
        try (var files = Files.walk(s3Dir)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(key.substring(key.lastIndexOf('/') + 1))),
                    "object file under " + s3Dir);
        }

        try (InputStream in = store.get(key)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        try (InputStream in = store.getRange(key, 1_000_000, 4096)) {
            assertArrayEquals(Arrays.copyOfRange(content, 1_000_000, 1_004_096), in.readAllBytes());
        }

        store.delete(key);
        assertFalse(store.stat(key).isPresent());
        assertThrows(StorageException.class, () -> store.get(key).close());
    }

    @Test
    void streamsAnObjectOfUnknownLengthInParts() throws Exception {
        byte[] content = new byte[40 * 1024 * 1024 + 5];
        new Random(7).nextBytes(content);
        String key = ObjectKeys.newKey("storage-test");
        store.put(key, new ByteArrayInputStream(content), -1, "application/pdf");
        assertEquals(content.length, store.stat(key).orElseThrow().size());
        try (InputStream in = store.getRange(key, content.length - 10, 10)) {
            assertArrayEquals(Arrays.copyOfRange(content, content.length - 10, content.length), in.readAllBytes());
        }
        store.delete(key);
    }

    @Test
    void keysAreGeneratedByTheServerUnderAFeaturePrefix() {
        String key = ObjectKeys.newKey("documents");
        assertTrue(key.matches("documents/\\d{4}/\\d{2}/[0-9a-f-]{36}"), key);
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.newKey("../etc"));
    }
}
