package org.comunidad.member;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.comunidad.community.Community;
import org.comunidad.platform.security.CurrentUser;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/**
 * The sections other features add to the member feature's pages ({@link MemberPageSection},
 * {@link CommunitiesPageSection}), rendered in the reader's language, in their order.
 */
@RequestScoped
public class PageSections {

    @Inject
    Instance<MemberPageSection> memberPage;

    @Inject
    Instance<CommunitiesPageSection> communitiesPage;

    @Inject
    CurrentUser currentUser;

    /** The sections of the coordinator's page of a member. */
    public List<RawString> memberPage(Community group, long memberId) {
        return render(memberPage.stream().toList(), MemberPageSection::position, s -> s.section(group, memberId));
    }

    /** The sections at the top of "my communities". */
    public List<RawString> communitiesPage() {
        return render(communitiesPage.stream().toList(), CommunitiesPageSection::position,
                CommunitiesPageSection::section);
    }

    private <S> List<RawString> render(List<S> sections, ToIntFunction<S> position,
            Function<S, Optional<TemplateInstance>> section) {
        return sections.stream().sorted(Comparator.comparingInt(position))
                .map(section).flatMap(Optional::stream)
                .map(t -> new RawString(t.setLocale(currentUser.locale()).render()))
                .toList();
    }
}
