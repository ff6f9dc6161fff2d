package org.comunidad.document;


import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.storage.ObjectStore;
import org.comunidad.platform.storage.StorageUnavailable;
import org.comunidad.platform.web.ByteRange;

import io.quarkus.security.Authenticated;

/**
 * A document's bytes, streamed from the object store: the whole file or one byte range
 * (206, for resuming and seeking), as an attachment with a safe name, or inline for the
 * few types a browser shows safely (PDF and raster images). Every download is audited.
 */
@Path("/c/{slug}/documents/{id}")
@Authenticated
public class DocumentFileResource {


    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    DocumentUploads uploads;

    @Inject
    ObjectStore store;

    @GET
    @Path("file")
    public Response download(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("version") Integer version, @HeaderParam("Range") String range) {
        return serve(slug, id, version, range, false);
    }

    @GET
    @Path("preview")
    public Response preview(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("version") Integer version, @HeaderParam("Range") String range) {
        return serve(slug, id, version, range, true);
    }

    private Response serve(String slug, long id, Integer number, String range, boolean inline) {
        // While the store is down, 503 at once: no query, no audit row for a file that cannot be sent.
        if (!store.usable()) {
            throw new StorageUnavailable();
        }
        Viewer viewer = currentUser.viewer();
        Community community = communities.findVisible(viewer, slug).orElseThrow(NotFoundException::new);
        DocumentUploads.Download download = uploads.download(viewer, community, id, number, inline)
                .orElseThrow(NotFoundException::new);
        DocumentVersion version = download.version();
        long size = version.sizeBytes;
        Optional<ByteRange> asked = ByteRange.of(range, size);
        if (asked.isEmpty()) {
            return ByteRange.unsatisfiable(size);
        }
        long start = asked.get().start();
        long end = asked.get().end();
        boolean partial = asked.get().partial();
        long from = start;
        long length = end - start + 1;
        StreamingOutput body = uploads.stream(viewer, download, from, length, partial, inline);
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200).entity(body)
                .type(version.contentType)
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("ETag", "\"" + version.sha256 + "\"")
                .header("Content-Disposition", DocumentFiles.contentDisposition(inline, version.fileName))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store");
        if (partial) {
            response.header("Content-Range", "bytes " + from + "-" + end + "/" + size);
        }
        if (inline && "application/pdf".equals(version.contentType)) {
            // The browser's PDF viewer is a plugin: the pages' policy (object-src 'none') would
            // block it. A PDF runs no page script; it still may not be framed or submit forms.
            response.header("Content-Security-Policy", "frame-ancestors 'none'; form-action 'none'; base-uri 'none'");
        }
        return response.build();
    }

}
