package io.feedlens.lineage.extract;

import java.util.List;

import io.feedlens.lineage.CloudEventHeaders;

/** The facts every role has, and where the convention (LINEAGE.md) keeps them. */
public interface RecordFacts {

    FactSource CE_ID = FactSource.of(FactSource.HEADER_PREFIX + CloudEventHeaders.ID);
    FactSource CE_SOURCE = FactSource.of(FactSource.HEADER_PREFIX + CloudEventHeaders.SOURCE);
    FactSource CE_SUBJECT = FactSource.of(FactSource.HEADER_PREFIX + CloudEventHeaders.SUBJECT);
    /** ce_time, else the record's Kafka timestamp. */
    FactSource CE_TIME = FactSource.of(FactSource.HEADER_PREFIX + CloudEventHeaders.TIME, FactSource.TIMESTAMP);

    /** The fact id (a decision's is its decision id); with {@link #source}, what makes two records copies of one fact. */
    FactSource id();

    FactSource source();

    /** The entity key: card, user, account. */
    FactSource entity();

    /** Event time, a feature value's as-of time, or the decision time. */
    FactSource time();

    /** Every fact's places, for the facts this mapping reads (a fact it may leave out and did is not among them). */
    List<FactSource> sources();

    static FactSource or(FactSource given, FactSource convention) {
        return given == null ? convention : given;
    }
}
