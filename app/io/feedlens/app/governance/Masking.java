package io.feedlens.app.governance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecodedHeader;
import io.feedlens.app.decode.Format;
import io.feedlens.app.decode.ValueMask;

/**
 * A cluster's masking rules at work on decoded keys and values. Fails closed: when a field rule applies but the
 * payload is not a JSON object or array (it fell back to text or bytes, e.g. broken JSON), the whole part is hidden,
 * since the field may well be in there and cannot be cut out.
 */
public final class Masking implements ValueMask {

    /** What a masked value reads as. */
    public static final String MASKED = "****";
    public static final String HIDDEN = "(hidden: masking rules apply to this topic and this payload is not a JSON object, "
            + "so they cannot be applied field by field)";
    public static final String HIDDEN_PROBLEM = "Could not be decoded (the reason is hidden: masking rules apply to this topic)";

    private final List<MaskRule> rules;
    private final byte[] hashKey;

    public Masking(List<MaskRule> rules, byte[] hashKey) {
        this.rules = List.copyOf(rules);
        this.hashKey = hashKey.clone();
    }

    @Override
    public boolean covers(String topic) {
        return rules.stream().anyMatch(rule -> rule.appliesTo(topic));
    }

    @Override
    public Decoded apply(String topic, boolean key, Decoded decoded) {
        MaskRule.Part part = key ? MaskRule.Part.KEY : MaskRule.Part.VALUE;
        List<MaskRule> matching = rules.stream().filter(r -> r.part() == part && r.appliesTo(topic)).toList();
        if (matching.isEmpty() || decoded.format() == Format.NULL) {
            return decoded;
        }
        // A fallback's tree is {hex, base64, …} of the raw bytes: a field rule finds nothing there, yet the field is inside.
        boolean structured = decoded.ok() && (decoded.format() == Format.JSON || decoded.format().isAvro());
        // A decoding problem may quote the payload ("Unrecognized token '4111…'"): say there was one, not what it said.
        String problem = decoded.ok() ? null : HIDDEN_PROBLEM;
        return decoded.withTree(tree -> mask(matching, structured, tree), problem);
    }

    @Override
    public List<DecodedHeader> headers(String topic, List<DecodedHeader> headers) {
        List<MaskRule> matching = rules.stream().filter(r -> r.part() == MaskRule.Part.HEADER && r.appliesTo(topic)).toList();
        if (matching.isEmpty()) {
            return headers;
        }
        List<DecodedHeader> shown = new ArrayList<>();
        for (DecodedHeader header : headers) {
            DecodedHeader result = header;
            for (MaskRule rule : matching) {
                if (result != null && rule.readsHeader(header.key())) {
                    result = rule.action() == MaskAction.REMOVE ? null : new DecodedHeader(header.key(),
                            (rule.action() == MaskAction.HASH ? hash(TextNode.valueOf(result.text())) : MASKED).getBytes(StandardCharsets.UTF_8));
                }
            }
            if (result != null) {
                shown.add(result);
            }
        }
        return shown;
    }

    /**
     * The tree with every matching rule applied, in the order the rules were written; the input is not changed.
     * {@code structured} is false when the payload was not read as JSON or Avro (no field can be found in it).
     */
    JsonNode mask(List<MaskRule> matching, boolean structured, JsonNode tree) {
        JsonNode result = tree;
        for (MaskRule rule : matching) {
            FieldPath path = rule.fieldPath();
            if (path.wholeRecordPart()) {
                result = rule.action() == MaskAction.HASH ? TextNode.valueOf(hash(result)) : TextNode.valueOf(MASKED);
                continue;
            }
            if (!structured || !result.isContainerNode()) {
                return TextNode.valueOf(HIDDEN);
            }
            result = result == tree ? tree.deepCopy() : result;
            applyAt(path, rule.action(), result);
        }
        return result;
    }

    private void applyAt(FieldPath path, MaskAction action, JsonNode root) {
        Map<JsonNode, List<String>> places = new IdentityHashMap<>();
        path.visit(root, (container, name) -> places.computeIfAbsent(container, c -> new ArrayList<>()).add(name));
        places.forEach((container, names) -> {
            if (container.isArray()) {
                // Highest index first, so removing one element does not shift the next one to be changed.
                names.stream().map(Integer::parseInt).distinct().sorted(Comparator.reverseOrder())
                        .forEach(i -> change((ArrayNode) container, i, action));
            } else {
                names.forEach(name -> change((ObjectNode) container, name, action));
            }
        });
    }

    private void change(ObjectNode container, String name, MaskAction action) {
        if (action == MaskAction.REMOVE) {
            container.remove(name);
        } else {
            container.set(name, replacement(container.get(name), action));
        }
    }

    private void change(ArrayNode container, int index, MaskAction action) {
        if (action == MaskAction.REMOVE) {
            container.remove(index);
        } else {
            container.set(index, replacement(container.get(index), action));
        }
    }

    private JsonNode replacement(JsonNode value, MaskAction action) {
        return TextNode.valueOf(action == MaskAction.HASH ? hash(value) : MASKED);
    }

    /**
     * A keyed digest (HMAC-SHA-256, 64 bits shown): equal values give equal hashes in this data folder, and a short
     * value (a card number, a postcode) cannot be found again by hashing every candidate without the key.
     */
    String hash(JsonNode value) {
        String text = value.isTextual() ? value.textValue() : value.toString();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return "hash:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
