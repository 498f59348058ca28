package se.trygghetsnav.plan.actionplan;

import java.util.UUID;

/**
 * Something that keeps a plan from being adopted.
 *
 * @param rule what is missing, e.g. {@code measure-without-cause}
 * @param path where in the tree, by position, e.g. {@code focusAreas[0].problems[1].measures[2]}
 * @param location where in the tree, by name, e.g. "Unga i riskzon › Trygghet i skola › Öka vuxennärvaro"
 * @param elementId the element's id
 */
public record ReadinessViolation(String rule, String path, String location, UUID elementId) {
}
