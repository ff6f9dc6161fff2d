package org.comunidad.meeting;

/** What a meeting decided and who attended, as its page shows it. */
public record OutcomeSection(boolean canRecord) {
}
