package org.comunidad.plan;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The fixed choices of the plan forms, for templates ({@code inject:planChoices}). */
@Named("planChoices")
@ApplicationScoped
public class PlanChoices {

    public List<ItemStatus> statuses() {
        return List.of(ItemStatus.values());
    }

    /** Whether a choice (an enum constant, an id) is the value typed or stored. */
    public boolean same(Object choice, Object value) {
        return choice != null && value != null && choice.toString().equals(value.toString());
    }
}
