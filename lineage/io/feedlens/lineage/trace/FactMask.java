package io.feedlens.lineage.trace;

import java.util.List;

import io.feedlens.lineage.extract.FactPlace;

/**
 * The cluster's masking rules as far as the lineage index's own values go (entity ids, fact ids, feature values): the
 * app answers from the governance file, the tracer knows neither the file nor the rules. Applied when a trace or an
 * impact list is made for a person, not when the index is written, so a rule added later covers what is already indexed.
 */
public interface FactMask {

    /** No rules: every fact is shown as indexed. */
    FactMask NONE = (topic, places, text) -> text;

    /**
     * What a person may see of {@code text}, a fact read from one of {@code places} of a record on {@code topic}:
     * {@code text} itself when no rule names those places, else what the rule makes of it ({@code ****}, {@code hash:…}).
     */
    String shown(String topic, List<FactPlace> places, String text);
}
