package io.feedlens.app.decode;

/** Lower-case hex of the first bytes of a payload, for fallbacks and the record detail. */
final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    static String of(byte[] bytes, int limit) {
        int length = Math.min(bytes.length, limit);
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
