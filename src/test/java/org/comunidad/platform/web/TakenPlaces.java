package org.comunidad.platform.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Places of the page admission that a test takes to fill it, so that its pages must wait; given
 * back after the test ({@code @AfterEach}: {@link #giveBack()}), whatever it asserted.
 */
@Singleton
public class TakenPlaces {

    @Inject
    PageAdmission admission;

    private int taken;

    /** Takes every free place. */
    void takeAll() {
        while (admission.available() > 0) {
            assertTrue(admission.enter());
            taken++;
        }
    }

    /** Gives one place back (a page waiting for it goes on). */
    void giveOne() {
        admission.leave();
        taken--;
    }

    /** Gives back every place still taken. */
    void giveBack() {
        for (; taken > 0; taken--) {
            admission.leave();
        }
    }
}
