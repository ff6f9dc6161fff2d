package org.comunidad.member;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.comunidad.notification.Emails;
import org.comunidad.testsupport.ComunidadTestResource;
import org.comunidad.testsupport.KeycloakServer;
import org.comunidad.testsupport.MailServer;
import org.comunidad.testsupport.Persona;
import org.comunidad.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An address Keycloak has not verified (email_verified false in the member's token) is kept
 * as such: the directory shows "not verified" in its place (page, CSV, vCard, search) and no
 * email goes to it; once verified, the directory shows it and the waiting emails leave.
 */
@QuarkusTest
class EmailVerifiedTest {

    static final String COLOMBIA_SUBJECT = "00000000-0000-4000-a000-000000000008";
    static final String ADDRESS = "pf.colombia@demo.prosur.example";
    static final String G = "/c/seguridad/members";

    @Inject
    Keycloak keycloak;

    @Inject
    EntityManager em;

    @Inject
    Emails emails;

    @AfterEach
    void verifiedAgain() {
        setVerifiedInKeycloak(true);
        signInAgainAsColombia();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from notification where event_key like 'email-verified-test:%'").executeUpdate();
            em.createNativeQuery("delete from notification_setting where member_id = ?1").setParameter(1, colombia())
                    .executeUpdate();
        });
    }

    @Test
    void anUnverifiedAddressIsNeitherShownNorWrittenTo() {
        // How it happens: the address changes in Keycloak (the member edits it in the account
        // console, or an administrator does) and is no longer verified; Keycloak asks for the
        // verification at the next sign-in, but the open session's refreshed tokens already carry
        // the address with email_verified false.
        String refreshToken = given().formParam("grant_type", "password").formParam("client_id", Tokens.TEST_CLIENT)
                .formParam("client_secret", "test-secret").formParam("username", "pf.colombia")
                .formParam("password", Tokens.PASSWORD).post(Tokens.tokenEndpoint())
                .then().statusCode(200).extract().path("refresh_token");
        setVerifiedInKeycloak(false);
        String refreshed = given().formParam("grant_type", "refresh_token").formParam("client_id", Tokens.TEST_CLIENT)
                .formParam("client_secret", "test-secret").formParam("refresh_token", refreshToken)
                .post(Tokens.tokenEndpoint()).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(refreshed).get("/profile").then().statusCode(200);

        String page = Persona.MEMBER.request().get(G).then().statusCode(200).extract().asString();
        String row = rowOf(page, "Camila Restrepo");
        assertFalse(page.contains(ADDRESS), "the directory hides the address");
        assertTrue(row.contains("no verificado"), row);
        assertTrue(page.contains("pf.peru@demo.prosur.example"), "verified addresses are still shown");

        assertFalse(Persona.MEMBER.request().get(G + "?q=" + ADDRESS).asString().contains("Camila Restrepo"),
                "nor is it found by a search for it");

        String csv = Persona.COORDINATOR.request().get(G + ".csv").then().statusCode(200).extract().asString();
        assertFalse(csv.contains(ADDRESS), csv);
        assertTrue(csv.contains("Camila Restrepo,no verificado,"), csv);
        String cards = Persona.COORDINATOR.request().get(G + ".vcf").then().statusCode(200).extract().asString();
        String card = Arrays.stream(cards.split("END:VCARD")).filter(c -> c.contains("FN:Camila Restrepo")).findFirst()
                .orElseThrow();
        assertFalse(card.contains("EMAIL"), card);
        assertEquals(false, verifiedInTheMemberRow(), "the member row keeps the token's email_verified");

        MailServer mail = ComunidadTestResource.services().mail();
        mail.purge();
        skipOthersPendingEmails();
        publish("MENTION", "mention");
        setting("JOIN_APPROVED", "DIGEST");
        publish("JOIN_APPROVED", "digest");
        emails.sendImmediate();
        emails.sendDigests(Instant.now(), true);
        assertEquals(List.of(), mail.to(ADDRESS), "no email to an unverified address");

        // Verified (e.g. through Keycloak's link): at the next sign-in the directory shows it and the mention leaves.
        setVerifiedInKeycloak(true);
        signInAgainAsColombia();
        assertEquals(true, verifiedInTheMemberRow());
        assertTrue(Persona.MEMBER.request().get(G).asString().contains("mailto:" + ADDRESS));
        emails.sendImmediate();
        emails.sendDigests(Instant.now(), true);
        assertEquals(2, mail.to(ADDRESS).size(), "the waiting emails went out: " + mail.to(ADDRESS));
    }

    private void setVerifiedInKeycloak(boolean verified) {
        UserResource user = keycloak.realm(KeycloakServer.REALM).users().get(COLOMBIA_SUBJECT);
        UserRepresentation representation = user.toRepresentation();
        representation.setEmailVerified(verified);
        if (verified) {
            // Had the test failed after a password sign-in, Keycloak would have asked for the verification.
            representation.setRequiredActions(List.of());
        }
        user.update(representation);
    }

    /** A new token (it carries email_verified as Keycloak has it now), used on a page. */
    private static void signInAgainAsColombia() {
        Tokens.fresh("pf.colombia");
        Persona.GROUP_MEMBER.request().get("/profile").then().statusCode(200);
    }

    private boolean verifiedInTheMemberRow() {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                "select email_verified from member where subject = ?1").setParameter(1, COLOMBIA_SUBJECT)
                .getSingleResult());
    }

    private static String rowOf(String page, String name) {
        int at = page.indexOf(name);
        assertTrue(at >= 0, name + " in the directory");
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private long colombia() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select id from member where subject = ?1").setParameter(1, COLOMBIA_SUBJECT).getSingleResult())
                .longValue());
    }

    private void skipOthersPendingEmails() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update notification set emailed_at = now(), email_via = 'SKIPPED' where emailed_at is null")
                    .executeUpdate();
            em.createNativeQuery("update member set digest_sent_at = null where subject = ?1")
                    .setParameter(1, COLOMBIA_SUBJECT).executeUpdate();
        });
    }

    private void publish(String kind, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into notification (member_id, kind, event_key, community_id, actor_id, link, excerpt)
                values (?1, ?2, ?3, (select id from community where slug = 'seguridad'),
                        (select id from member where username = 'coord.seguridad'), '/c/seguridad', 'Texto del aviso')""")
                .setParameter(1, colombia()).setParameter(2, kind).setParameter(3, "email-verified-test:" + key)
                .executeUpdate());
    }

    private void setting(String kind, String channel) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into notification_setting (member_id, kind, channel) values (?1, ?2, ?3)")
                .setParameter(1, colombia()).setParameter(2, kind).setParameter(3, channel).executeUpdate());
    }
}
