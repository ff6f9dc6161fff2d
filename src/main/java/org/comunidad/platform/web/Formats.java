package org.comunidad.platform.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.comunidad.platform.security.CurrentUser;

/**
 * Dates as the reader expects them: in their time zone and their language. Templates
 * reach it as {@code inject:fmt}; the ISO value goes in {@code <time datetime>}.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    @Inject
    CurrentUser currentUser;

    private DateTimeFormatter dateTime;
    private DateTimeFormatter date;

    public String dateTime(OffsetDateTime value) {
        if (value == null) {
            return "";
        }
        if (dateTime == null) {
            dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(currentUser.locale()).withZone(currentUser.zone());
        }
        return dateTime.format(value);
    }

    public String date(LocalDate value) {
        if (value == null) {
            return "";
        }
        if (date == null) {
            date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(currentUser.locale());
        }
        return date.format(value);
    }

    /** A size in bytes as people read it: 1,5 MB, 820 KB, 2 GB (decimal point as in the user's language). */
    public String bytes(long value) {
        String[] units = { "B", "KB", "MB", "GB", "TB" };
        double size = value;
        int unit = 0;
        while (size >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(currentUser.locale());
        number.setMaximumFractionDigits(unit == 0 || size >= 100 ? 0 : 1);
        return number.format(size) + " " + units[unit];
    }

    /**
     * For {@code <time datetime="...">}: the instant (a date and time) or the day (a date),
     * machine-readable. One method for both, not two of one name: Qute's generated resolvers
     * answer a method of one name directly, an overloaded one only through reflection.
     */
    public String iso(java.time.temporal.Temporal value) {
        if (value == null) {
            return "";
        }
        return value instanceof OffsetDateTime instant ? instant.toInstant().toString() : value.toString();
    }
}
