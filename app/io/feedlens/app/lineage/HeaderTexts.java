package io.feedlens.app.lineage;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A record's headers as the text extraction reads them, the last one winning when a name repeats. A value becomes text
 * only when extraction asks for it: a fraud feed's record carries eight to fourteen headers and extraction reads four
 * to nine, and a map of them all meant hashing every name (a new string in each record) and copying every value.
 */
final class HeaderTexts extends AbstractMap<String, String> {

    private final Header[] headers;

    HeaderTexts(Headers headers) {
        this.headers = headers.toArray();
    }

    @Override
    public String get(Object name) {
        Header header = last(name);
        return header == null || header.value() == null ? null : new String(header.value(), UTF_8);
    }

    @Override
    public boolean containsKey(Object name) {
        return last(name) != null;
    }

    private Header last(Object name) {
        for (int i = headers.length - 1; i >= 0; i--) {
            if (headers[i].key().equals(name)) {
                return headers[i];
            }
        }
        return null;
    }

    /** Every header as text: only for callers that list them all, never on the indexer's path. */
    @Override
    public Set<Entry<String, String>> entrySet() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Header header : headers) {
            all.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
        }
        return all.entrySet();
    }
}
