package org.comunidad.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import io.quarkus.security.Authenticated;

/**
 * A document's bytes, streamed from the object store: the whole file or one byte range
 * (206, for resuming and seeking), as an attachment with a safe name, or inline for the
 * few types a browser shows safely (PDF and raster images). Every download is audited.
 */
@Path("/c/{slug}/documents/{id}")
@Authenticated
public class DocumentFileResource {

    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    DocumentUploads uploads;

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
        Viewer viewer = currentUser.viewer();
        Community community = communities.findVisible(viewer, slug).orElseThrow(NotFoundException::new);
        DocumentUploads.Download download = uploads.download(viewer, community, id, number, inline)
                .orElseThrow(NotFoundException::new);
        DocumentVersion version = download.version();
        long size = version.sizeBytes;
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null && !range.isBlank()) {
            Matcher m = RANGE.matcher(range.strip());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                return unsatisfiable(size);
            }
            try {
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    if (suffix == 0) {
                        return unsatisfiable(size);
                    }
                    start = Math.max(0, size - suffix);
                } else {
                    start = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        end = Math.min(end, Long.parseLong(m.group(2)));
                    }
                }
            } catch (NumberFormatException e) {
                return unsatisfiable(size);
            }
            if (start >= size || start > end) {
                return unsatisfiable(size);
            }
            partial = true;
        }
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

    private static Response unsatisfiable(long size) {
        return Response.status(416).header("Content-Range", "bytes */" + size).build();
    }
}
