package org.comunidad.meeting;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.comunidad.platform.content.ActionItems;
import org.comunidad.platform.security.Viewer;
import org.comunidad.platform.web.Links;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * A meeting's action item for the tasks that follow one: found by id when the viewer sees its
 * meeting ({@link MeetingAccess#sees}), with its text, owner, due date, community, link and its own status.
 */
@ApplicationScoped
public class MeetingActionItems implements ActionItems {

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Item> find(Viewer viewer, long id) {
        return MeetingAction.<MeetingAction> findByIdOptional(id)
                .filter(a -> MeetingAccess.sees(viewer, a.meeting.community))
                .map(a -> new Item(a.id, a.text, a.owner == null ? null : a.owner.id,
                        a.owner != null ? a.owner.displayName : a.ownerCountry == null ? null : a.ownerCountry.code,
                        a.dueDate, a.meeting.community.id, a.meeting.title,
                        Links.community(a.meeting.community.slug, "meetings", a.meeting.id, "#actions"),
                        a.status.name(), language -> MessageBundles.get(MeetingRecordMessages.class,
                                Localized.Literal.of(language)).status(a.status)));
    }
}
