package org.comunidad.plan;

import org.comunidad.platform.content.Explained;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the plan forms may get wrong beyond the generic codes, in the pln bundle. */
public enum PlanViolation implements Explained {
    /** A currency that is not an ISO 4217 code (USD, CLP, BRL...). */
    INVALID_CURRENCY,
    /** An amount without its currency. */
    CURRENCY_REQUIRED,
    /** An amount that is not a number of at most 14 digits and 2 decimals, or negative. */
    INVALID_AMOUNT,
    /** A deadline that is no period (the reason follows in the message). */
    INVALID_PERIOD,
    /** A period to be defined or continuing cannot be read. */
    PERIOD_EMPTY,
    /** A parent's progress is the mean of its children: never typed. */
    PARENT_PROGRESS,
    /** Progress is a whole number from 0 to 100. */
    INVALID_PROGRESS,
    /** A weight above 0 and at most 1000. */
    INVALID_WEIGHT,
    /** Only the coordinator sets a weight. */
    WEIGHT_COORDINATOR,
    /** A year outside the plan's years. */
    YEAR_OUTSIDE_PLAN,
    /** The plan's years: start no later than end, at most ten. */
    INVALID_YEARS,
    /** That community already has an annual plan for that year. */
    YEAR_EXISTS,
    /** The scheme has no level below this item. */
    NO_LEVEL_BELOW,
    /** The annual plan chosen is not one of the item's community. */
    YEAR_OF_OTHER_COMMUNITY;

    @Override
    public String message(String language, long limit) {
        return MessageBundles.get(PlanMessages.class, Localized.Literal.of(language)).violation(this);
    }
}
