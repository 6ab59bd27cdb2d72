package io.feedlens.app.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.feedlens.lineage.extract.FactPlace;

/**
 * The JSONPath subset a masking rule uses: {@code $} (the whole key or value), {@code .name} and {@code ['name']}
 * (a member), {@code [3]} (an array element), {@code [*]} and {@code .*} (every member or element), and
 * {@code ..name} (a member of that name at any depth). Filters and slices are left out: a masking rule names fields.
 */
public record FieldPath(String text, List<Step> steps) {

    /** One step of a path; {@code name} is null for an index or a wildcard. */
    public record Step(Kind kind, String name, int index) {
    }

    public enum Kind { MEMBER, INDEX, ANY, DESCENDANT }

    public FieldPath {
        steps = List.copyOf(steps);
    }

    public boolean wholeRecordPart() {
        return steps.isEmpty();
    }

    public static FieldPath parse(String text) {
        if (text == null || !text.strip().startsWith("$")) {
            throw new IllegalArgumentException("A masking path is a JSONPath starting at $, e.g. $.card.number, $..email or $.items[*].iban; not '"
                    + text + "'");
        }
        String path = text.strip();
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            i = step(path, i, steps);
        }
        return new FieldPath(path, steps);
    }

    private static int step(String path, int i, List<Step> steps) {
        if (path.startsWith("..", i)) {
            int end = nameEnd(path, i + 2);
            steps.add(new Step(Kind.DESCENDANT, name(path, i + 2, end), -1));
            return end;
        }
        if (path.charAt(i) == '.') {
            int end = nameEnd(path, i + 1);
            String name = name(path, i + 1, end);
            steps.add(name.equals("*") ? new Step(Kind.ANY, null, -1) : new Step(Kind.MEMBER, name, -1));
            return end;
        }
        if (path.charAt(i) == '[') {
            int close = path.indexOf(']', i);
            if (close < 0) {
                throw bad(path, "a [ without its ]");
            }
            steps.add(bracket(path, path.substring(i + 1, close).strip()));
            return close + 1;
        }
        throw bad(path, "'" + path.charAt(i) + "' at position " + (i + 1) + " (expected . or [)");
    }

    private static Step bracket(String path, String inside) {
        if (inside.equals("*")) {
            return new Step(Kind.ANY, null, -1);
        }
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\""))) {
            return new Step(Kind.MEMBER, inside.substring(1, inside.length() - 1), -1);
        }
        try {
            return new Step(Kind.INDEX, null, Integer.parseInt(inside));
        } catch (NumberFormatException e) {
            throw bad(path, "[" + inside + "] (expected a quoted name, a number or *)");
        }
    }

    private static int nameEnd(String path, int start) {
        int end = start;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
        }
        return end;
    }

    private static String name(String path, int start, int end) {
        if (end == start) {
            throw bad(path, "a field name missing at position " + (start + 1));
        }
        return path.substring(start, end);
    }

    private static IllegalArgumentException bad(String path, String what) {
        return new IllegalArgumentException("The masking path " + path + " has " + what);
    }

    /**
     * Whether this path selects the place a JSON pointer's {@code tokens} name, or a field that holds it (masking
     * {@code $.card} hides {@code /card/number} too). {@link FactPlace#ANY_ELEMENT} is matched by every index, since
     * which element a fact came from is not known: a rule on {@code $.used[2].value} then hides every logged value.
     */
    public boolean reaches(List<String> tokens) {
        return reaches(0, tokens, 0);
    }

    private boolean reaches(int at, List<String> tokens, int token) {
        if (at == steps.size()) {
            return true;
        }
        if (token == tokens.size()) {
            return false;
        }
        Step step = steps.get(at);
        String name = tokens.get(token);
        boolean anyElement = FactPlace.ANY_ELEMENT.equals(name);
        switch (step.kind()) {
            case MEMBER:
                return !anyElement && name.equals(step.name()) && reaches(at + 1, tokens, token + 1);
            case INDEX:
                return (anyElement || name.equals(String.valueOf(step.index()))) && reaches(at + 1, tokens, token + 1);
            case ANY:
                return reaches(at + 1, tokens, token + 1);
            default:
                for (int deeper = token; deeper < tokens.size(); deeper++) {
                    if (tokens.get(deeper).equals(step.name()) && reaches(at + 1, tokens, deeper + 1)) {
                        return true;
                    }
                }
                return false;
        }
    }

    /**
     * Calls {@code found} with the container and member name (or element index, as text) of each place the path
     * selects in {@code root}. The root itself is never reported: {@link #wholeRecordPart()} covers that.
     */
    public void visit(JsonNode root, BiConsumer<JsonNode, String> found) {
        visit(root, 0, found);
    }

    private void visit(JsonNode node, int at, BiConsumer<JsonNode, String> found) {
        if (at == steps.size() || node == null) {
            return;
        }
        Step step = steps.get(at);
        boolean last = at == steps.size() - 1;
        switch (step.kind()) {
            case MEMBER -> member(node, step.name(), at, last, found);
            case INDEX -> {
                if (node.isArray() && step.index() >= 0 && step.index() < node.size()) {
                    reach(node, String.valueOf(step.index()), node.get(step.index()), at, last, found);
                }
            }
            case ANY -> children(node, (name, child) -> reach(node, name, child, at, last, found));
            case DESCENDANT -> {
                member(node, step.name(), at, last, found);
                children(node, (name, child) -> visit(child, at, found));
            }
        }
    }

    private void member(JsonNode node, String name, int at, boolean last, BiConsumer<JsonNode, String> found) {
        if (node.isObject() && node.has(name)) {
            reach(node, name, node.get(name), at, last, found);
        }
    }

    private void reach(JsonNode parent, String name, JsonNode child, int at, boolean last, BiConsumer<JsonNode, String> found) {
        if (last) {
            found.accept(parent, name);
        } else {
            visit(child, at + 1, found);
        }
    }

    private static void children(JsonNode node, BiConsumer<String, JsonNode> each) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> each.accept(name, node.get(name)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                each.accept(String.valueOf(i), node.get(i));
            }
        }
    }
}
