package io.feedlens.app.decode;

import org.apache.avro.Schema;

/** Where Avro schemas of the Schema Registry wire format come from: a registry's REST API, by schema id. */
public interface SchemaRegistry {

    /** The writer schema with this id; answers within a bounded time or throws with a message for people. */
    Schema schemaById(int id) throws SchemaLookupException;

    /** Where the schemas come from, for messages: the registry's URL. */
    String location();
}
