package org.comunidad.platform.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the bucket at start. An object store that is down at start is not fatal:
 * readiness reports it and the bucket is created on the next start.
 */
@ApplicationScoped
public class StorageStartup {

    private static final Logger LOG = Logger.getLogger(StorageStartup.class);

    @Inject
    ObjectStore store;

    void onStart(@Observes StartupEvent event) {
        try {
            store.ensureBucket();
        } catch (StorageException e) {
            LOG.warnf("Object store not available at start (%s); readiness stays down until it is", e.getMessage());
        }
    }
}
