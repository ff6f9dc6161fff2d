package org.comunidad.ops.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The identity provider as the app sees it when it only verifies bearer tokens: the realm's
 * discovery document and its signing keys, served on loopback, and access tokens signed with
 * this test's key carrying the claims Keycloak puts in them (subject, username, realm roles,
 * the profile attributes, audience "comunidad"). Stack A and stack B trust the same issuer,
 * as a restored installation keeps its Keycloak.
 */
final class OidcStub implements AutoCloseable {

    /** A demo official of deploy/local/keycloak-demo-users.json, as their token describes them. */
    record User(String subject, String username, String name, String role, String country, String institution,
            String position) {
    }

    static final User ADMIN = new User("00000000-0000-4000-a000-000000000001", "admin.prosur", "Valentina Rojas", "admin",
            "CL", "Ministerio de Relaciones Exteriores de Chile", "Coordinadora Nacional PROSUR");
    static final User COORDINATOR = new User("00000000-0000-4000-a000-000000000002", "coord.seguridad", "Andrés Muñoz",
            "coordinator", "CL", "Ministerio del Interior y Seguridad Pública", "Coordinador sectorial de Seguridad");

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final String issuer;

    private OidcStub(HttpServer server, RsaJsonWebKey key, String issuer) {
        this.server = server;
        this.key = key;
        this.issuer = issuer;
    }

    static OidcStub start(int port) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("backup-test");
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            String issuer = "http://127.0.0.1:" + port + "/realms/comunidad";
            String oidc = issuer + "/protocol/openid-connect";
            String discovery = new ObjectMapper().writeValueAsString(Map.of(
                    "issuer", issuer,
                    "authorization_endpoint", oidc + "/auth",
                    "token_endpoint", oidc + "/token",
                    "userinfo_endpoint", oidc + "/userinfo",
                    "end_session_endpoint", oidc + "/logout",
                    "jwks_uri", oidc + "/certs",
                    "response_types_supported", List.of("code"),
                    "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256")));
            String jwks = new JsonWebKeySet(key).toJson();
            server.createContext("/realms/comunidad/.well-known/openid-configuration", exchange -> send(exchange, discovery));
            server.createContext("/realms/comunidad/protocol/openid-connect/certs", exchange -> send(exchange, jwks));
            server.start();
            return new OidcStub(server, key, issuer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String issuer() {
        return issuer;
    }

    /** An access token for this user, valid 30 minutes. */
    String token(User user) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setSubject(user.subject());
            claims.setAudience("comunidad");
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(30);
            claims.setGeneratedJwtId();
            claims.setClaim("typ", "Bearer");
            claims.setClaim("azp", "comunidad-test");
            claims.setClaim("preferred_username", user.username());
            claims.setClaim("email", user.username() + "@demo.prosur.example");
            claims.setClaim("email_verified", true);
            claims.setClaim("name", user.name());
            claims.setClaim("country", user.country());
            claims.setClaim("institution", user.institution());
            claims.setClaim("position", user.position());
            claims.setClaim("locale", "es");
            claims.setClaim("realm_access", Map.of("roles", List.of(user.role())));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
