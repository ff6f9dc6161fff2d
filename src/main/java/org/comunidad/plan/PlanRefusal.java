package org.comunidad.plan;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Why a member of the group may not do this to a plan (403), in the pln bundle. */
public enum PlanRefusal implements Explained {
    /** Only the group's coordinator (and the admin) creates, edits the group's levels and validates. */
    NOT_COORDINATOR,
    /** Only the coordinator, or the leader of the subgroup owning this branch, edits it. */
    NOT_EDITOR,
    /** Only those who edit the item, the owning community's members and its responsible report progress. */
    NOT_REPORTER,
    /** Already validated. */
    ALREADY_VALIDATED;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(PlanMessages.class, Localized.Literal.of(language)).refused(this);
    }
}
