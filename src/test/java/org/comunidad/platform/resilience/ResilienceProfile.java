package org.comunidad.platform.resilience;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The app with a cuttable network between it and PostgreSQL and the S3 server ({@link FaultProxies}).
 * One profile for every resilience test: Quarkus restarts once for all of them.
 */
public class ResilienceProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FaultProxies.class));
    }
}
