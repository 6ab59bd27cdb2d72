package io.feedlens.app.groups;

/**
 * Something about a group or an offset reset said in words a person can act on: a group that does not exist,
 * a reset refused and why. The CLI prints the message; a screen shows it.
 */
public final class GroupProblem extends RuntimeException {

    public GroupProblem(String message) {
        super(message);
    }

    public GroupProblem(String message, Throwable cause) {
        super(message, cause);
    }

    public static GroupProblem notFound(String groupId) {
        return new GroupProblem("There is no consumer group '" + groupId + "' (any more) on this cluster.");
    }
}
