package io.feedlens.app.decode.registry;


import org.apache.avro.Schema;

/** One registered version of a subject, as the registry lists it: the schema and the id records carry. */
public record SubjectVersion(String subject, int version, int id, Schema schema) {
}
