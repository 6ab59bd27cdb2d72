package io.feedlens.app.governance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
import io.feedlens.lineage.extract.FactPlace;
import io.feedlens.lineage.trace.FactMask;
import io.feedlens.lineage.trace.TraceMasking;

/**
 * A cluster's masking rules at work on decoded keys and values. Fails closed: when a field rule applies but the
 * payload is not a JSON object or array (it fell back to text or bytes, e.g. broken JSON), the whole part is hidden,
 * since the field may well be in there and cannot be cut out.
 */
public final class Masking implements ValueMask, FactMask {

    /** What a masked value reads as. */
    public static final String MASKED = "****";
    public static final String HIDDEN = "(hidden: masking rules apply to this topic and this payload is not a JSON object, "
            + "so they cannot be applied field by field)";
    public static final String HIDDEN_PROBLEM = "Could not be decoded (the reason is hidden: masking rules apply to this topic)";

    private final List<MaskRule> rules;
    private final Map<MaskRule, FieldPath> paths = new HashMap<>();
    /** Per topic, the rules that match it: a glob is matched once per topic, not once per record. */
    private final Map<String, Map<MaskRule.Part, List<MaskRule>>> byTopic = new ConcurrentHashMap<>();
    /** Per topic, the rules that match it in the order written, for the index's own values. */
    private final Map<String, List<MaskRule>> inOrder = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> macs;

    public Masking(List<MaskRule> rules, byte[] hashKey) {
        this.rules = List.copyOf(rules);
        this.rules.forEach(rule -> paths.put(rule, rule.fieldPath()));
        byte[] key = hashKey.clone();
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    @Override
    public boolean covers(String topic) {
        return rulesFor(topic).values().stream().anyMatch(list -> !list.isEmpty());
    }

    private Map<MaskRule.Part, List<MaskRule>> rulesFor(String topic) {
        return byTopic.computeIfAbsent(topic, t -> {
            Map<MaskRule.Part, List<MaskRule>> parts = new java.util.EnumMap<>(MaskRule.Part.class);
            for (MaskRule.Part part : MaskRule.Part.values()) {
                parts.put(part, rules.stream().filter(rule -> rule.part() == part && rule.appliesTo(t)).toList());
            }
            return parts;
        });
    }

    private List<MaskRule> rulesFor(String topic, MaskRule.Part part) {
        return rulesFor(topic).get(part);
    }

    /**
     * {@inheritDoc} Changes the decoded tree in place: the decoder hands the unmasked {@link Decoded} to nobody else,
     * so copying it first would only cost time.
     */
    @Override
    public Decoded apply(String topic, boolean key, Decoded decoded) {
        List<MaskRule> matching = rulesFor(topic, key ? MaskRule.Part.KEY : MaskRule.Part.VALUE);
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
        List<MaskRule> matching = rulesFor(topic, MaskRule.Part.HEADER);
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
     * {@inheritDoc} The rules are applied in the order written, as in a record body; a hashed fact reads as the same
     * {@code hash:…} as the field or header it came from, so a trace can still be matched with the record.
     */
    @Override
    public String shown(String topic, List<FactPlace> places, String text) {
        String shown = text;
        for (MaskRule rule : inOrder.computeIfAbsent(topic, t -> rules.stream().filter(rule -> rule.appliesTo(t)).toList())) {
            if (places.stream().noneMatch(place -> names(rule, place))) {
                continue;
            }
            if (rule.action() == MaskAction.REMOVE) {
                return TraceMasking.REMOVED;
            }
            shown = rule.action() == MaskAction.HASH ? hash(TextNode.valueOf(shown)) : MASKED;
        }
        return shown;
    }

    /** Whether a rule names the place a fact is read from; no fact is read from the key, and no rule names the timestamp. */
    private boolean names(MaskRule rule, FactPlace place) {
        switch (place.kind()) {
            case HEADER:
                return rule.part() == MaskRule.Part.HEADER && rule.readsHeader(place.header());
            case VALUE:
                return rule.part() == MaskRule.Part.VALUE && paths.get(rule).reaches(place.path());
            default:
                return false;
        }
    }

    /**
     * The tree with every matching rule applied, in the order the rules were written, in place where it can be.
     * {@code structured} is false when the payload was not read as JSON or Avro (no field can be found in it).
     */
    JsonNode mask(List<MaskRule> matching, boolean structured, JsonNode tree) {
        JsonNode result = tree;
        for (MaskRule rule : matching) {
            FieldPath path = paths.get(rule);
            if (path.wholeRecordPart()) {
                result = rule.action() == MaskAction.HASH ? TextNode.valueOf(hash(result)) : TextNode.valueOf(MASKED);
                continue;
            }
            if (!structured || !result.isContainerNode()) {
                return TextNode.valueOf(HIDDEN);
            }
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
        byte[] digest = macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
        return "hash:" + HexFormat.of().formatHex(digest, 0, 8);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }
}
