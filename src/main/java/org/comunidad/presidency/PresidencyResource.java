package org.comunidad.presidency;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.FormState;
import org.comunidad.platform.web.Links;
import org.comunidad.platform.web.Pages;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.Authenticated;

/**
 * The forum admin's presidency pages: the troika and the history (`/presidency`), the
 * incoming presidency (`/presidency/next`), and the rotation: its preview
 * (`GET /presidency/rotation`, changes nothing) and its confirmation
 * (`POST /presidency/rotation`). Everybody else finds nothing here, as with `/audit`.
 */
@Path("/presidency")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class PresidencyResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Presidencies.Overview overview, FormState rotation, FormState next,
                String notice, String today);

        static native TemplateInstance preview(Rotation.Plan plan, Boolean stale);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    Presidencies presidencies;

    @Inject
    Rotation rotation;

    @Inject
    Pages pages;

    @GET
    public TemplateInstance page(@QueryParam("done") String done) {
        requireAdmin();
        Presidencies.Overview overview = presidencies.overview();
        return page(overview, rotationDefaults(overview), FormState.empty("next"),
                "rotated".equals(done) || "planned".equals(done) ? done : null);
    }

    @GET
    @Path("rotation")
    public Response preview(@QueryParam("country") String country, @QueryParam("startsOn") String startsOn) {
        requireAdmin();
        try {
            return Response.ok(pages.render(Templates.preview(rotation.preview(country, startsOn, today()), false)))
                    .build();
        } catch (Validation.Invalid invalid) {
            return Response.status(400).entity(page(presidencies.overview(),
                    failed("rotation", invalid, country, startsOn), FormState.empty("next"), null)).build();
        }
    }

    @POST
    @Path("rotation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestForm String country, @RestForm String startsOn, @RestForm String previewed) {
        Viewer viewer = requireAdmin();
        try {
            rotation.rotate(viewer, country, startsOn, previewed, today()).orElseThrow(NotFoundException::new);
        } catch (Rotation.Stale stale) {
            return Response.status(409).entity(pages.render(Templates.preview(stale.plan(), true))).build();
        } catch (Validation.Invalid invalid) {
            return Response.status(400).entity(page(presidencies.overview(),
                    failed("rotation", invalid, country, startsOn), FormState.empty("next"), null)).build();
        }
        return Links.seeOther("/presidency?done=rotated");
    }

    @POST
    @Path("next")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response plan(@RestForm String country, @RestForm String startsOn) {
        Viewer viewer = requireAdmin();
        try {
            presidencies.plan(viewer, country, startsOn).orElseThrow(NotFoundException::new);
        } catch (Validation.Invalid invalid) {
            Presidencies.Overview overview = presidencies.overview();
            return Response.status(400).entity(page(overview, rotationDefaults(overview),
                    failed("next", invalid, country, startsOn), null)).build();
        }
        return Links.seeOther("/presidency?done=planned");
    }

    private TemplateInstance page(Presidencies.Overview overview, FormState rotationForm, FormState nextForm,
            String notice) {
        return pages.render(Templates.page(overview, rotationForm, nextForm, notice, today().toString()));
    }

    /** The rotation form starts from the planned presidency, on its date unless that is still to come. */
    private FormState rotationDefaults(Presidencies.Overview overview) {
        Presidencies.Term next = overview.troika().next();
        LocalDate today = today();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("country", next == null ? "" : next.countryCode());
        values.put("startsOn", (next == null || next.startsOn().isAfter(today) ? today : next.startsOn()).toString());
        return new FormState("rotation", values, Map.of());
    }

    /** The form again with what was typed and a message per field, in the admin's language. */
    private FormState failed(String formId, Validation.Invalid invalid, String country, String startsOn) {
        PresidencyMessages messages = MessageBundles.get(PresidencyMessages.class,
                Localized.Literal.of(currentUser.language()));
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.problems().forEach((field, problem) -> errors.put(field, messages.problem(problem)));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("country", country == null ? "" : country);
        values.put("startsOn", startsOn == null ? "" : startsOn);
        return new FormState(formId, values, errors);
    }

    /** Today where the admin is: a rotation is recorded once the new presidency has taken office. */
    private LocalDate today() {
        return LocalDate.now(currentUser.zone());
    }

    private Viewer requireAdmin() {
        Viewer viewer = currentUser.viewer();
        if (!PresidencyAccess.manages(viewer)) {
            throw new NotFoundException();
        }
        return viewer;
    }
}
