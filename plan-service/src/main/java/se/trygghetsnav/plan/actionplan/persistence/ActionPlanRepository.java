package se.trygghetsnav.plan.actionplan.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

import se.trygghetsnav.plan.actionplan.ActionPlan;

/**
 * Reads of plans, always limited to the caller's organisation (tenancy is enforced below the repositories).
 * Writes go through the aggregate store, which also stores the events.
 */
public interface ActionPlanRepository extends Repository<ActionPlan, UUID> {

    Optional<ActionPlan> findById(UUID id);

    Page<ActionPlan> findAllBy(Pageable pageable);
}
