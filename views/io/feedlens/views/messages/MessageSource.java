package io.feedlens.views.messages;

import java.util.Map;

import io.feedlens.app.decode.RecordDecoder;

/** Where the Messages tab reads from: the connected cluster's client settings and its one decoder. */
public record MessageSource(Map<String, Object> clientConfig, RecordDecoder decoder) {

    public MessageSource {
        clientConfig = Map.copyOf(clientConfig);
    }
}
