package org.comunidad.notification;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The unsubscribe link of every email: works without signing in (the link is signed). The
 * link shows a page with one button; only that POST changes anything, so that mail scanners
 * that open links do not unsubscribe anyone.
 */
@Path("/unsubscribe")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unsubscribe(String token, NoticeKind kind, boolean done);
    }

    @Inject
    UnsubscribeLinks links;

    @Inject
    EmailSettings settings;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance confirm(@QueryParam("t") String token) {
        UnsubscribeLinks.Request request = links.verify(token).orElseThrow(NotFoundException::new);
        return pages.render(Templates.unsubscribe(token, request.kind(), false));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance unsubscribe(@RestForm("t") String token) {
        UnsubscribeLinks.Request request = links.verify(token).orElseThrow(NotFoundException::new);
        settings.unsubscribe(request.memberId(), request.kind());
        return pages.render(Templates.unsubscribe(token, request.kind(), true));
    }
}
