package org.comunidad.member;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.security.Account;
import org.comunidad.platform.security.Accounts;
import org.comunidad.platform.security.Claims;
import org.comunidad.platform.security.Grant;

/** The member feature's side of {@link Accounts}: members are kept in this feature's tables. */
@ApplicationScoped
public class MemberAccounts implements Accounts {

    @Inject
    MemberService members;

    @Override
    public Account signedIn(Claims claims) {
        Member member = members.signedIn(claims);
        return new Account(member.id, member.displayName, member.language, member.timeZone,
                member.disabledAt != null);
    }

    @Override
    public List<Grant> grantsOf(long memberId) {
        return Membership.grantsOf(memberId);
    }

    @Override
    public void chooseLanguage(long memberId, String language) {
        members.chooseLanguage(memberId, language);
    }
}
