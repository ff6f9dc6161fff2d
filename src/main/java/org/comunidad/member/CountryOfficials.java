package org.comunidad.member;

import org.comunidad.community.Country;
import org.comunidad.platform.security.CommunityRole;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityAccess;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.CurrentUser;
import org.comunidad.platform.security.Viewer;

/**
 * A subgroup's country responsible adds and removes the officials of their own country
 * (already in the working group) to and from the subgroup; the group's coordinator may do
 * it for any country. Nobody else, and never another subgroup or another country's
 * officials. The page reaches it as {@code inject:officials}.
 */
@Named("officials")
@ApplicationScoped
public class CountryOfficials {

    /** What the responsible of a country manages in a subgroup. */
    public record View(Country country, List<Member> inSubgroup, List<Member> eligible) {
    }

    @Inject
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    /** The viewer's country as responsible in this subgroup, or null. */
    Country responsibleCountry(Viewer viewer, Community subgroup) {
        List<Membership> held = Membership.<Membership>find("""
                select ms from Membership ms left join fetch ms.country
                where ms.community.id = ?1 and ms.member.id = ?2 and ms.role = ?3""", subgroup.id, viewer.memberId(),
                CommunityRole.COUNTRY_RESPONSIBLE).list();
        boolean effective = viewer.effectiveGrants().stream().anyMatch(g -> g.communityId() == subgroup.id
                && g.role() == CommunityRole.COUNTRY_RESPONSIBLE);
        return held.isEmpty() || !effective ? null : held.get(0).country;
    }

    /** For the subgroup's members page: null unless the viewer is a country responsible there. */
    @Transactional
    public View of(Community subgroup) {
        if (!currentUser.isSignedIn() || subgroup.isGroup()) {
            return null;
        }
        Viewer viewer = currentUser.viewer();
        Country country = responsibleCountry(viewer, subgroup);
        if (country == null) {
            return null;
        }
        List<Member> in = em.createQuery("""
                select distinct m from Membership ms join ms.member m where ms.community.id = :s and ms.role = :role
                and m.country.code = :c order by m.displayName""", Member.class)
                .setParameter("s", subgroup.id).setParameter("role", CommunityRole.MEMBER)
                .setParameter("c", country.code).getResultList();
        List<Member> eligible = em.createQuery("""
                select distinct m from Membership ms join ms.member m where ms.community.id = :g
                and m.country.code = :c and m.id not in (select x.member.id from Membership x where x.community.id = :s)
                order by m.displayName""", Member.class)
                .setParameter("g", subgroup.groupId()).setParameter("c", country.code)
                .setParameter("s", subgroup.id).getResultList();
        return new View(country, in, eligible);
    }

    @Transactional
    public void add(Viewer viewer, Community subgroup, long memberId) {
        Member member = target(viewer, subgroup, memberId);
        boolean inGroup = Membership.count("community.id = ?1 and member.id = ?2", subgroup.groupId(), memberId) > 0;
        if (!inGroup) {
            throw new NotFoundException();
        }
        em.createNativeQuery("""
                insert into membership (community_id, member_id, role, country_code) values (?1, ?2, 'MEMBER', ?3)
                on conflict (community_id, member_id, role) do nothing""").setParameter(1, subgroup.id)
                .setParameter(2, memberId).setParameter(3, member.country == null ? null : member.country.code)
                .executeUpdate();
        AuditLog.record(viewer.memberId(), subgroup.id, "ROLE_ASSIGN", "member", memberId,
                "MEMBER in " + subgroup.slug + " by country responsible");
    }

    @Transactional
    public void remove(Viewer viewer, Community subgroup, long memberId) {
        target(viewer, subgroup, memberId);
        int removed = em.createNativeQuery(
                "delete from membership where community_id = ?1 and member_id = ?2 and role = 'MEMBER'")
                .setParameter(1, subgroup.id).setParameter(2, memberId).executeUpdate();
        if (removed == 0) {
            throw new NotFoundException();
        }
        AuditLog.record(viewer.memberId(), subgroup.id, "ROLE_REMOVE", "member", memberId,
                "MEMBER in " + subgroup.slug + " by country responsible");
    }

    /** The official, if the viewer may manage them in this subgroup. */
    private Member target(Viewer viewer, Community subgroup, long memberId) {
        if (subgroup.isGroup()) {
            throw new NotFoundException();
        }
        Member member = Member.<Member>findByIdOptional(memberId).orElseThrow(NotFoundException::new);
        if (CommunityAccess.coordinates(viewer, subgroup.groupId())) {
            return member;
        }
        Country country = responsibleCountry(viewer, subgroup);
        if (country == null || member.country == null || !member.country.code.equals(country.code)) {
            throw new Refused(MemberRefusal.NOT_COUNTRY_RESPONSIBLE);
        }
        return member;
    }
}
