package org.comunidad.member;

import org.comunidad.community.Country;
import org.comunidad.platform.security.CommunityRole;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;

import org.comunidad.community.Community;
import org.comunidad.community.CommunityService;
import org.comunidad.platform.audit.AuditLog;
import org.comunidad.platform.content.Refused;
import org.comunidad.platform.security.Viewer;

/**
 * A subgroup's country responsible adds and removes the officials of their own country
 * (already in the working group) to and from the subgroup; the group's coordinator may do
 * it for any country. Nobody else, and never another subgroup or another country's
 * officials ({@link MemberAdminAccess#managesOfficial}).
 */
@ApplicationScoped
public class CountryOfficials {

    /** What the responsible of a country manages in a subgroup. */
    public record View(Country country, List<Member> inSubgroup, List<Member> eligible) {
    }

    @Inject
    EntityManager em;

    @Inject
    CommunityService communities;

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
    View of(Viewer viewer, Community subgroup) {
        if (subgroup.isGroup()) {
            return null;
        }
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

    /**
     * Adds an official of the group to the subgroup (by its slug). Returns the subgroup; empty when
     * the subgroup, the official, or their membership of the group is not there; no official named
     * is a bad request.
     */
    @Transactional
    public Optional<Community> add(Viewer viewer, String slug, Long memberId) {
        Optional<Community> subgroup = subgroup(viewer, slug);
        if (subgroup.isPresent() && memberId == null) {
            throw new BadRequestException();
        }
        return subgroup.filter(s -> target(viewer, s, memberId).filter(member -> add(viewer, s, member)).isPresent());
    }

    private boolean add(Viewer viewer, Community subgroup, Member member) {
        long memberId = member.id;
        boolean inGroup = Membership.count("community.id = ?1 and member.id = ?2", subgroup.groupId(), memberId) > 0;
        if (!inGroup) {
            return false;
        }
        em.createNativeQuery("""
                insert into membership (community_id, member_id, role, country_code) values (?1, ?2, 'MEMBER', ?3)
                on conflict (community_id, member_id, role) do nothing""").setParameter(1, subgroup.id)
                .setParameter(2, memberId).setParameter(3, member.country == null ? null : member.country.code)
                .executeUpdate();
        AuditLog.record(viewer.memberId(), subgroup.id, "ROLE_ASSIGN", "member", memberId,
                "MEMBER in " + subgroup.slug + " by country responsible");
        return true;
    }

    /** Removes an official from the subgroup (by its slug). Returns the subgroup; empty when not there. */
    @Transactional
    public Optional<Community> remove(Viewer viewer, String slug, long memberId) {
        return subgroup(viewer, slug).filter(s -> target(viewer, s, memberId).isPresent() && remove(viewer, s, memberId));
    }

    private boolean remove(Viewer viewer, Community subgroup, long memberId) {
        int removed = em.createNativeQuery(
                "delete from membership where community_id = ?1 and member_id = ?2 and role = 'MEMBER'")
                .setParameter(1, subgroup.id).setParameter(2, memberId).executeUpdate();
        if (removed == 0) {
            return false;
        }
        AuditLog.record(viewer.memberId(), subgroup.id, "ROLE_REMOVE", "member", memberId,
                "MEMBER in " + subgroup.slug + " by country responsible");
        return true;
    }

    private Optional<Community> subgroup(Viewer viewer, String slug) {
        return communities.findVisible(viewer, slug).filter(c -> !c.isGroup());
    }

    /** The official, if there; refused unless the viewer may manage them in this subgroup. */
    private Optional<Member> target(Viewer viewer, Community subgroup, long memberId) {
        Optional<Member> member = Member.<Member>findByIdOptional(memberId);
        if (member.isEmpty() || MemberAdminAccess.managesAnyOfficial(viewer, subgroup)) {
            return member;
        }
        Country country = responsibleCountry(viewer, subgroup);
        Country official = member.get().country;
        if (!MemberAdminAccess.managesOfficial(viewer, subgroup, country == null ? null : country.code,
                official == null ? null : official.code)) {
            throw new Refused(MemberRefusal.NOT_COUNTRY_RESPONSIBLE);
        }
        return member;
    }
}
