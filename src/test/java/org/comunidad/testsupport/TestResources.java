package org.comunidad.testsupport;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded services for every test of the suite (one app start). */
@QuarkusTestResource(value = ComunidadTestResource.class, restrictToAnnotatedClass = false)
public final class TestResources {

    private TestResources() {
    }
}
