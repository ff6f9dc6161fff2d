package org.comunidad.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.comunidad.testsupport.Axe;
import org.comunidad.testsupport.Browser;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.Db;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.TimezoneAssignment;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In Debian's Chromium, through the real Keycloak, the acceptance: the leader of a
 * subgroup (Paraguay) schedules a videoconference in Asunción's time; a focal point of another
 * country (Peru, in Lima's zone) answers "I will attend" and downloads the meeting's .ics, which
 * an independent parser (biweekly) reads with the same instants, zone, UID and place; the leader
 * marks it held and records attendance, minutes, one agreement and one action item; the focal
 * point, having switched to Portuguese, reads them on the record page in Portuguese, and finds the
 * meeting in "my meetings" and in the month grid.
 */
@QuarkusTest
class MeetingBrowserTest {

    static final String APP = "http://localhost:" + ComunidadTestResource.APP_PORT;
    static final String SLUG = "seguridad-asistencia-victimas";
    static final String SUBGROUP = APP + "/c/" + SLUG;
    static final ZoneId ASUNCION = ZoneId.of("America/Asuncion");
    /** Photographs of the month grid at a desktop's and a phone's width, for a human look. */
    static final java.nio.file.Path SCREENSHOTS = java.nio.file.Path.of("target", "screenshots", "meetings");

    @Test
    void leaderSchedulesMemberAnswersLeaderRecordsMemberReadsInTheirLanguage() throws IOException {
        String title = "Videoconferencia de seguimiento del protocolo " + System.nanoTime();
        LocalDate day = LocalDate.now(ASUNCION).plusDays(8);
        Instant start = day.atTime(LocalTime.of(10, 0)).atZone(ASUNCION).toInstant();
        Instant end = day.atTime(LocalTime.of(11, 30)).atZone(ASUNCION).toInstant();
        long peru = Db.member("pf.peru");
        long leaderId = Db.member("lider.victimas");
        String languageBefore = (String) Db.value("select language from member where id = ?1", peru);

        try (Browser browser = Browser.launch();
                BrowserContext leaderContext = browser.newContext("es-PY");
                BrowserContext memberContext = browser.newContext("es-PE")) {
            // 1. The leader schedules a subgroup meeting.
            Page leader = Browser.signIn(leaderContext, SUBGROUP + "/meetings/new", "lider.victimas");
            leader.fill("#meeting-form [name=title]", title);
            leader.selectOption("#meeting-form [name=kind]", "VIDEOCONFERENCE");
            leader.fill("#meeting-form [name=date]", day.toString());
            leader.fill("#meeting-form [name=start]", "10:00");
            leader.fill("#meeting-form [name=end]", "11:30");
            leader.selectOption("#meeting-form [name=timeZone]", "America/Asuncion");
            leader.check("#meeting-form [name=venue][value=ROOM]");
            leader.fill("#meeting-form [name=description]", "Seguimiento del **protocolo regional** de retorno asistido.");
            leader.fill("#meeting-form [name=agenda]", "PE: Mecanismos de retorno asistido en Perú\nBorrador de protocolo regional");
            // The subgroup's countries are invited by default, and their officials with them.
            assertThat(leader.locator("#meeting-form [name=countries][value=PE]")).isChecked();
            // Paraguay, the subgroup's leader country, with them (a subgroup's countries do not repeat its leader's).
            leader.check("#meeting-form [name=countries][value=PY]");
            submit(leader, "#meeting-form");
            leader.waitForURL(Pattern.compile(Pattern.quote(SUBGROUP) + "/meetings/\\d+"));
            String meeting = leader.url();
            long id = Long.parseLong(meeting.substring(meeting.lastIndexOf('/') + 1));
            assertThat(leader.locator("h1")).hasText(title);
            assertThat(leader.locator("#agenda li").first()).containsText("Mecanismos de retorno asistido en Perú");
            assertEquals(0, Db.number("select sequence from meeting where id = ?1", id));

            // 2. A focal point of another country answers "I will attend" and downloads the .ics.
            Page member = Browser.signIn(memberContext, meeting, "pf.peru");
            assertThat(member.locator("h1")).hasText(title);
            // Asunción and Lima: the page gives the meeting's time and the reader's.
            assertThat(member.locator("dl.facts")).containsText("10:00");
            assertThat(member.locator("dl.facts")).containsText(
                    java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(start.atZone(ZoneId.of("America/Lima"))));
            member.check("#answer-form [name=answer][value=ATTENDING]");
            submit(member, "#answer-form form");
            member.waitForURL(u -> u.startsWith(meeting));
            assertEquals("ATTENDING", Db.value("select answer from meeting_invitee where meeting_id = ?1 and member_id = ?2",
                    id, peru));
            assertThat(member.locator("#answer-form [name=answer][value=ATTENDING]")).isChecked();

            Download download = member.waitForDownload(() -> member.click("#calendar"));
            assertTrue(download.suggestedFilename().endsWith(".ics"), download.suggestedFilename());
            String ics = Files.readString(download.path(), StandardCharsets.UTF_8);
            checkCalendar(ics, id, title, start, end);

            // 3. The leader marks it held and records attendance, minutes, an agreement and an action item.
            leader.reload();
            submit(leader, "#run form:has(input[name=status][value=HELD])");
            assertEquals("HELD", Db.value("select status from meeting where id = ?1", id));

            leader.navigate(meeting + "/outcome/attendance");
            // Pre-filled from the answers: Peru's focal point said they would attend.
            assertThat(leader.locator("#attendance-form select[name=status-" + peru + "]")).hasValue("PRESENT");
            leader.selectOption("#attendance-form select[name=status-" + leaderId + "]", "PRESENT");
            leader.selectOption("#attendance-form select[name=country-PE]", "PRESENT");
            leader.selectOption("#attendance-form select[name=country-PY]", "PRESENT");
            leader.selectOption("#attendance-form select[name=country-CL]", "REPRESENTED");
            leader.fill("#attendance-form [name=country-represented-CL]", "Delegación de Perú");
            leader.selectOption("#attendance-form select[name=country-EC]", "EXCUSED");
            submit(leader, "#attendance-form");
            assertEquals("PRESENT", Db.value("select attendance from meeting_country where meeting_id = ?1 and country_code = 'PE'", id));

            leader.navigate(meeting + "/outcome/minutes");
            leader.fill("#minutes-form [name=minutes]", "Se revisó el **borrador de protocolo** regional.\n\n- Perú presentó sus mecanismos.");
            submit(leader, "#minutes-form");

            leader.navigate(meeting + "/outcome/agreements");
            leader.fill("#agreement-form [name=text]", "Adoptar el borrador de protocolo regional como base de trabajo.");
            submit(leader, "#agreement-form");

            leader.navigate(meeting + "/outcome/actions");
            leader.fill("#action-form [name=text]", "Enviar los comentarios de Perú al borrador de protocolo.");
            leader.selectOption("#action-form [name=ownerCountry]", "PE");
            leader.fill("#action-form [name=due]", day.plusDays(30).toString());
            leader.selectOption("#action-form [name=status]", "OPEN");
            submit(leader, "#action-form");
            assertEquals(1, Db.number("select count(*) from meeting_action where meeting_id = ?1", id));

            // 4. The focal point reads them in their language: Portuguese, chosen in the header's menu.
            member.navigate(meeting);
            member.click("details.user-menu > summary");
            submit(member, "details.user-menu form.lang-form", "button[name=lang][value=pt]");
            member.navigate(meeting);
            assertThat(member.locator("html")).hasAttribute("lang", "pt");
            Properties pt = bundle("mtgr_pt");
            assertThat(member.locator("#attendance-title")).hasText(pt.getProperty("attendance_title"));
            // Peru, Paraguay and Chile (represented) were there; Ecuador excused itself.
            assertThat(member.locator("#attendance")).containsText(pt.getProperty("attendance_PRESENT"));
            assertThat(member.locator("#attendance")).containsText("Delegación de Perú");
            assertThat(member.locator("#minutes-title")).hasText(pt.getProperty("minutes_title"));
            assertThat(member.locator("#minutes .rich-text strong")).hasText("borrador de protocolo");
            assertThat(member.locator("#agreements-title")).hasText(pt.getProperty("agreements_title"));
            assertThat(member.locator("#agreements li#agreement-1"))
                    .hasText("Adoptar el borrador de protocolo regional como base de trabajo.");
            assertThat(member.locator("#actions-title")).hasText(pt.getProperty("actions_title"));
            assertThat(member.locator("#actions")).containsText("Enviar los comentarios de Perú al borrador de protocolo.");
            assertThat(member.locator("#actions")).containsText(pt.getProperty("status_$OPEN"));

            // Her meetings, across her communities and in the month grid, in Portuguese too.
            member.navigate(APP + "/meetings");
            assertThat(member.locator("h1")).hasText(bundle("mtgv_pt").getProperty("mine_title"));
            assertThat(member.locator("section[aria-labelledby=upcoming-title]")).containsText(title);
            Axe.assertAccessible(member);
            member.navigate(SUBGROUP + "/meetings/month?month=" + day.toString().substring(0, 7));
            assertThat(member.locator("td[data-date='" + day + "'] a[href$='/meetings/" + id + "']")).containsText(title);
            Axe.assertAccessible(member);
            member.navigate(APP + "/meetings/month?month=" + day.toString().substring(0, 7));
            assertThat(member.locator("td[data-date='" + day + "'] a[href$='/meetings/" + id + "']")).containsText(title);
            Axe.assertAccessible(member);
            // On a phone the grid scrolls sideways inside its frame; the page itself does not.
            member.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("month-1280.png")).setFullPage(true));
            member.setViewportSize(375, 800);
            member.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("month-375.png")).setFullPage(true));
            assertEquals(Boolean.TRUE, member.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    () -> "the page is wider than a phone; the grid should scroll inside its frame: " + member.evaluate("""
                            () => [...document.querySelectorAll('body *')]
                                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 10)
                                .map(e => e.tagName + '.' + e.className).join(' ')"""));
            // The grid's frame is a region reached with Tab, so that a keyboard scrolls it too.
            assertThat(member.locator(".month-wrap")).hasAttribute("tabindex", "0");
            Axe.assertAccessible(member);
            member.setViewportSize(1280, 900);
            // Keyboard: the meeting's link in the grid is reached with Tab and opened with Enter.
            member.locator("td[data-date='" + day + "'] a[href$='/meetings/" + id + "']").focus();
            member.keyboard().press("Enter");
            member.waitForURL(u -> u.endsWith("/meetings/" + id));
            assertThat(member.locator("h1")).hasText(title);
        } finally {
            Db.update("update member set language = ?2 where id = ?1", peru, languageBefore);
        }
    }

    /** Submits the form (with its first submit button) and expects the POST to be answered 303. */
    private static void submit(Page page, String form) {
        submit(page, form, "button[type=submit]");
    }

    private static void submit(Page page, String form, String button) {
        Response response = page.waitForResponse(r -> "POST".equals(r.request().method()),
                () -> page.locator(form).locator(button).first().click());
        assertEquals(303, response.status(), () -> "POST " + response.url() + ": " + response.status() + "\n"
                + safeText(response));
        page.waitForLoadState();
    }

    private static String safeText(Response response) {
        try {
            return response.text();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The downloaded .ics as an independent parser reads it. */
    private static void checkCalendar(String ics, long id, String title, Instant start, Instant end) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(ics).warnings(warnings).first();
        assertNotNull(calendar, ics);
        assertTrue(warnings.stream().allMatch(List::isEmpty), "parse warnings: " + warnings + "\n" + ics);
        assertEquals(1, calendar.getEvents().size(), ics);
        VEvent event = calendar.getEvents().get(0);
        assertEquals(title, event.getSummary().getValue());
        assertEquals(Db.value("select uid from meeting where id = ?1", id), event.getUid().getValue());
        assertEquals(0, event.getSequence() == null ? 0 : event.getSequence().getValue());
        assertEquals(start, event.getDateStart().getValue().toInstant(), "DTSTART, read through its VTIMEZONE");
        assertEquals(end, event.getDateEnd().getValue().toInstant(), "DTEND, read through its VTIMEZONE");
        TimezoneAssignment zone = calendar.getTimezoneInfo().getTimezone(event.getDateStart());
        assertNotNull(zone, "DTSTART carries a TZID with its VTIMEZONE, not UTC only:\n" + ics);
        assertEquals("America/Asuncion", zone.getComponent().getTimezoneId().getValue());
        assertTrue(ics.replace("\r\n ", "").contains("DTSTART;TZID="), "local time with its TZID:\n" + ics);
        assertNotNull(event.getLocation(), "the join link in LOCATION");
        String join = "/c/" + SLUG + "/meetings/" + id + "/join";
        assertTrue(event.getLocation().getValue().endsWith(join), event.getLocation().getValue());
        String firstLine = event.getDescription().getValue().lines().findFirst().orElse("");
        assertTrue(firstLine.endsWith(event.getLocation().getValue()),
                "the join link on the first line of DESCRIPTION: " + event.getDescription().getValue());
        assertTrue(event.getDescription().getValue().contains("/c/" + SLUG + "/meetings/" + id),
                "with the record's link");
        assertNotNull(event.getOrganizer(), "ORGANIZER");
        assertNotNull(event.getDateTimeStamp(), "DTSTAMP");
    }

    /** A message bundle's file, as the application reads it, so that the test follows its wording. */
    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("messages/" + name + ".properties")) {
            assertNotNull(in, "messages/" + name + ".properties");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
