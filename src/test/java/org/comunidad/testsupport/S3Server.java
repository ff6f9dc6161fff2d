package org.comunidad.testsupport;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * A real S3 API server in this JVM (S3Proxy over a folder), so the MinIO client code
 * that runs against MinIO in production runs unchanged here.
 */
public final class S3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "comunidad-local";
    public static final String SECRET_KEY = "comunidad-local-secret";

    private final S3Proxy proxy;
    private final int port;
    private final Path directory;

    private S3Server(S3Proxy proxy, int port, Path directory) {
        this.proxy = proxy;
        this.port = port;
        this.directory = directory;
    }

    public static S3Server start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("filesystem", properties))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(20);
            }
            return new S3Server(proxy, port, directory);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the S3 server", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    public boolean isRunning() {
        return "STARTED".equals(proxy.getState());
    }

    public void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the S3 server", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
