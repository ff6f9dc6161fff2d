package org.comunidad.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts the {@link Cluster} once for every cluster test class; it stops when the test JVM ends. */
public class ClusterExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Cluster cluster = Cluster.get();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Cluster.class, k -> (ExtensionContext.Store.CloseableResource) cluster::close);
    }
}
