package org.comunidad.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database answered its last probe ({@link Dependencies}). It replaces Quarkus'
 * datasource check (quarkus.datasource.health.enabled=false), which borrows a pooled connection:
 * it waits up to the pool's acquisition timeout and then the driver's own timeouts when the server
 * accepts and never answers, and reports a pool busy for a minute as a database down. This one
 * reads the background verdict: it answers at once.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Inject
    Dependencies dependencies;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(dependencies.databaseUp()).build();
    }
}
