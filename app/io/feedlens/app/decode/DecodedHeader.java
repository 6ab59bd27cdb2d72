package io.feedlens.app.decode;

import java.nio.charset.StandardCharsets;

/** One record header: its key, its raw bytes, and a readable form (the text when printable, hex otherwise). */
public record DecodedHeader(String key, byte[] value) {

    public boolean printable() {
        return value != null && Utf8.isPrintableText(value);
    }

    public String text() {
        if (value == null) {
            return "null";
        }
        return printable() ? new String(value, StandardCharsets.UTF_8) : Hex.of(value, value.length);
    }
}
