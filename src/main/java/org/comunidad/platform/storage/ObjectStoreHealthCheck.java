package org.comunidad.platform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the object store answered its last probe (the bucket exists). The probe runs in
 * the background (org.comunidad.platform.health.Dependencies, through the store's gate): this check
 * reads its verdict, so it answers at once even when the store hangs.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreHealthCheck implements HealthCheck {

    @Inject
    ObjectStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("object-store").status(store.reachable())
                .withData("bucket", store.bucket()).build();
    }
}
