package org.comunidad.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Formats;
import org.comunidad.platform.web.Forms;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.comunidad.platform.web.RateLimited;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;

/**
 * The documents tab of a working group or subgroup: folders, upload (raw bodies from the
 * page's script, with progress; a plain multipart form without script), the document's
 * page with versions and translations, editing, the trash. Downloads are in
 * {@link DocumentFileResource}.
 */
@Path("/c/{slug}/documents")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class DocumentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance folder(Community community, DocumentPages.FolderPage listing, FormState form,
                FormState folderForm, List<String> uploadErrors);

        static native TemplateInstance show(Community community, DocumentPages.DocumentPage page, FormState form,
                List<String> uploadErrors);

        static native TemplateInstance trash(Community group, DocumentPages.TrashPage page);
    }

    /** What the page's script gets back for each file. */
    public record UploadResult(long id, String url, String title) {
    }

    public record UploadError(int status, String error, String message, Map<String, String> fields) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    CommunityService communities;

    @Inject
    DocumentService documents;

    @Inject
    DocumentPages documentPages;

    @Inject
    DocumentUploads uploads;

    @Inject
    Forms forms;

    @Inject
    Formats formats;

    @Inject
    Pages pages;

    // ---- Folders and the documents in them

    @GET
    public TemplateInstance folder(@PathParam("slug") String slug, @QueryParam("folder") Long folderId,
            @QueryParam("page") Integer page, @QueryParam("uploaded") String uploaded) {
        Viewer viewer = currentUser.viewer();
        return pages.render(folderPage(viewer, community(viewer, slug), folderId, page == null ? 1 : page,
                FormState.empty("upload"), FormState.empty("folder"), List.of(), ids(uploaded)));
    }

    /** The upload script's "uploaded=1,2,3": the ids that parse, at most DocumentPages.UPLOADED_MAX. */
    static List<Long> ids(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(list.split(",", DocumentPages.UPLOADED_MAX + 1)).limit(DocumentPages.UPLOADED_MAX)
                .map(String::strip).filter(id -> id.matches("[0-9]{1,18}")).map(Long::valueOf).distinct().toList();
    }

    private TemplateInstance folderPage(Viewer viewer, Community community, Long folderId, FormState form,
            FormState folderForm, List<String> uploadErrors) {
        return folderPage(viewer, community, folderId, 1, form, folderForm, uploadErrors);
    }

    private TemplateInstance folderPage(Viewer viewer, Community community, Long folderId, int pageNumber,
            FormState form, FormState folderForm, List<String> uploadErrors) {
        return folderPage(viewer, community, folderId, pageNumber, form, folderForm, uploadErrors, List.of());
    }

    private TemplateInstance folderPage(Viewer viewer, Community community, Long folderId, int pageNumber,
            FormState form, FormState folderForm, List<String> uploadErrors, List<Long> uploaded) {
        DocumentPages.FolderPage page = documentPages.folder(viewer, community, folderId, pageNumber, uploaded)
                .orElseThrow(NotFoundException::new);
        return Templates.folder(community, page, form, folderForm, uploadErrors);
    }

    @POST
    @Path("folders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createFolder(@PathParam("slug") String slug, @RestForm("parent") Long parent, @RestForm String name) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        return pages.submit("folder", Pages.typed("name", name), () -> {
            Folder folder = documents.createFolder(viewer, community, parent, name).orElseThrow(NotFoundException::new);
            return Links.seeOther(folderUrl(community, folder.id));
        }, form -> folderPage(viewer, community, parent, FormState.empty("upload"), form, List.of()));
    }

    @POST
    @Path("folders/{folder}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renameFolder(@PathParam("slug") String slug, @PathParam("folder") long folderId,
            @RestForm String name) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        return pages.act("rename", Pages.typed("name", name),
                () -> documents.renameFolder(viewer, community, folderId, name), folderUrl(community, folderId),
                form -> folderPage(viewer, community, folderId, FormState.empty("upload"), form, List.of()));
    }

    @POST
    @Path("folders/{folder}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteFolder(@PathParam("slug") String slug, @PathParam("folder") long folderId) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        Folder deleted = documents.deleteFolder(viewer, community, folderId).orElseThrow(NotFoundException::new);
        return Links.seeOther(folderUrl(community, deleted.parentId));
    }

    // ---- Upload

    /**
     * One file as the request body (the page's script sends each file this way, showing
     * progress and allowing cancel). Metadata in the query; the file's name in X-File-Name
     * (percent-encoded UTF-8). Needs the CSRF token in the X-CSRF-TOKEN header.
     */
    @POST
    @Path("upload")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(RateLimited.Kind.UPLOADS)
    public Response uploadRaw(@PathParam("slug") String slug, @QueryParam("folder") Long folderId,
            @QueryParam("title") String title, @QueryParam("description") String description,
            @QueryParam("type") String type, @QueryParam("country") String country,
            @QueryParam("language") String language, @QueryParam("tags") String tags, @QueryParam("date") String date,
            @HeaderParam("X-File-Name") String encodedName, @HeaderParam("Content-Length") Long length,
            @HeaderParam("X-CSRF-TOKEN") String csrf, InputStream body) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        if (csrf == null || csrf.isBlank()) {
            // Present, the token is checked by the CSRF filter; absent, a cross-site request could post here.
            return jsonError(403, "csrf", "missing CSRF token", Map.of());
        }
        DocumentService.Metadata metadata = new DocumentService.Metadata(title, description, type, country, language,
                tags, date);
        return answered(() -> {
            Document document = uploads.upload(viewer, community, folderId, metadata, decode(encodedName),
                    length == null ? -1 : length, body).orElseThrow(NotFoundException::new);
            return created(community, document.id, document.title);
        });
    }

    /** The script's answer for one file stored: 201 with the document's address. */
    private static Response created(Community community, long documentId, String title) {
        String url = documentUrl(community, documentId);
        return Response.created(URI.create(url)).entity(new UploadResult(documentId, url, title)).build();
    }

    /** The script's answer for one file: 201, or the reason it was not stored, in the user's language. */
    private Response answered(java.util.function.Supplier<Response> upload) {
        try {
            return upload.get();
        } catch (UploadRefused refused) {
            return jsonError(refused.status(), refused.code().name(), message(refused), Map.of());
        } catch (InvalidInput invalid) {
            Map<String, String> fields = new LinkedHashMap<>();
            invalid.violations().forEach(v -> fields.putIfAbsent(v.field(), forms.message(v)));
            return jsonError(400, "invalid", String.join(" ", fields.values()), fields);
        } catch (Refused refused) {
            return jsonError(403, refused.reason().name(), forms.message(refused), Map.of());
        }
    }

    /** The same without script: a multipart form with one or more files (spooled to disk by the server first). */
    @POST
    @Path("upload-form")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Kind.UPLOADS)
    public Response uploadForm(@PathParam("slug") String slug, @RestForm("folder") Long folder, @RestForm String title,
            @RestForm String description, @RestForm String type, @RestForm String country,
            @RestForm String language, @RestForm String tags, @RestForm String date,
            @RestForm("files") List<FileUpload> files) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        DocumentService.Metadata metadata = new DocumentService.Metadata(title, description, type, country, language,
                tags, date);
        Map<String, String> typed = typed(metadata);
        List<FileUpload> chosen = files == null ? List.of() : files.stream().filter(f -> f.size() > 0).toList();
        if (chosen.isEmpty()) {
            return Response.status(400).entity(pages.render(folderPage(viewer, community, folder,
                    new FormState("upload", typed, Map.of()), FormState.empty("folder"),
                    List.of(messages().upload_no_file())))).build();
        }
        Document last = null;
        List<String> errors = new java.util.ArrayList<>();
        int status = 400;
        for (FileUpload file : chosen) {
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                last = uploads.upload(viewer, community, folder, metadata, file.fileName(), file.size(), in)
                        .orElseThrow(NotFoundException::new);
            } catch (UploadRefused refused) {
                // The page answers as the script's route does (413 over quota or size, 415 for a type).
                if (errors.isEmpty()) {
                    status = refused.status();
                }
                errors.add(DocumentFiles.safeFileName(file.fileName()) + ": " + message(refused));
            } catch (InvalidInput invalid) {
                // Not pages.submit: the files before this one are stored, and the page lists those refused.
                return Response.status(400).entity(pages.render(folderPage(viewer, community, folder,
                        forms.failed("upload", invalid, typed), FormState.empty("folder"), errors))).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!errors.isEmpty()) {
            return Response.status(status).entity(pages.render(folderPage(viewer, community, folder,
                    new FormState("upload", typed, Map.of()), FormState.empty("folder"), errors))).build();
        }
        return Links.seeOther(chosen.size() == 1 && last != null ? documentUrl(community, last.id)
                : folderUrl(community, folder));
    }

    // ---- One document

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        return pages.render(showPage(viewer, community(viewer, slug), id, FormState.empty("edit"), List.of()));
    }

    private TemplateInstance showPage(Viewer viewer, Community community, long id, FormState form,
            List<String> uploadErrors) {
        DocumentPages.DocumentPage page = documentPages.document(viewer, community, id)
                .orElseThrow(NotFoundException::new);
        return Templates.show(community, page, form, uploadErrors);
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String description, @RestForm String type, @RestForm String country,
            @RestForm String language, @RestForm String tags, @RestForm String date, @RestForm("folder") Long folder) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        DocumentService.Metadata metadata = new DocumentService.Metadata(title, description, type, country, language,
                tags, date);
        Map<String, String> typed = typed(metadata);
        typed.put("folder", folder == null ? "" : folder.toString());
        return pages.act("edit", typed,
                () -> documents.edit(viewer, community, id, metadata, folder == null ? 0L : folder),
                documentUrl(community, id), form -> showPage(viewer, community, id, form, List.of()));
    }

    /** A new version from the page's script (raw body, like {@link #uploadRaw}). */
    @POST
    @Path("{id}/versions")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RateLimited(RateLimited.Kind.UPLOADS)
    public Response versionRaw(@PathParam("slug") String slug, @PathParam("id") long id,
            @QueryParam("comment") String comment, @HeaderParam("X-File-Name") String encodedName,
            @HeaderParam("Content-Length") Long length, @HeaderParam("X-CSRF-TOKEN") String csrf, InputStream body) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        if (csrf == null || csrf.isBlank()) {
            return jsonError(403, "csrf", "missing CSRF token", Map.of());
        }
        return answered(() -> {
            DocumentVersion version = uploads.addVersion(viewer, community, id, comment, decode(encodedName),
                    length == null ? -1 : length, body).orElseThrow(NotFoundException::new);
            return created(community, id, version.fileName);
        });
    }

    @POST
    @Path("{id}/versions-form")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RateLimited(RateLimited.Kind.UPLOADS)
    public Response versionForm(@PathParam("slug") String slug, @PathParam("id") long id,
            @RestForm String comment, @RestForm("file") FileUpload file) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        Map<String, String> typed = Pages.typed("comment", comment);
        FormState asTyped = new FormState("version", typed, Map.of());
        if (file == null || file.size() == 0) {
            return Response.status(400).entity(pages.render(showPage(viewer, community, id, asTyped,
                    List.of(messages().upload_no_file())))).build();
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return pages.act("version", typed,
                    () -> uploads.addVersion(viewer, community, id, comment, file.fileName(), file.size(), in),
                    Links.community(community.slug, "documents", id, "#versions"),
                    form -> showPage(viewer, community, id, form, List.of()));
        } catch (UploadRefused refused) {
            return Response.status(refused.status()).entity(pages.render(showPage(viewer, community, id, asTyped,
                    List.of(message(refused))))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("{id}/translations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm("other") Long other) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        return pages.act("translation", Map.of(),
                () -> documents.linkTranslation(viewer, community, id, other == null ? -1 : other),
                documentUrl(community, id), form -> showPage(viewer, community, id, form, List.of()));
    }

    @POST
    @Path("{id}/translations/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        documents.unlinkTranslation(viewer, community, id).orElseThrow(NotFoundException::new);
        return Links.seeOther(documentUrl(community, id));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        Document deleted = documents.delete(viewer, community, id).orElseThrow(NotFoundException::new);
        return Links.seeOther(folderUrl(community, deleted.folderId));
    }

    // ---- Trash (of the whole working group)

    @GET
    @Path("trash")
    public TemplateInstance trash(@PathParam("slug") String slug) {
        Viewer viewer = currentUser.viewer();
        Community group = community(viewer, slug);
        DocumentPages.TrashPage page = documentPages.trash(viewer, group).orElseThrow(NotFoundException::new);
        return pages.render(Templates.trash(group, page));
    }

    @POST
    @Path("trash/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        DocumentService.Restored restored = documents.restore(viewer, community(viewer, slug), id)
                .orElseThrow(NotFoundException::new);
        return Links.seeOther(Links.community(restored.communitySlug(), "documents", restored.documentId()));
    }

    // ---- Helpers

    /** The community of the address, if the viewer may see it (else 404). */
    private Community community(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).orElseThrow(NotFoundException::new);
    }

    private static String folderUrl(Community community, Long folderId) {
        return Links.community(community.slug, "documents", folderId == null ? null : "?folder=" + folderId);
    }

    private static String documentUrl(Community community, long documentId) {
        return Links.community(community.slug, "documents", documentId);
    }

    /** The metadata as typed, to fill the form in again. */
    private static Map<String, String> typed(DocumentService.Metadata metadata) {
        return Pages.typed("title", metadata.title(), "description", metadata.description(), "type", metadata.type(),
                "country", metadata.country(), "language", metadata.language(), "tags", metadata.tags(),
                "date", metadata.date());
    }

    private static String decode(String encodedName) {
        if (encodedName == null) {
            return null;
        }
        try {
            return URLDecoder.decode(encodedName.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encodedName;
        }
    }

    private DocMessages messages() {
        return MessageBundles.get(DocMessages.class, Localized.Literal.of(currentUser.language()));
    }

    String message(UploadRefused refused) {
        DocMessages msg = messages();
        String text = msg.refused(refused.code());
        if (refused.limit() > 0) {
            text += " " + msg.limit_is(formats.bytes(refused.limit()));
        }
        return text;
    }

    private static Response jsonError(int status, String error, String message, Map<String, String> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new UploadError(status, error, message, fields)).build();
    }

}
