package org.comunidad.platform.content;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * Runs the features' {@link Participation} counts: every count of a page in one statement,
 * whatever the number of features.
 */
@ApplicationScoped
public class ParticipationCounts {

    /** A count as a page shows it. */
    public record Counted(String key, String label, long value) {
    }

    @Inject
    EntityManager em;

    @Inject
    Instance<Participation> features;

    /** What was created since the date in scope (a community; with its subgroups if scopeIn says so). */
    public List<Counted> created(long scopeId, String scopeIn, long groupId, boolean subgroup, OffsetDateTime since,
            String language) {
        List<Participation.Count> counts = sorted(p -> p.created(subgroup));
        return run(counts, "select ", sql -> sql.replace("{scope}", scopeIn),
                Map.of("scope", scopeId, "group", groupId, "since", since), language);
    }

    /** What the member contributed to the group and its subgroups. */
    public List<Counted> contributed(long groupId, long memberId, String language) {
        return run(sorted(Participation::contributed),
                "with tree as (select id from community where id = :g or parent_id = :g)\nselect ", Function.identity(),
                Map.of("g", groupId, "m", memberId), language);
    }

    private List<Participation.Count> sorted(Function<Participation, List<Participation.Count>> counts) {
        return features.stream().flatMap(p -> counts.apply(p).stream())
                .sorted(Comparator.comparingInt(Participation.Count::position)).toList();
    }

    private List<Counted> run(List<Participation.Count> counts, String start, Function<String, String> sql,
            Map<String, Object> params, String language) {
        if (counts.isEmpty()) {
            return List.of();
        }
        String select = IntStream.range(0, counts.size())
                .mapToObj(i -> "(" + sql.apply(counts.get(i).sql()) + ") as c" + i)
                .collect(Collectors.joining(",\n       ", start, ""));
        Query query = em.createNativeQuery(select, Tuple.class);
        params.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(select).find()) {
                query.setParameter(name, value);
            }
        });
        Tuple row = (Tuple) query.getSingleResult();
        return IntStream.range(0, counts.size()).mapToObj(i -> new Counted(counts.get(i).key(),
                counts.get(i).label().in(language), row.get("c" + i, Number.class).longValue())).toList();
    }
}
