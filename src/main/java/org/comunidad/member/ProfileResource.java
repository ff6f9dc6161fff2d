package org.comunidad.member;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.comunidad.notification.EmailSettings;
import org.comunidad.notification.Emails;
import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The signed-in member's profile (`/profile`): contact data, language, time zone and emails. */
@Path("/profile")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfileResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(Profiles.Profile member, List<String> zones, EmailSettings.Settings email,
                List<NoticeKind> kinds, FormState form, String notice);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Profiles profiles;

    @Inject
    EmailSettings emailSettings;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance show(@QueryParam("saved") String saved) {
        return pages.render(page(FormState.empty("profile"), saved == null ? null : "saved"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String phone, @RestForm String language, @RestForm String timeZone) {
        // Institution and position are not read: the realm reserves them to administrators, and
        // coordinators set them when they invite; a form that still sends them changes nothing.
        long memberId = currentUser.require().id();
        Map<String, String> typed = Pages.typed("phone", phone, "language", language, "timeZone", timeZone);
        try {
            return pages.submit("profile", typed, () -> {
                profiles.save(memberId, new Profiles.Draft(phone, language, timeZone));
                return Links.seeOther("/profile?saved=1");
            }, form -> page(form, null));
        } catch (KeycloakAccounts.Unavailable unavailable) {
            FormState form = new FormState("profile", typed, Map.of());
            return Response.status(503).entity(pages.render(page(form, "unavailable"))).build();
        }
    }

    /** The email preferences: one choice per kind (at once, digest, never) and "no email at all". */
    @POST
    @Path("email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response email(MultivaluedMap<String, String> form) {
        long memberId = currentUser.require().id();
        Map<NoticeKind, Emails.Channel> channels = new LinkedHashMap<>();
        for (NoticeKind kind : emailSettings.choices()) {
            String value = form.getFirst("channel." + kind.name());
            if (value == null) {
                continue;
            }
            try {
                channels.put(kind, Emails.Channel.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new jakarta.ws.rs.BadRequestException();
            }
        }
        emailSettings.save(memberId, channels, "on".equals(form.getFirst("optOut")));
        return Links.seeOther("/profile?saved=1#email");
    }

    private TemplateInstance page(FormState form, String notice) {
        Profiles.Profile member = profiles.of(currentUser.require().id()).orElseThrow(NotFoundException::new);
        return Templates.profile(member, Profiles.ZONES, emailSettings.of(member.id()), emailSettings.choices(), form,
                notice);
    }
}
