package io.feedlens.app.decode;

import java.util.List;

/**
 * What the decoder does to every key and value it hands out for people to see (the masking rules of a cluster, see
 * {@code io.feedlens.app.governance.Masking}). Lives here so the decoder needs nothing of governance.
 */
public interface ValueMask {

    ValueMask NONE = new ValueMask() {
        @Override
        public Decoded apply(String topic, boolean key, Decoded decoded) {
            return decoded;
        }

        @Override
        public List<DecodedHeader> headers(String topic, List<DecodedHeader> headers) {
            return headers;
        }

        @Override
        public boolean covers(String topic) {
            return false;
        }
    };

    /** The key or value as it may be shown: unchanged, or with its masked parts masked, hashed or left out. */
    Decoded apply(String topic, boolean key, Decoded decoded);

    /** The headers as they may be shown: some masked, hashed or left out. */
    List<DecodedHeader> headers(String topic, List<DecodedHeader> headers);

    /** Whether any rule reads this topic: its raw bytes must then not be shown either. */
    boolean covers(String topic);
}
