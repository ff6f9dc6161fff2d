package org.comunidad.activity;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.comunidad.community.CommunityService.CommunityUsed;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records that a member used a community today: one row per member, community and day.
 * Every page and action of a community resolves it through {@code CommunityService.findVisible},
 * which announces the use; this observer writes at most one cheap statement per member,
 * community and day ({@code insert ... on conflict do nothing}), and remembers in memory what
 * it already wrote, so that later requests of the day cost nothing. Each replica keeps its own
 * memory: a member seen by three replicas costs three inserts that day, two of them no-ops.
 *
 * The insert joins the request's own transaction (the event is observed at once, not after
 * commit as other features' events are): it needs no second connection, and a request that fails
 * leaves no row; the memory learns the day only once that transaction has committed.
 *
 * Only members of the community's working group are recorded: the forum admin looking at a
 * group they do not belong to is not one of its active members.
 */
@ApplicationScoped
public class ActivityRecorder {

    /** A member's day in a community, as remembered once written. */
    record Key(long memberId, long communityId, LocalDate day) {
    }

    private final Set<Key> written = ConcurrentHashMap.newKeySet();
    private volatile LocalDate prunedOn = LocalDate.MIN;

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    TransactionSynchronizationRegistry transactions;

    void onUse(@Observes CommunityUsed used) {
        long groupId = used.community().groupId();
        boolean member = used.viewer().effectiveGrants().stream().anyMatch(g -> g.groupId() == groupId);
        if (!member) {
            return;
        }
        record(used.viewer().memberId(), used.community().id, LocalDate.now(currentUser.zone()));
    }

    /** Writes the day unless this replica already did; the memory is updated only once the row is committed. */
    void record(long memberId, long communityId, LocalDate day) {
        Key key = new Key(memberId, communityId, day);
        prune();
        if (written.contains(key)) {
            return;
        }
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            QuarkusTransaction.requiringNew().run(() -> insert(key));
            written.add(key);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // the request is failing: its next attempt records the day
        }
        if (transactions.getResource(key) != null) {
            return; // already written in this transaction
        }
        transactions.putResource(key, Boolean.TRUE);
        insert(key);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    written.add(key);
                }
            }
        });
    }

    private void insert(Key key) {
        em.createNativeQuery("""
                insert into member_activity_day (member_id, community_id, day) values (?1, ?2, ?3)
                on conflict do nothing""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedQuerySpace("member_activity_day")
                .setParameter(1, key.memberId()).setParameter(2, key.communityId()).setParameter(3, key.day())
                .executeUpdate();
    }

    /** Days older than yesterday (in any time zone) will not be written again: forget them once a day. */
    private void prune() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!today.equals(prunedOn)) {
            prunedOn = today;
            LocalDate oldest = today.minusDays(2);
            written.removeIf(k -> k.day().isBefore(oldest));
        }
    }

    /** Forgets what was written, as a restarted replica would (tests start from a known state). */
    public void forget() {
        written.clear();
    }
}
