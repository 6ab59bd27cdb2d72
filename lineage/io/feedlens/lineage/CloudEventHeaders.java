package io.feedlens.lineage;

/**
 * The Kafka header names of FeedLens's lineage convention: the CloudEvents Kafka protocol binding (binary mode),
 * its correlation extension, W3C trace context, and the feature and decision extensions described in LINEAGE.md.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String TRACEPARENT = "traceparent";
    public static final String CORRELATION_ID = "ce_correlationid";

    public static final String FEATURE_VIEW = "ce_featureview";
    public static final String FEATURE_VERSION = "ce_featureversion";
    public static final String CAUSATION_ID = "ce_causationid";
    public static final String LINEAGE_PARENTS = "ce_lineageparents";

    public static final String MODEL_ID = "ce_modelid";
    public static final String MODEL_VERSION = "ce_modelversion";

    /** The CloudEvents version every FeedLens-convention record declares. */
    public static final String SPEC_VERSION_1_0 = "1.0";

    private CloudEventHeaders() {
    }
}
