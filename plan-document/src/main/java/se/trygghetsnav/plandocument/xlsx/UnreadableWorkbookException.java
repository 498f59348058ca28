package se.trygghetsnav.plandocument.xlsx;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be read as a plan: no workbook at all, or a workbook none of whose sheets holds a plan table.
 * A service answers it as a 422 problem of the type {@link #problemKind()}, its detail message formatted with
 * {@link #arguments()}.
 */
public final class UnreadableWorkbookException extends RuntimeException {

    public enum Reason {
        /** Not a workbook: empty, neither OOXML nor OLE2, corrupt or encrypted. No arguments. */
        NOT_A_WORKBOOK("unreadable-workbook"),
        /** A workbook, but no sheet has a table header row. One argument: the sheets' names, comma-separated. */
        NO_PLAN_TABLE("workbook-without-plan-table");

        private final String problemKind;

        Reason(String problemKind) {
            this.problemKind = problemKind;
        }
    }

    private final Reason reason;
    private final Object[] arguments;

    UnreadableWorkbookException(Reason reason, @Nullable Throwable cause, Object... arguments) {
        super(reason.problemKind + Arrays.stream(arguments).map(String::valueOf)
                .collect(Collectors.joining(", ", arguments.length == 0 ? "" : ": ", "")), cause);
        this.reason = reason;
        this.arguments = arguments.clone();
    }

    public Reason reason() {
        return reason;
    }

    /** The problem type's last segment, e.g. {@code unreadable-workbook}: what plan-service has always answered. */
    public String problemKind() {
        return reason.problemKind;
    }

    /** The arguments of the problem's detail message. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
