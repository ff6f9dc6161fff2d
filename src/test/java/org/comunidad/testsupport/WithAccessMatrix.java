package org.comunidad.testsupport;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test class's access matrix: the class extends this and declares
 * {@code static AccessMatrix matrix()}; every row as every persona is one case, named
 * "title: route as PERSONA -> status" in reports.
 */
public abstract class WithAccessMatrix {

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    public void answersAsExpected(AccessMatrix.Case c) {
        c.check();
    }
}
