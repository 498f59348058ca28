package se.trygghetsnav.plan.orgunit.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

import se.trygghetsnav.plan.orgunit.OrgUnit;

/** Reads of the unit directory. Writes go through the aggregate store, which also stores the events. */
public interface OrgUnitRepository extends Repository<OrgUnit, UUID> {

    Optional<OrgUnit> findByIdAndOrganisationId(UUID id, String organisationId);

    Page<OrgUnit> findByOrganisationId(String organisationId, Pageable pageable);

    List<OrgUnit> findByOrganisationIdAndIdIn(String organisationId, Collection<UUID> ids);
}
