package se.trygghetsnav.plan.orgunit;

import java.util.UUID;

/**
 * A unit of the directory has been changed and stored: published in-process (a Spring application event)
 * after the change is stored, for views inside plan-service that show the unit.
 */
public record UnitChangedLocally(UUID unitId) {
}
