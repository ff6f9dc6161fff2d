package org.comunidad.plan;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** Why an import's file or table is refused as a whole (400, the form again), in the plnx bundle. */
public enum PlanImportViolation implements Explained {
    /** Neither a CSV nor an XLSX file. */
    NOT_A_TABLE,
    /** Larger than {@link PlanTransferService#MAX_BYTES}. */
    TOO_LARGE,
    /** The spreadsheet could not be opened. */
    UNREADABLE,
    /** The first row is not "action lines | products or activities | deadline". */
    HEADINGS,
    /** No row of the table can be read. */
    NO_ROWS,
    /** The year is outside the plan's years. */
    YEAR_OUTSIDE;

    @Override
    public String message(String language, long limit) {
        PlanTransferMessages msg = MessageBundles.get(PlanTransferMessages.class, Localized.Literal.of(language));
        return this == TOO_LARGE ? msg.too_large(limit) : msg.violation(this);
    }
}
