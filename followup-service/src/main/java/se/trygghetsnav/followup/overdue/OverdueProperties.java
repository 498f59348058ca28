package se.trygghetsnav.followup.overdue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How overdue detection sweeps.
 *
 * @param sweepEnabled whether this instance sweeps on a schedule (all instances may: they take turns by lock)
 * @param sweepInterval the pause between sweeps
 * @param sweepLockAtMost how long a sweep may hold the cluster-wide lock before another instance may take it
 * @param firstSweepLookback how far back the very first sweep reads the due calendar
 */
@ConfigurationProperties("trygghetsnav.followup.overdue")
public record OverdueProperties(
        @DefaultValue("true") boolean sweepEnabled,
        @DefaultValue("5m") Duration sweepInterval,
        @DefaultValue("10m") Duration sweepLockAtMost,
        @DefaultValue("31d") Duration firstSweepLookback) {
}
