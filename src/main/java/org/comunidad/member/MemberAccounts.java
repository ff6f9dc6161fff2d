package org.comunidad.member;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.security.Account;
import org.comunidad.platform.security.AccountCache;
import org.comunidad.platform.security.Accounts;
import org.comunidad.platform.security.Claims;
import org.comunidad.platform.security.Grant;

/**
 * The member feature's side of {@link Accounts}: members are kept in this feature's tables. The
 * member and their grants are read once and then kept in the {@link AccountCache}, which every
 * change to them empties at once (this instance at the commit, the others through NOTIFY). A
 * cached member is still refreshed from a token whose claims differ from what is stored, and
 * their last-seen time still written every few minutes: both go to the database as before.
 */
@ApplicationScoped
public class MemberAccounts implements Accounts {

    @Inject
    MemberService members;

    @Inject
    AccountCache cache;

    @Override
    public Account signedIn(Claims claims) {
        AccountCache.Entry cached = claims.subject() == null ? null : cache.member(claims.subject());
        if (cached != null && cached.detail() instanceof SignInState state && !state.differsFrom(claims)
                && !state.seenLongAgo(OffsetDateTime.now())) {
            return cached.account();
        }
        long stamp = cache.stamp();
        MemberService.SignedIn signedIn = cache.quietly(() -> members.signIn(claims));
        Member member = signedIn.member();
        Account account = new Account(member.id, member.displayName, member.language, member.timeZone,
                member.disabledAt != null);
        cache.put(member.subject, new AccountCache.Entry(account, signedIn.state()), stamp);
        return account;
    }

    @Override
    public List<Grant> grantsOf(long memberId) {
        List<Grant> cached = cache.grants(memberId);
        if (cached != null) {
            return cached;
        }
        long stamp = cache.stamp();
        List<Grant> grants = Membership.grantsOf(memberId);
        cache.putGrants(memberId, grants, stamp);
        return grants;
    }

    @Override
    public void chooseLanguage(long memberId, String language) {
        members.chooseLanguage(memberId, language);
    }
}
