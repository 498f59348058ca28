package se.trygghetsnav.plan.actionplan;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Absent lists in requests and stored documents read as empty; stored lists are immutable copies. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static <T> List<T> distinct(@Nullable List<T> list) {
        return list == null ? List.of() : list.stream().distinct().toList();
    }
}
