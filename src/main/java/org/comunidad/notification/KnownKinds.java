package org.comunidad.notification;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.comunidad.platform.notice.NoticeKind;
import org.comunidad.platform.notice.NoticeKinds;

/**
 * Every kind of notice the features contribute ({@link NoticeKinds} beans), by the name stored
 * in the rows. The notifications know no feature: a feature adds a kind by declaring it in its
 * own package.
 */
@ApplicationScoped
public class KnownKinds {

    private final Map<String, NoticeKind> byName = new LinkedHashMap<>();

    @Inject
    KnownKinds(Instance<NoticeKinds> contributions) {
        contributions.stream().sorted(Comparator.comparingInt(NoticeKinds::position))
                .flatMap(c -> c.kinds().stream()).forEach(kind -> {
                    NoticeKind same = byName.putIfAbsent(kind.name(), kind);
                    if (same != null) {
                        throw new IllegalStateException("two kinds of notice are named " + kind.name());
                    }
                });
    }

    /** The kind stored under this name; empty for a kind no feature sends any more. */
    public Optional<NoticeKind> named(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** Every kind, in the order of the email preferences. */
    public List<NoticeKind> all() {
        return List.copyOf(byName.values());
    }

    /** The kinds a member chooses for, in the order of the email preferences (one per choice). */
    public List<NoticeKind> choices() {
        return byName.values().stream().filter(k -> k.choice().name().equals(k.name())).toList();
    }

    /** The kinds that follow the same choice as this one (itself included). */
    public List<NoticeKind> linked(NoticeKind kind) {
        return byName.values().stream().filter(k -> k.choice().name().equals(kind.choice().name())).toList();
    }

    /** The names of the kinds emailed at once by default. */
    public List<String> atOnce() {
        return byName.values().stream().filter(NoticeKind::atOnce).map(NoticeKind::name).toList();
    }
}
