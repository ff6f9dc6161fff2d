package org.comunidad.platform.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Test hook: slow pages on demand. A request with the header {@code X-Test-Hold} that has been
 * admitted (it runs after PageAdmission) waits here until the test opens the gate, holding its
 * place as an expensive page would, deterministically. Requests without the header pass.
 */
public class HeldPages {

    static final String HEADER = "X-Test-Hold";

    private static volatile CountDownLatch gate = new CountDownLatch(0);
    private static final AtomicInteger held = new AtomicInteger();

    /** From now on, requests with the header wait. */
    static void close() {
        gate = new CountDownLatch(1);
    }

    /** Lets every waiting request go on. */
    static void open() {
        gate.countDown();
    }

    /** Requests waiting at the gate now. */
    static int held() {
        return held.get();
    }

    @ServerRequestFilter(priority = Priorities.USER + 200)
    public void hold(ContainerRequestContext request) throws InterruptedException {
        if (request.getHeaderString(HEADER) == null) {
            return;
        }
        held.incrementAndGet();
        try {
            gate.await(30, TimeUnit.SECONDS);
        } finally {
            held.decrementAndGet();
        }
    }
}
