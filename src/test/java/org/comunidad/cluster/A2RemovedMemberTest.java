package org.comunidad.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member removed from a group through one instance is refused on their very next request to
 * the other instance, even when that instance has just served them (and may keep what it knows
 * about them in memory).
 */
@ExtendWith(ClusterExtension.class)
class A2RemovedMemberTest {

    private static final String GROUP = "/c/seguridad";

    @Test
    void aMemberRemovedOnInstanceOneIsRefusedOnInstanceTwo() {
        Cluster cluster = Cluster.get();
        String removed = "pf.colombia";
        long id = Client.memberId(removed);
        // Instance 2 serves the member's group pages (several times: whatever it caches is warm).
        for (int n = 0; n < 5; n++) {
            assertEquals(200, Client.get(cluster.appUrl(1) + GROUP, removed).statusCode(), "before the removal");
        }
        // The coordinator removes them through instance 1.
        HttpResponse<String> removal = Client.form(cluster.appUrl(0), GROUP + "/members/" + id + "/remove",
                "coord.seguridad", Map.of());
        assertEquals(303, removal.statusCode(), "the removal on instance 1: " + removal.body());
        long t0 = System.nanoTime();
        HttpResponse<String> next = Client.get(cluster.appUrl(1) + GROUP, removed);
        Cluster.log("removed member's next request on instance 2: %d, %d ms after the removal's answer",
                next.statusCode(), (System.nanoTime() - t0) / 1_000_000);
        assertTrue(next.statusCode() == 403 || next.statusCode() == 404,
                "instance 2 still served the removed member: " + next.statusCode());
        assertEquals(0, cluster.count("select count(*) from membership m join community c on c.id = m.community_id "
                + "where m.member_id = ? and c.slug = 'seguridad'", id), "the membership row is gone");
    }
}
