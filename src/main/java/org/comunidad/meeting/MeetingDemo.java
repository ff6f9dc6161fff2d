package org.comunidad.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.platform.demo.DemoContent;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The Security group's meetings from seed 001 and one next week: demo/meeting.sql. The
 * documents presented at next week's meeting are the demo documents, which exist only once the
 * object store is ready (after every script), so they are linked then, by title, if they are there.
 */
@ApplicationScoped
public class MeetingDemo implements DemoContent {

    static final String NEXT_WEEK = "seguridad-asistencia-victimas-next@demo.prosur.example";

    @Inject
    EntityManager em;

    @Override
    public int order() {
        return 90;
    }

    @Override
    public String script() {
        return "demo/meeting.sql";
    }

    @Override
    public void loadAfterScripts() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into meeting_document (meeting_id, document_id, position)
                select mt.id, d.id, v.position
                from (values (1, 'Relatório sobre cooperação fronteiriça'),
                             (2, 'Declaración regional sobre asistencia a las víctimas')) as v(position, title)
                join document d on d.title = v.title
                join meeting mt on mt.uid = ?1
                on conflict do nothing""").setParameter(1, NEXT_WEEK).executeUpdate());
    }
}
