package org.comunidad.member;

import java.util.Optional;

import org.comunidad.community.Community;

import io.quarkus.qute.TemplateInstance;

/**
 * A section another feature adds to the coordinator's page of a member (between the member's
 * card and their roles): the activity feature adds the member's active days. Implemented in the
 * contributing feature's package and collected here with CDI, so that the member feature shows
 * it without depending on that feature.
 */
public interface MemberPageSection {

    /** Lower first. */
    int position();

    /** The section for this member of this working group, or empty when there is nothing to show. */
    Optional<TemplateInstance> section(Community group, long memberId);
}
