package org.comunidad.platform.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The S3-compatible object store that keeps documents and recordings. */
@ConfigMapping(prefix = "comunidad.storage")
public interface StorageConfig {

    /** S3 endpoint, e.g. https://minio.example.org:9000. */
    String endpoint();

    String accessKey();

    String secretKey();

    /** The bucket of this installation; created at start if missing. */
    @WithDefault("comunidad")
    String bucket();

    /** S3Proxy and MinIO accept any region; the client needs one to sign without asking the server. */
    @WithDefault("us-east-1")
    String region();

    /** Size of each part of a multipart upload of unknown length (S3's minimum is 5 MiB). */
    @WithDefault("16777216")
    long partSize();

    /** How long a connection to the store may take to open (refused: at once; no answer: this). */
    @WithDefault("2s")
    java.time.Duration connectTimeout();

    /**
     * How long a read or write on an open connection may wait (per packet, not per object); a
     * store that accepts and never answers fails a call in flight after this.
     */
    @WithDefault("60s")
    java.time.Duration readTimeout();

    /** The readiness probe's read timeout. */
    @WithDefault("2s")
    java.time.Duration probeTimeout();
}
