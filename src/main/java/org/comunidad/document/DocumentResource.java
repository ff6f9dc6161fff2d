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
import jakarta.transaction.Transactional;
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
import org.comunidad.community.Country;
import org.comunidad.platform.content.InvalidInput;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.content.WhatsNew;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Formats;
import org.comunidad.platform.web.Forms;
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
        static native TemplateInstance folder(Community community, DocumentService.Listing listing,
                List<Community> subgroups, DocumentService.Quota quota, List<Country> countries, long maxBytes,
                FormState form, FormState folderForm, List<String> uploadErrors);

        static native TemplateInstance show(Community community, Document document, List<DocumentVersion> versions,
                List<Document> translations, List<Document> candidates, List<Folder> folders, List<Country> countries,
                boolean mayEdit, boolean mayDelete, FormState form, List<String> uploadErrors);

        static native TemplateInstance trash(Community group, List<Document> documents, DocumentService service);
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
    DocumentUploads uploads;

    @Inject
    DocumentConfig config;

    @Inject
    WhatsNew whatsNew;

    @Inject
    Forms forms;

    @Inject
    Formats formats;

    @Inject
    Pages pages;

    // ---- Folders and the documents in them

    @GET
    @Transactional
    public TemplateInstance folder(@PathParam("slug") String slug, @QueryParam("folder") Long folderId) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        if (folderId == null) {
            whatsNew.visit(viewer.memberId(), community.id, DocumentContributions.TAB);
        }
        return folderPage(viewer, community, folderId, FormState.empty("upload"), FormState.empty("folder"), List.of());
    }

    private TemplateInstance folderPage(Viewer viewer, Community community, Long folderId, FormState form,
            FormState folderForm, List<String> uploadErrors) {
        DocumentService.Listing listing = documents.listing(viewer, community, folderId)
                .orElseThrow(NotFoundException::new);
        List<Community> subgroups = community.isGroup() && folderId == null
                ? Community.subgroupsOf(List.of(community.id)) : List.of();
        return pages.render(Templates.folder(community, listing, subgroups, documents.quota(community.groupId()),
                Country.all(), config.maxBytes(), form, folderForm, uploadErrors));
    }

    @POST
    @Path("folders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createFolder(@PathParam("slug") String slug, @RestForm("parent") Long parent, @RestForm String name) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        try {
            Folder folder = documents.createFolder(viewer, community, parent, name);
            return seeOther(folderUrl(community, folder.id));
        } catch (InvalidInput invalid) {
            FormState form = forms.failed("folder", invalid, Map.of("name", name == null ? "" : name));
            return Response.status(400).entity(folderPage(viewer, community, parent, FormState.empty("upload"), form,
                    List.of())).build();
        }
    }

    @POST
    @Path("folders/{folder}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renameFolder(@PathParam("slug") String slug, @PathParam("folder") long folderId,
            @RestForm String name) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        try {
            documents.renameFolder(viewer, community, folderId, name);
            return seeOther(folderUrl(community, folderId));
        } catch (InvalidInput invalid) {
            FormState form = forms.failed("rename", invalid, Map.of("name", name == null ? "" : name));
            return Response.status(400).entity(folderPage(viewer, community, folderId, FormState.empty("upload"), form,
                    List.of())).build();
        }
    }

    @POST
    @Path("folders/{folder}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteFolder(@PathParam("slug") String slug, @PathParam("folder") long folderId) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        Long parent = documents.deleteFolder(viewer, community, folderId);
        return seeOther(folderUrl(community, parent));
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
                    length == null ? -1 : length, body);
            String url = "/c/" + community.slug + "/documents/" + document.id;
            return Response.created(URI.create(url)).entity(new UploadResult(document.id, url, document.title)).build();
        });
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
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("description", description);
        typed.put("type", type);
        typed.put("country", country);
        typed.put("language", language);
        typed.put("tags", tags);
        typed.put("date", date);
        List<FileUpload> chosen = files == null ? List.of() : files.stream().filter(f -> f.size() > 0).toList();
        if (chosen.isEmpty()) {
            return Response.status(400).entity(folderPage(viewer, community, folder,
                    new FormState("upload", clean(typed), Map.of()), FormState.empty("folder"),
                    List.of(messages().upload_no_file()))).build();
        }
        Document last = null;
        List<String> errors = new java.util.ArrayList<>();
        int status = 400;
        for (FileUpload file : chosen) {
            try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                last = uploads.upload(viewer, community, folder, metadata, file.fileName(), file.size(), in);
            } catch (UploadRefused refused) {
                // The page answers as the script's route does (413 over quota or size, 415 for a type).
                if (errors.isEmpty()) {
                    status = refused.status();
                }
                errors.add(DocumentFiles.safeFileName(file.fileName()) + ": " + message(refused));
            } catch (InvalidInput invalid) {
                return Response.status(400).entity(folderPage(viewer, community, folder,
                        forms.failed("upload", invalid, typed), FormState.empty("folder"), errors)).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!errors.isEmpty()) {
            return Response.status(status).entity(folderPage(viewer,
                    community, folder, new FormState("upload", clean(typed), Map.of()), FormState.empty("folder"),
                    errors)).build();
        }
        return seeOther(chosen.size() == 1 && last != null ? "/c/" + community.slug + "/documents/" + last.id
                : folderUrl(community, folder));
    }

    // ---- One document

    @GET
    @Path("{id}")
    @Transactional
    public TemplateInstance show(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        return showPage(viewer, community, id, FormState.empty("edit"), List.of());
    }

    private TemplateInstance showPage(Viewer viewer, Community community, long id, FormState form,
            List<String> uploadErrors) {
        Document document = document(viewer, community, id);
        boolean mayEdit = DocumentAccess.edits(viewer, document);
        return pages.render(Templates.show(community, document, DocumentVersion.ofDocument(document.id),
                documents.translationsOf(document), mayEdit ? documents.translationCandidates(document) : List.of(),
                mayEdit ? Folder.list("communityId = ?1 order by lower(name)", community.id) : List.of(),
                Country.all(), mayEdit, DocumentAccess.deletes(viewer, document, community), form, uploadErrors));
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("slug") String slug, @PathParam("id") long id, @RestForm String title,
            @RestForm String description, @RestForm String type, @RestForm String country,
            @RestForm String language, @RestForm String tags, @RestForm String date, @RestForm("folder") Long folder) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        document(viewer, community, id);
        try {
            documents.edit(viewer, groupOf(community), id,
                    new DocumentService.Metadata(title, description, type, country, language, tags, date),
                    folder == null ? 0L : folder);
            return seeOther("/c/" + community.slug + "/documents/" + id);
        } catch (InvalidInput invalid) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("title", title);
            typed.put("description", description);
            typed.put("type", type);
            typed.put("country", country);
            typed.put("language", language);
            typed.put("tags", tags);
            typed.put("date", date);
            typed.put("folder", folder == null ? "" : folder.toString());
            return Response.status(400).entity(transactional(() -> showPage(viewer, community, id,
                    forms.failed("edit", invalid, typed), List.of()))).build();
        }
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
        transactional(() -> document(viewer, community, id));
        return answered(() -> {
            DocumentVersion version = uploads.addVersion(viewer, groupOf(community), id, comment, decode(encodedName),
                    length == null ? -1 : length, body);
            String url = "/c/" + community.slug + "/documents/" + id;
            return Response.created(URI.create(url)).entity(new UploadResult(id, url, version.fileName)).build();
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
        transactional(() -> document(viewer, community, id));
        if (file == null || file.size() == 0) {
            return Response.status(400).entity(transactional(() -> showPage(viewer, community, id,
                    new FormState("version", Map.of("comment", comment == null ? "" : comment), Map.of()),
                    List.of(messages().upload_no_file())))).build();
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            uploads.addVersion(viewer, groupOf(community), id, comment, file.fileName(), file.size(), in);
            return seeOther("/c/" + community.slug + "/documents/" + id + "#versions");
        } catch (UploadRefused refused) {
            return Response.status(refused.status()).entity(transactional(() -> showPage(viewer, community, id,
                    new FormState("version", Map.of("comment", comment == null ? "" : comment), Map.of()),
                    List.of(message(refused))))).build();
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(transactional(() -> showPage(viewer, community, id,
                    forms.failed("version", invalid, Map.of("comment", comment == null ? "" : comment)),
                    List.of()))).build();
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
        transactional(() -> document(viewer, community, id));
        try {
            documents.linkTranslation(viewer, groupOf(community), id, other == null ? -1 : other);
        } catch (InvalidInput invalid) {
            return Response.status(400).entity(transactional(() -> showPage(viewer, community, id,
                    forms.failed("translation", invalid, Map.of()), List.of()))).build();
        }
        return seeOther("/c/" + community.slug + "/documents/" + id);
    }

    @POST
    @Path("{id}/translations/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlink(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        transactional(() -> document(viewer, community, id));
        documents.unlinkTranslation(viewer, groupOf(community), id);
        return seeOther("/c/" + community.slug + "/documents/" + id);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community community = community(viewer, slug);
        Document document = transactional(() -> document(viewer, community, id));
        Long folder = document.folderId;
        documents.delete(viewer, groupOf(community), community, id);
        return seeOther(folderUrl(community, folder));
    }

    // ---- Trash (of the whole working group)

    @GET
    @Path("trash")
    @Transactional
    public TemplateInstance trash(@PathParam("slug") String slug) {
        Viewer viewer = currentUser.viewer();
        Community group = community(viewer, slug);
        if (!group.isGroup()) {
            throw new NotFoundException();
        }
        return pages.render(Templates.trash(group, documents.trash(viewer, group), documents));
    }

    @POST
    @Path("trash/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restore(@PathParam("slug") String slug, @PathParam("id") long id) {
        Viewer viewer = currentUser.viewer();
        Community group = community(viewer, slug);
        if (!group.isGroup()) {
            throw new NotFoundException();
        }
        Document document = documents.restore(viewer, group, id);
        return seeOther(transactional(() -> {
            Community home = Community.findById(document.communityId);
            return "/c/" + home.slug + "/documents/" + document.id;
        }));
    }

    // ---- Helpers

    Community community(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).orElseThrow(NotFoundException::new);
    }

    private Community groupOf(Community community) {
        return community.isGroup() ? community : community.parent;
    }

    /** The document, only through the community that holds it. */
    Document document(Viewer viewer, Community community, long id) {
        Document document = documents.find(viewer, groupOf(community), id).orElseThrow(NotFoundException::new);
        if (document.communityId != community.id) {
            throw new NotFoundException();
        }
        return document;
    }

    private static String folderUrl(Community community, Long folderId) {
        return "/c/" + community.slug + "/documents" + (folderId == null ? "" : "?folder=" + folderId);
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

    private static Map<String, String> clean(Map<String, String> typed) {
        Map<String, String> values = new LinkedHashMap<>();
        typed.forEach((k, v) -> values.put(k, v == null ? "" : v));
        return values;
    }

    private static Response jsonError(int status, String error, String message, Map<String, String> fields) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new UploadError(status, error, message, fields)).build();
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    /** Page rendering after a failed write runs its reads in one transaction, like the GET pages. */
    private <T> T transactional(java.util.function.Supplier<T> work) {
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(work::get);
    }
}
