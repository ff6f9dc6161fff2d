package org.comunidad.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.comunidad.platform.notice.NoticeKind;


/**
 * The unsubscribe links of emails: the member and the kind (or every email), signed with
 * HMAC-SHA256 so that nobody can unsubscribe someone else. They do not expire: an old email's
 * link must still work.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** What a link asks: stop one kind of email, or all of them ({@code kind} null). */
    public record Request(long memberId, NoticeKind kind) {
    }

    private static final String ALL = "ALL";

    @Inject
    KnownKinds kinds;

    @Inject
    MailConfig mail;

    @jakarta.inject.Inject
    org.comunidad.platform.web.SiteConfig site;

    public String unsubscribe(long memberId, NoticeKind kind) {
        return site.baseUrl() + "/unsubscribe?t=" + token(memberId, kind);
    }

    String token(long memberId, NoticeKind kind) {
        String payload = memberId + ":" + (kind == null ? ALL : kind.name());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(mac(payload));
    }

    /** The request of a well-signed token; empty for anything else. */
    public Optional<Request> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split(":", 2);
            long memberId = Long.parseLong(parts[0]);
            if (ALL.equals(parts[1])) {
                return Optional.of(new Request(memberId, null));
            }
            return kinds.named(parts[1]).map(kind -> new Request(memberId, kind));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        String secret = mail.linkSecret();
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("comunidad.mail.link-secret must have at least 32 characters");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("unsubscribe:" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
