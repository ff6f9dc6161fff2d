package org.comunidad.meeting;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What an action item's form may get wrong beyond the generic codes, in the mtgr bundle. */
public enum OutcomeViolation implements Explained {
    /** Neither a person nor a country owns the action item. */
    OWNER_REQUIRED,
    /** Both a person and a country were chosen: an item has one owner. */
    ONE_OWNER;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(MeetingRecordMessages.class, Localized.Literal.of(language)).violation(this);
    }
}
