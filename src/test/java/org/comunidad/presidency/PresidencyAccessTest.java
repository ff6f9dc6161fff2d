package org.comunidad.presidency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.comunidad.platform.security.CommunityRole;
import org.comunidad.platform.security.Grant;
import org.comunidad.platform.security.Viewer;
import org.junit.jupiter.api.Test;

/** The rule table of {@link PresidencyAccess}, without a server. */
class PresidencyAccessTest {

    @Test
    void onlyTheAdminManagesThePresidency() {
        assertTrue(PresidencyAccess.manages(new Viewer(1, Set.of("admin", "coordinator", "member"), List.of())));
        assertFalse(PresidencyAccess.manages(new Viewer(2, Set.of("coordinator", "member"),
                List.of(new Grant(1, 1L, CommunityRole.COORDINATOR)))), "a coordinator");
        assertFalse(PresidencyAccess.manages(new Viewer(3, Set.of("member"),
                List.of(new Grant(1, 1L, CommunityRole.FOCAL_POINT)))), "a focal point");
        assertFalse(PresidencyAccess.manages(new Viewer(4, Set.of(), List.of())), "an official without roles");
    }
}
