package org.comunidad.meeting;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.community.Community;
import org.comunidad.member.MemberPageSection;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A member's open action items in the working group and its subgroups, on the coordinator's page
 * of that member; nothing when they have none. The service checks again that the reader
 * coordinates the group.
 */
@ApplicationScoped
public class MeetingActionSection implements MemberPageSection {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance section(List<MeetingOutcomes.ActionItem> items);
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    MeetingOutcomes outcomes;

    @Override
    public int position() {
        return 20;
    }

    @Override
    public Optional<TemplateInstance> section(Community group, long memberId) {
        List<MeetingOutcomes.ActionItem> items = outcomes.memberActions(currentUser.viewer(), group, memberId,
                currentUser.zone());
        return items.isEmpty() ? Optional.empty() : Optional.of(Templates.section(items));
    }
}
