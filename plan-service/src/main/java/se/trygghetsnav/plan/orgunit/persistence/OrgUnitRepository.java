package se.trygghetsnav.plan.orgunit.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

import se.trygghetsnav.plan.orgunit.OrgUnit;

/**
 * Reads of the unit directory, always limited to the caller's organisation (tenancy is enforced below the
 * repositories). Writes go through the aggregate store, which also stores the events.
 */
public interface OrgUnitRepository extends Repository<OrgUnit, UUID> {

    Optional<OrgUnit> findById(UUID id);

    Page<OrgUnit> findAllBy(Pageable pageable);

    List<OrgUnit> findByIdIn(Collection<UUID> ids);

    /** The whole directory of the caller's organisation, e.g. to match units named in an imported plan. */
    List<OrgUnit> findAllByOrderByName();
}
