package org.comunidad.activity;

import java.time.LocalDate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.community.Community;
import org.comunidad.platform.security.CurrentUser;

/**
 * A member's activity over time for their page in the member administration
 * ({@code inject:memberActivity}, through the tag {@code activityMember}): the member feature
 * shows it without depending on this one. The service checks again that the reader coordinates
 * the group.
 */
@Named("memberActivity")
@RequestScoped
public class MemberActivityCharts {

    @Inject
    CurrentUser currentUser;

    @Inject
    ActivityService activity;

    public ActivityService.MemberActivity of(Community group, long memberId) {
        return activity.member(currentUser.viewer(), group, memberId, LocalDate.now(currentUser.zone()),
                currentUser.locale());
    }
}
