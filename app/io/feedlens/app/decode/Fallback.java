package io.feedlens.app.decode;

import java.util.Base64;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What is shown when nothing else fits: the first bytes as hex and base64, the size, and the reason. */
final class Fallback {

    /** Enough to recognise a payload; the record detail reads the full bytes from the record itself. */
    static final int PREVIEW_BYTES = 4096;

    private Fallback() {
    }

    static Decoded bytes(byte[] bytes, String reason) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        int shown = Math.min(bytes.length, PREVIEW_BYTES);
        tree.put("hex", Hex.of(bytes, shown));
        byte[] head = bytes.length == shown ? bytes : java.util.Arrays.copyOf(bytes, shown);
        tree.put("base64", Base64.getEncoder().encodeToString(head));
        tree.put("size", bytes.length);
        tree.put("truncated", shown < bytes.length);
        return new Decoded(Format.BYTES, tree, null, reason, bytes.length);
    }
}
