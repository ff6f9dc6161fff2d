package org.comunidad.platform.content;

import java.util.List;

/** Thrown by services when a submission breaks a rule; nothing was stored. */
public class InvalidInput extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super("invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
