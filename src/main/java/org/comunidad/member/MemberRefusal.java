package org.comunidad.member;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What only the people responsible for members may do (403), in the mbr bundle. */
public enum MemberRefusal implements Explained {
    NOT_COUNTRY_RESPONSIBLE;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(MemberMessages.class, Localized.Literal.of(language)).refused(this);
    }
}
