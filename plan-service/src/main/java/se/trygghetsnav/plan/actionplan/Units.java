package se.trygghetsnav.plan.actionplan;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.trygghetsnav.plan.orgunit.OrgUnit;

/**
 * The units a change may name as responsible, looked up before the change (the plan cannot read the
 * directory itself), so measure events can carry their contacts.
 */
public final class Units {

    private final Map<UUID, OrgUnit> byId;

    private Units(Map<UUID, OrgUnit> byId) {
        this.byId = byId;
    }

    public static Units of(Collection<OrgUnit> units) {
        return new Units(units.stream().collect(Collectors.toUnmodifiableMap(OrgUnit::getId, Function.identity(),
                (first, second) -> first)));
    }

    /** The unit; the service resolved every id a change names before making it. */
    public OrgUnit require(UUID unitId) {
        OrgUnit unit = byId.get(unitId);
        if (unit == null) {
            throw new IllegalStateException("Unit " + unitId + " was not resolved before the change");
        }
        return unit;
    }
}
