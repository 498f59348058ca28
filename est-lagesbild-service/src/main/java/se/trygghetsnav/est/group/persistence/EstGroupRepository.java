package se.trygghetsnav.est.group.persistence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

import se.trygghetsnav.est.group.EstGroup;

/**
 * Reads of EST groups, limited to the groups the caller's organisation is a member of (tenancy is enforced
 * below the repositories). Writes go through the aggregate store, which also stores the events.
 */
public interface EstGroupRepository extends Repository<EstGroup, UUID> {

    Optional<EstGroup> findById(UUID id);

    Page<EstGroup> findAllBy(Pageable pageable);
}
