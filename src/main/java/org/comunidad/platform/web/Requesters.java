package org.comunidad.platform.web;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is asking, for the fair-share limits: a signed-in member by the subject of their token
 * (already verified, no database round trip), a visitor by their address (the proxy's
 * forwarded address where the proxy is trusted).
 */
final class Requesters {

    private Requesters() {
    }

    static String key(SecurityIdentity identity, RoutingContext routing) {
        if (identity != null && !identity.isAnonymous()) {
            String subject = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getSubject() : null;
            return "m:" + (subject != null ? subject : identity.getPrincipal().getName());
        }
        SocketAddress remote = routing.request().remoteAddress();
        return "ip:" + (remote == null ? "unknown" : remote.hostAddress());
    }
}
