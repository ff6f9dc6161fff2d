package org.comunidad.meeting;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A member's personal calendar feed, which calendar clients fetch without signing in: the secret
 * token in the address is the authorization (an unknown or replaced token: 404). Served inline,
 * not as a download, so that clients subscribe to it.
 */
@Path("/calendar")
@PermitAll
public class CalendarFeedResource {

    @Inject
    CalendarFeeds feeds;

    @GET
    @Path("{token}.ics")
    public Response feed(@PathParam("token") String token) {
        byte[] feed = feeds.feed(token).orElseThrow(NotFoundException::new);
        return Response.ok(feed, MeetingCalendar.CONTENT_TYPE)
                .header("Content-Disposition", "inline; filename=\"comunidad.ics\"").build();
    }
}
