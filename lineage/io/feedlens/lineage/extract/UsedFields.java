package io.feedlens.lineage.extract;

/**
 * Where each entry of a decision's used list keeps its fields, as JSON pointers into the entry. The convention's
 * names (LINEAGE.md) are the defaults. An entry must name its feature record by {@code featureId} or {@code ref}.
 */
public record UsedFields(FactSource featureView, FactSource version, FactSource featureId, FactSource ref, FactSource value,
                         FactSource asOf, FactSource status) {

    public static final UsedFields CONVENTION = new UsedFields(null, null, null, null, null, null, null);

    public UsedFields {
        featureView = pointer(featureView, "/featureview", "featureView");
        version = pointer(version, "/version", "version");
        featureId = pointer(featureId, "/feature_id", "featureId");
        ref = pointer(ref, "/ref", "ref");
        value = pointer(value, "/value", "value");
        asOf = pointer(asOf, "/as_of", "asOf");
        status = pointer(status, "/status", "status");
    }

    private static FactSource pointer(FactSource given, String convention, String field) {
        FactSource source = given == null ? FactSource.of(convention) : given;
        if (!source.onlyPointers()) {
            throw new IllegalArgumentException("usedFields." + field + " '" + source + "' must be a JSON pointer into each used entry"
                    + " (e.g. /feature): entries have no headers or timestamp of their own");
        }
        return source;
    }

}
