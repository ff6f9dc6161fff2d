package org.comunidad.member;

import java.util.Optional;

import io.quarkus.qute.TemplateInstance;

/**
 * A section another feature adds at the top of "my communities", above the list: the presidency
 * feature adds the troika. Implemented in the contributing feature's package and collected here
 * with CDI, so that the member feature shows it without depending on that feature.
 */
public interface CommunitiesPageSection {

    /** Lower first. */
    int position();

    /** The section for the signed-in member, or empty when there is nothing to show. */
    Optional<TemplateInstance> section();
}
