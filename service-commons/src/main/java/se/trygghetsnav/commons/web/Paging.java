package se.trygghetsnav.commons.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The {@code ?page=0&size=50} parameters of every paged list (conventions.md). Take it as a
 * {@code @Valid @ParameterObject Paging} controller parameter.
 *
 * @param page the page, from 0 (default 0)
 * @param size items per page, 1 to 200 (default 50)
 */
public record Paging(@Nullable @Min(0) Integer page, @Nullable @Min(1) @Max(200) Integer size) {

    public static final int DEFAULT_SIZE = 50;

    public Pageable sortedBy(Sort sort) {
        return PageRequest.of(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, sort);
    }
}
