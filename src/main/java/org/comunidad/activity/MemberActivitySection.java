package org.comunidad.activity;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.community.Community;
import org.comunidad.member.MemberPageSection;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A member's active days per month, on the coordinator's page of that member: the member feature
 * shows it without depending on this one. The service checks again that the reader coordinates
 * the group.
 */
@ApplicationScoped
public class MemberActivitySection implements MemberPageSection {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(ActivityService.MemberActivity a);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    ActivityService activity;

    @Override
    public int position() {
        return 10;
    }

    @Override
    public Optional<TemplateInstance> section(Community group, long memberId) {
        return Optional.of(Templates.section(activity.member(currentUser.viewer(), group, memberId,
                LocalDate.now(currentUser.zone()), currentUser.locale())));
    }
}
