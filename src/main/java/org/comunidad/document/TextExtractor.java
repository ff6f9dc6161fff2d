package org.comunidad.document;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.fork.ForkParser;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.comunidad.platform.storage.StorageException;
import org.jboss.logging.Logger;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text of untrusted files in a separate JVM through Tika's {@link ForkParser}:
 * a file that makes a parser loop or eat memory costs that process, never the app. The
 * process has its own heap limit (its -Xmx: the memory bound per file, as files are read
 * one at a time); a file that takes longer than the time limit gets the process stopped
 * by its own watchdog, and the next file starts a new one. The text is bounded too: the
 * parser stops, inside the process, once it has produced the most text search keeps.
 *
 * The process is started with the app's own java and gets the parser (and every class
 * it needs) from the app's class loader over its pipe (ForkParser's class-loader mode),
 * so it needs no directory of jars and works alike in tests, dev mode and the packaged
 * app. Costs measured in docs/text-extraction.md.
 */
@ApplicationScoped
public class TextExtractor {

    private static final Logger LOG = Logger.getLogger(TextExtractor.class);

    /** What came out of one file: its text, or why there is none. */
    public record Result(String text, TextFailure failure) {
        static Result of(String text) {
            return new Result(text, null);
        }

        static Result failed(TextFailure failure) {
            return new Result(null, failure);
        }
    }

    @Inject
    DocumentConfig config;

    /** Guarded by this; null until the first file, and after a process was found unfit. */
    private ForkParser fork;

    /**
     * The text of one file, at most {@link DocumentConfig#maxTextChars()} characters. Files
     * larger than the extraction limit are not read. Throws StorageException when the file
     * could not be read from the store (nothing is known about the file then).
     */
    public synchronized Result extract(InputStream stored, long size, String fileName, String contentType) {
        DocumentConfig.Extraction limits = config.extraction();
        if (size > limits.maxFileBytes()) {
            return Result.failed(TextFailure.TOO_LARGE);
        }
        Watched in = new Watched(stored);
        ToTextContentHandler text = new ToTextContentHandler();
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        metadata.set(Metadata.CONTENT_TYPE, contentType);
        long started = System.nanoTime();
        try {
            fork().parse(in, text, metadata, new ParseContext());
            if (in.failure != null) {
                throw new StorageException("could not read the file for extraction", in.failure);
            }
            return Result.of(text.toString());
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            if (e instanceof StorageException storage) {
                throw storage;
            }
            if (in.failure != null) {
                // The store failed while the process was reading: the file is not to blame.
                throw new StorageException("could not read the file for extraction", in.failure);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            TextFailure failure = classify(e, millis >= limits.timeout().toMillis());
            if (failure == TextFailure.MEMORY || failure == TextFailure.CRASHED) {
                // Start afresh: a process that ran out of memory may hold on to what it has.
                recycle();
            }
            LOG.warnf("text not extracted from %s (%s, %d bytes) after %d ms: %s (%s)", fileName, contentType, size,
                    millis, failure, e.toString());
            return Result.failed(failure);
        }
    }

    /**
     * Why a parse failed. ForkParser says "Failed to communicate with a forked parser
     * process" when the process went away: past the time limit its watchdog stopped it,
     * otherwise it died. An error the parser raised inside the process comes back as
     * itself (an OutOfMemoryError wrapped in a TikaException).
     */
    static TextFailure classify(Exception e, boolean pastTimeLimit) {
        if (pastTimeLimit) {
            return TextFailure.TIMEOUT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return TextFailure.MEMORY;
            }
        }
        if (e instanceof TikaException && e.getMessage() != null
                && e.getMessage().startsWith("Failed to communicate with a forked parser process")) {
            return TextFailure.CRASHED;
        }
        return TextFailure.PARSE_ERROR;
    }

    private ForkParser fork() {
        if (fork == null) {
            DocumentConfig.Extraction limits = config.extraction();
            ClassLoader loader = TextExtractor.class.getClassLoader();
            ForkParser parser = new ForkParser(loader, new BoundedParser(new AutoDetectParser(tikaConfig(loader)),
                    config.maxTextChars()));
            parser.setJavaCommand(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + limits.maxHeap(), "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                    "-Dfile.encoding=UTF-8",
                    // The process has no Log4j backend (parsers' errors still reach stderr): no
                    // "could not find a logging provider" line each time one starts.
                    "-Dlog4j2.statusLoggerLevel=OFF"));
            parser.setPoolSize(1);
            long timeout = limits.timeout().toMillis();
            parser.setServerParseTimeoutMillis(timeout);
            // The watchdog looks this often: a file is stopped at most this long after its limit.
            parser.setServerPulseMillis(Math.max(100, Math.min(1000, timeout / 10)));
            parser.setServerWaitTimeoutMillis(limits.idle().toMillis());
            parser.setMaxFilesProcessedPerServer(limits.filesPerProcess());
            fork = parser;
        }
        return fork;
    }

    /**
     * Tika's parsers and types as the app's class loader sees them, so that what the app
     * ships (services, custom-mimetypes.xml) counts as it does for the type check on upload.
     */
    private static TikaConfig tikaConfig(ClassLoader loader) {
        try {
            return new TikaConfig(loader);
        } catch (TikaException | IOException e) {
            throw new IllegalStateException("Tika's default configuration cannot be read", e);
        }
    }

    private void recycle() {
        if (fork != null) {
            fork.close();
            fork = null;
        }
    }

    @PreDestroy
    synchronized void close() {
        recycle();
    }

    /**
     * Runs inside the extraction process: Tika's detection and parsers, keeping the body's
     * text only, and stopping the parse once maxChars characters have come out (the text
     * search keeps) instead of reading the rest of a huge file for nothing.
     */
    static final class BoundedParser implements Parser {

        private static final long serialVersionUID = 1L;

        private final Parser parser;
        private final int maxChars;

        BoundedParser(Parser parser, int maxChars) {
            this.parser = parser;
            this.maxChars = maxChars;
        }

        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return parser.getSupportedTypes(context);
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
                throws IOException, SAXException, TikaException {
            try {
                parser.parse(stream, new BodyContentHandler(new WriteOutContentHandler(handler, maxChars)), metadata,
                        context);
            } catch (IOException | SAXException | TikaException e) {
                if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                    throw e;
                }
            }
        }
    }

    /** Remembers a failure of the stored file's stream (ForkParser reports it as the end of the file). */
    private static final class Watched extends FilterInputStream {
        IOException failure;

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
