package org.comunidad.document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.demo.DemoContent;
import org.comunidad.platform.storage.ObjectKeys;
import org.comunidad.platform.storage.ObjectStore;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A few documents for the demo forum's Security group (a work plan, minutes, a report in
 * Portuguese, a declaration in Spanish and English linked as translations), stored in the
 * object store like any upload, once the demo forum exists and no document does yet.
 */
@ApplicationScoped
public class DocumentDemo implements DemoContent {

    private static final Logger LOG = Logger.getLogger(DocumentDemo.class);

    record Demo(String community, String folder, String uploader, String title, String type, String language,
            String country, String fileName, String text) {
    }

    static final List<Demo> DOCUMENTS = List.of(
            new Demo("seguridad", "Planes de trabajo", "coord.seguridad", "Plan de Trabajo Anual 2026 del Grupo de Seguridad",
                    "WORK_PLAN", "es", null, "plan-de-trabajo-2026.txt", """
                    Plan de Trabajo Anual 2026 - Grupo de Trabajo de Seguridad y Combate al Crimen
                    Objetivo: fortalecer la cooperación regional contra la delincuencia organizada transnacional.
                    Líneas de acción: intercambio de información entre policías, asistencia a las víctimas,
                    prevención de delitos y violencia de género, reuniones virtuales trimestrales.
                    """),
            new Demo("seguridad-asistencia-victimas", "Actas", "lider.victimas", "Acta de la II reunión virtual del subgrupo",
                    "MINUTES", "es", "PY", "acta-ii-reunion.txt", """
                    Acta de la II reunión virtual del subgrupo de Asistencia a las víctimas de la DOT.
                    Participaron los puntos focales de Paraguay, Perú, Chile y Colombia.
                    Acuerdos: preparar una hoja de ruta para la derivación de casos entre países.
                    """),
            new Demo("seguridad-asistencia-victimas", null, "pf.peru", "Relatório sobre cooperação fronteiriça",
                    "REPORT", "pt", "PE", "relatorio-cooperacao.txt", """
                    Relatório sobre cooperação fronteiriça na assistência às vítimas do crime organizado.
                    Recomenda pontos de contato nacionais e protocolos comuns de encaminhamento.
                    """),
            new Demo("seguridad", null, "coord.seguridad", "Declaración regional sobre asistencia a las víctimas",
                    "DECLARATION", "es", null, "declaracion-victimas-es.txt", """
                    Declaración regional: los países de PROSUR se comprometen a asistir a las víctimas
                    de la delincuencia organizada transnacional sin importar su nacionalidad.
                    """),
            new Demo("seguridad", null, "coord.seguridad", "Regional declaration on assistance to victims",
                    "DECLARATION", "en", null, "declaration-victims-en.txt", """
                    Regional declaration: PROSUR countries commit to assist the victims of transnational
                    organized crime whatever their nationality.
                    """));

    @Inject
    EntityManager em;

    @Inject
    ObjectStore store;

    @Inject
    DocumentJobs jobs;

    @Override
    public int order() {
        return 70;
    }

    /** Documents are stored objects, not a script. */
    @Override
    public String script() {
        return null;
    }

    @Override
    public void loadAfterScripts() {
        boolean empty = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from document").getSingleResult()).longValue() == 0
                && ((Number) em.createNativeQuery("select count(*) from community where slug = 'seguridad'")
                        .getSingleResult()).longValue() == 1);
        if (!empty) {
            return;
        }
        try {
            load();
            LOG.info("Demo documents loaded in the Security working group");
        } catch (RuntimeException e) {
            LOG.warnf("demo documents not loaded (the object store may be unreachable): %s", e.getMessage());
        }
    }

    private void load() {
        Long previous = null;
        for (Demo demo : DOCUMENTS) {
            byte[] bytes = demo.text().getBytes(StandardCharsets.UTF_8);
            String key = ObjectKeys.newKey(DocumentUploads.KEY_PREFIX);
            store.put(key, new ByteArrayInputStream(bytes), bytes.length, "text/plain");
            String sha = sha256(bytes);
            Long translationOf = demo.language().equals("en") ? previous : null;
            long id = QuarkusTransaction.requiringNew().call(() -> {
                Long folder = demo.folder() == null ? null : ((Number) em.createNativeQuery("""
                        insert into doc_folder (group_id, community_id, name, created_by)
                        select coalesce(c.parent_id, c.id), c.id, ?2, m.id from community c, member m
                        where c.slug = ?1 and m.username = ?3
                        returning id""").setParameter(1, demo.community())
                        .setParameter(2, demo.folder()).setParameter(3, demo.uploader()).getSingleResult()).longValue();
                long doc = ((Number) em.createNativeQuery("""
                        insert into document (group_id, community_id, folder_id, title, doc_type, country_code, language,
                                              uploader_id, translation_set)
                        select coalesce(c.parent_id, c.id), c.id, ?2, ?3, ?4, ?5, ?6, m.id, ?8
                        from community c, member m where c.slug = ?1 and m.username = ?7 returning id""")
                        .setParameter(1, demo.community()).setParameter(2, folder).setParameter(3, demo.title())
                        .setParameter(4, demo.type()).setParameter(5, demo.country()).setParameter(6, demo.language())
                        .setParameter(7, demo.uploader()).setParameter(8, translationOf).getSingleResult()).longValue();
                long version = ((Number) em.createNativeQuery("""
                        insert into document_version (document_id, number, object_key, file_name, content_type,
                                                      size_bytes, sha256, created_by)
                        select ?1, 1, ?2, ?3, 'text/plain', ?4, ?5, uploader_id from document where id = ?1 returning id""")
                        .setParameter(1, doc).setParameter(2, key).setParameter(3, demo.fileName())
                        .setParameter(4, (long) bytes.length).setParameter(5, sha).getSingleResult()).longValue();
                em.createNativeQuery("update document set current_version_id = ?2, version_count = 1, "
                        + "translation_set = coalesce(translation_set, case when ?3 then id end) where id = ?1")
                        .setParameter(1, doc).setParameter(2, version)
                        .setParameter(3, demo.language().equals("es") && demo.type().equals("DECLARATION"))
                        .executeUpdate();
                em.createNativeQuery("select document_reindex(?1)").setParameter(1, doc).getSingleResult();
                return doc;
            });
            previous = id;
        }
        jobs.extractPending();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
