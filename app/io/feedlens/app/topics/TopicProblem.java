package io.feedlens.app.topics;

/** Something about a topic a person can act on, said plainly (the topic is gone, for example). */
public final class TopicProblem extends RuntimeException {

    private TopicProblem(String message, Throwable cause) {
        super(message, cause);
    }

    /** The topic was deleted, or never existed on this cluster. */
    public static TopicProblem missing(String topic, Throwable cause) {
        return new TopicProblem("The topic '" + topic + "' does not exist on this cluster (any more). "
                + "It may have been deleted; refresh the list.", cause);
    }
}
