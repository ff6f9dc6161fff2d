package org.comunidad.meeting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.web.ByteRange;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.CommunityRef;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * A meeting's recordings: upload (a multipart form; the server spools the file, then it streams to
 * the object store), playback streamed from the store with byte ranges (206, for seeking in the
 * page's player; 416 outside the file), and deletion. Members of the group play them; those who
 * run the meeting upload and delete; anyone else gets 404 whatever ID they try.
 */
@Path("/c/{slug}/meetings/{id}/recordings")
@Authenticated
public class RecordingResource {


    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String slug, long meetingId, String message, long maxBytes);

        static native TemplateInstance list(MeetingRecordings.RecordingsPage recordings, MeetingPage page);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingRecordings recordings;

    @Inject
    MeetingRecordingConfig config;

    @Inject
    Pages pages;

    /** The meeting's recordings on a page of their own (the meeting's page shows the same section). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@PathParam("slug") String slug, @PathParam("id") long id) {
        MeetingRecordings.RecordingsPage recordingsPage = recordings.page(currentUser.viewer(), CommunityRef.slug(slug), id)
                .orElseThrow(NotFoundException::new);
        return pages.render(Templates.list(recordingsPage, recordingsPage.page()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @RateLimited(RateLimited.Kind.UPLOADS)
    public Response upload(@PathParam("slug") String slug, @PathParam("id") long id,
            @RestForm("file") FileUpload file) {
        Viewer viewer = currentUser.viewer();
        try {
            if (file == null || file.size() == 0) {
                // Still 404 for whoever may not see the meeting, 403 for whoever may not upload.
                recordings.upload(viewer, CommunityRef.slug(slug), id, null, 0, InputStream.nullInputStream())
                        .orElseThrow(NotFoundException::new);
                throw new RecordingRefused(RecordingRefused.Code.EMPTY, 0);
            }
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                recordings.upload(viewer, CommunityRef.slug(slug), id, file.fileName(), file.size(), in)
                        .orElseThrow(NotFoundException::new);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } catch (RecordingRefused refused) {
            return Response.status(refused.status())
                    .entity(pages.render(Templates.refused(slug, id,
                            refused.code().message(currentUser.language(), refused.limit()), config.maxBytes())))
                    .build();
        }
        return Links.seeOther(Links.community(slug, "meetings", id, "#recordings"));
    }

    @GET
    @Path("{rid}")
    public Response play(@PathParam("slug") String slug, @PathParam("id") long id, @PathParam("rid") long rid,
            @HeaderParam("Range") String range) {
        Viewer viewer = currentUser.viewer();
        MeetingRecordings.Playback playback = recordings.playback(viewer, CommunityRef.slug(slug), id, rid)
                .orElseThrow(NotFoundException::new);
        long size = playback.sizeBytes();
        Optional<ByteRange> asked = ByteRange.of(range, size);
        if (asked.isEmpty()) {
            return ByteRange.unsatisfiable(size);
        }
        long start = asked.get().start();
        long end = asked.get().end();
        boolean partial = asked.get().partial();
        long length = end - start + 1;
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200)
                .entity(recordings.stream(viewer, playback, start, length))
                .type(playback.contentType())
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", inline(playback.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store");
        if (partial) {
            response.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        return response.build();
    }

    @POST
    @Path("{rid}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id, @PathParam("rid") long rid) {
        recordings.delete(currentUser.viewer(), CommunityRef.slug(slug), id, rid).orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(slug, "meetings", id, "#recordings"));
    }


    /** RFC 6266: an ASCII fallback name and the exact one in UTF-8 (RFC 5987). */
    static String inline(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
