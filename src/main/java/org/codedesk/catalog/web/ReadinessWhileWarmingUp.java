package org.codedesk.catalog.web;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The node's readiness ({@code /actuator/health/readiness}, and so the overall health) says "refusing traffic" while
 * the code page warm-up runs: a node just started serves its first pages several times slower until the JIT has
 * compiled the page path, so a load balancer should send readers to it only after. Its liveness is unaffected.
 * Takes the place of Spring Boot's own readiness indicator (same bean name).
 */
@Component("readinessStateHealthIndicator")
class ReadinessWhileWarmingUp extends ReadinessStateHealthIndicator {

    private final CodePageWarmUp warmUp;

    ReadinessWhileWarmingUp(ApplicationAvailability availability, CodePageWarmUp warmUp) {
        super(availability);
        this.warmUp = warmUp;
    }

    @Override
    protected AvailabilityState getState(ApplicationAvailability availability) {
        return warmUp.warming() ? ReadinessState.REFUSING_TRAFFIC : super.getState(availability);
    }
}
