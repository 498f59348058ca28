package se.trygghetsnav.followup.planprojection;

import java.util.Set;
import java.util.UUID;

/**
 * Told when measures were put in force, changed in force, or taken out of force (see {@link TrackedMeasures}),
 * after the change is stored and before the plan event that caused it is recorded as applied: a crash in
 * between repeats the call, so implementations must be idempotent.
 */
public interface MeasuresInForceListener {

    void measuresChanged(Set<UUID> measureIds);
}
