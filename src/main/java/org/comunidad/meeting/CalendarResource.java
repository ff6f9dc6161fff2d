package org.comunidad.meeting;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.web.CommunityRef;

import io.quarkus.security.Authenticated;

/**
 * "Add to my calendar": one meeting's .ics, for those who see the meeting (404 for anyone else),
 * with its texts in the reader's language. Opening it again after a change updates the event
 * (same UID, higher SEQUENCE).
 */
@Path("/c/{slug}/meetings/{id}/calendar.ics")
@Authenticated
public class CalendarResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    CalendarFeeds feeds;

    @GET
    public Response download(@PathParam("slug") String slug, @PathParam("id") long id) {
        CalendarFeeds.File file = feeds.single(currentUser.viewer(), CommunityRef.slug(slug), id,
                currentUser.language()).orElseThrow(NotFoundException::new);
        return Response.ok(file.bytes(), MeetingCalendar.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"").build();
    }
}
