package se.trygghetsnav.followup.overdue;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Sweeps on a schedule (trygghetsnav.followup.overdue.*); off where sweep-enabled is false. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "trygghetsnav.followup.overdue.sweep-enabled", havingValue = "true", matchIfMissing = true)
class OverdueScheduling {

    private final OverdueSweep sweep;

    OverdueScheduling(OverdueSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(initialDelayString = "${trygghetsnav.followup.overdue.sweep-initial-delay:30s}",
            fixedDelayString = "${trygghetsnav.followup.overdue.sweep-interval:5m}")
    void sweepOnSchedule() {
        sweep.sweep();
    }
}
