package se.trygghetsnav.commons.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** A page of a list, as conventions.md asks: the items plus {@code page}, {@code size} and {@code totalElements}. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapping) {
        return new PageResponse<>(page.getContent().stream().map(mapping).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
