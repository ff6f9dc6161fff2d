package org.comunidad.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Request bodies: the HTTP layer lets large bodies through (quarkus.http.limits.max-body-size)
 * because document uploads stream to the object store; every other route is held to its own
 * limit (BodyLimitsConfig), whether or not the body announces its length.
 *
 * <ul>
 * <li>Announced (Content-Length, what browsers always send for a form, files included): over the
 * limit, 413 before a byte is read, and the connection is closed; within it, the HTTP framing ends
 * the body there, so the REST layer's own parser cannot read more.</li>
 * <li>Chunked multipart (non-browser clients, e.g. Apache HttpClient): the bytes are counted as they
 * arrive by Vert.x Web's BodyHandler, which spools the files to the uploads directory and fails
 * past the limit (the spooled files are deleted, 413, the connection is closed); the REST layer
 * then takes the form it parsed instead of reading the request again. A handler cannot count the
 * bytes the REST layer's own parser reads (it installs its own data handler), hence this
 * hand-over; it needs HTTP/1.1 (over HTTP/2 the REST layer fails on a request already read:
 * quarkus.http.http2 is off, TLS and HTTP/2 end at the proxy).</li>
 * <li>Any other chunked body (JSON, urlencoded): 411, as before; clients can say how long it is.</li>
 * </ul>
 * Bodies are read before authentication: an anonymous client can make the server read at most one
 * route's limit (6 MiB on the news form, 1 MiB elsewhere) per request.
 */
@ApplicationScoped
public class BodyLimits {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String LIMIT = BodyLimits.class.getName() + ".limit";

    @Inject
    BodyLimitsConfig config;

    /** Where a chunked multipart body's files are spooled: the REST layer's own directory. */
    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    String uploadsDirectory;

    private final Map<Long, BodyHandler> counters = new ConcurrentHashMap<>();

    private record Family(Pattern path, long limit) {
    }

    private Pattern streamed;
    private final List<Family> families = new ArrayList<>();

    void install(@Observes Router router) {
        streamed = Pattern.compile(config.streamed());
        config.families().values().forEach(f -> families.add(new Family(Pattern.compile(f.path()), f.limit().asLongValue())));
        router.route().order(Integer.MIN_VALUE + 100).handler(this::limit).failureHandler(this::failed);
    }

    /** The limit of the route this path belongs to; -1 for the streamed document uploads. */
    long limitFor(String path) {
        if (streamed.matcher(path).matches()) {
            return -1;
        }
        for (Family family : families) {
            if (family.path().matcher(path).matches()) {
                return family.limit();
            }
        }
        return config.defaultLimit().asLongValue();
    }

    private void limit(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long limit = WITH_BODY.contains(request.method().name()) ? limitFor(ctx.normalizedPath()) : -1;
        if (limit < 0) {
            ctx.next();
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                refuse(ctx, 400, null, null);
                return;
            }
            if (declared > limit) {
                tooLarge(ctx, limit);
                return;
            }
        } else if (request.version() == HttpVersion.HTTP_2) {
            // HTTP/2 is off (quarkus.http.http2); should it come back, its bodies must announce their length.
            refuse(ctx, 411, null, null);
            return;
        } else if (request.getHeader("Transfer-Encoding") != null) {
            if (!isMultipart(request)) {
                refuse(ctx, 411, null, null);
                return;
            }
            ctx.put(LIMIT, limit);
            counters.computeIfAbsent(limit, l -> BodyHandler.create(uploadsDirectory).setBodyLimit(l)
                    .setHandleFileUploads(true).setDeleteUploadedFilesOnEnd(true).setMergeFormAttributes(true))
                    .handle(ctx);
            return;
        }
        ctx.next();
    }

    /**
     * The BodyHandler fails the request with 413 once a chunked body passes the limit; once that is
     * answered and the connection closed, the upload it was writing fails too: nothing more to say.
     */
    private void failed(RoutingContext ctx) {
        Long limit = ctx.get(LIMIT);
        if (limit != null && ctx.statusCode() == 413) {
            tooLarge(ctx, limit);
        } else if (limit != null && (ctx.response().ended() || ctx.response().closed())) {
            return;
        } else {
            ctx.next();
        }
    }

    private static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** 413 in the visitor's language (the browser's: the session is not read yet). */
    private static void tooLarge(RoutingContext ctx, long limit) {
        if (ErrorPages.isApiPath(ctx.normalizedPath())) {
            refuse(ctx, 413, "application/json", "{\"status\":413,\"error\":\"too_large\",\"limitBytes\":" + limit + "}");
        } else {
            String language = Languages.fromRequest(ctx.request());
            String megabytes = String.valueOf(Math.max(1, limit >> 20));
            refuse(ctx, 413, "text/html;charset=UTF-8",
                    ErrorPages.Templates.tooLarge(language, megabytes).setLocale(Locale.forLanguageTag(language)).render());
        }
    }

    /**
     * Answers without reading the body, then closes an HTTP/1.x connection, so that the rest of the
     * body is never read or stored (HTTP/2 has no Connection header: the stream ends with the answer).
     */
    private static void refuse(RoutingContext ctx, int status, String type, String body) {
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        HttpServerResponse response = ctx.response().setStatusCode(status);
        boolean http1 = ctx.request().version() != HttpVersion.HTTP_2;
        if (http1) {
            response.putHeader("Connection", "close");
        }
        if (type != null) {
            response.putHeader("Content-Type", type);
        }
        (body == null ? response.end() : response.end(body)).onComplete(done -> {
            if (http1) {
                lingerThenClose(ctx);
            }
        });
    }

    /** At most this long, and this many bytes, are read and dropped after the answer before closing. */
    static final long LINGER_MILLIS = 2_000;
    static final long LINGER_BYTES = 16L << 20;

    /**
     * A lingering close, as web servers do: closing at once while the client is still sending makes
     * the client's system reset the connection, and the client may lose the answer before reading
     * it. So what still arrives is dropped (never stored) for a moment, then the connection closes.
     */
    private static void lingerThenClose(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        var vertx = ctx.vertx();
        long[] dropped = { 0 };
        long timer = vertx.setTimer(LINGER_MILLIS, t -> request.connection().close());
        request.handler(data -> {
            dropped[0] += data.length();
            if (dropped[0] > LINGER_BYTES) {
                vertx.cancelTimer(timer);
                request.connection().close();
            }
        });
        request.endHandler(end -> {
            vertx.cancelTimer(timer);
            request.connection().close();
        });
        request.exceptionHandler(e -> vertx.cancelTimer(timer));
        request.resume();
    }
}
