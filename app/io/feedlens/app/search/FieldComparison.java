package io.feedlens.app.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import io.feedlens.app.decode.Decoded;

/**
 * A filter that is one comparison of a value field with a number ({@code value.amount > 5000},
 * {@code 10 <= value.count}), answered without CEL's interpreter when the field holds a number. CEL spends more
 * per record on such a filter (the variable lookup, the overload dispatch) than reading the field costs.
 *
 * <p>Only the case where the answer cannot differ is taken: the field is there and is an int or a double as CEL sees
 * it ({@link JsonValues}), compared the way CEL's standard functions compare them with heterogeneous numeric
 * comparisons on. Everything else — the field missing, text, null, an object, a value that is not a JSON object —
 * is left to CEL, so the errors and odd types get CEL's own answers.
 */
final class FieldComparison {

    private enum Operator { LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, EQUALS, NOT_EQUALS }

    private static final Map<String, Operator> OPERATORS = Map.of(
            "_<_", Operator.LESS, "_<=_", Operator.LESS_EQUALS, "_>_", Operator.GREATER, "_>=_", Operator.GREATER_EQUALS,
            "_==_", Operator.EQUALS, "_!=_", Operator.NOT_EQUALS);
    /** How an operator reads with its two sides swapped: {@code 10 <= value.count} is {@code value.count >= 10}. */
    private static final Map<Operator, Operator> SWAPPED = Map.of(
            Operator.LESS, Operator.GREATER, Operator.LESS_EQUALS, Operator.GREATER_EQUALS,
            Operator.GREATER, Operator.LESS, Operator.GREATER_EQUALS, Operator.LESS_EQUALS,
            Operator.EQUALS, Operator.EQUALS, Operator.NOT_EQUALS, Operator.NOT_EQUALS);

    private final String field;
    private final Operator operator;
    /** A {@code Long} (CEL int) or a {@code Double}. */
    private final Number literal;

    private FieldComparison(String field, Operator operator, Number literal) {
        this.field = field;
        this.operator = operator;
        this.literal = literal;
    }

    /** The comparison the whole expression is, or null when it is anything else. */
    static FieldComparison read(CelAbstractSyntaxTree ast) {
        CelExpr root = ast.getExpr();
        if (root.getKind() != CelExpr.ExprKind.Kind.CALL || root.call().target().isPresent()) {
            return null;
        }
        Operator operator = OPERATORS.get(root.call().function());
        List<CelExpr> args = root.call().args();
        if (operator == null || args.size() != 2) {
            return null;
        }
        String leftField = valueField(args.get(0));
        Number rightNumber = number(args.get(1));
        if (leftField != null && rightNumber != null) {
            return new FieldComparison(leftField, operator, rightNumber);
        }
        String rightField = valueField(args.get(1));
        Number leftNumber = number(args.get(0));
        return rightField != null && leftNumber != null ? new FieldComparison(rightField, SWAPPED.get(operator), leftNumber) : null;
    }

    /** The answer for a record whose value is {@code value}; null when CEL must give it. */
    Boolean test(Decoded value) {
        JsonNode tree = value.tree();
        JsonNode node = tree != null && tree.isObject() ? tree.get(field) : null;
        if (node == null) {
            return null;
        }
        Object seen = JsonValues.of(node);
        if (seen instanceof Long number) {
            return literal instanceof Long other ? holds(Long.compare(number, other), false)
                    : holds(compareIntDouble(number, (Double) literal), false);
        }
        if (seen instanceof Double number) {
            return literal instanceof Double other ? holdsForDoubles(number, other)
                    : holds(-compareIntDouble((Long) literal, number), false);
        }
        return null;
    }

    private boolean holds(int comparison, boolean unordered) {
        return switch (operator) {
            case LESS -> !unordered && comparison < 0;
            case LESS_EQUALS -> !unordered && comparison <= 0;
            case GREATER -> !unordered && comparison > 0;
            case GREATER_EQUALS -> !unordered && comparison >= 0;
            case EQUALS -> !unordered && comparison == 0;
            case NOT_EQUALS -> unordered || comparison != 0;
        };
    }

    /** CEL compares two doubles as Java's operators do: NaN is unordered and -0.0 equals 0.0. */
    private boolean holdsForDoubles(double a, double b) {
        boolean unordered = Double.isNaN(a) || Double.isNaN(b);
        return holds(a < b ? -1 : a > b ? 1 : 0, unordered);
    }

    /** As CEL's {@code compareIntDouble}: a double beyond the range of int64 is beyond every int. */
    private static int compareIntDouble(long a, double b) {
        if (b < -9.223372036854775807E18) {
            return 1;
        }
        if (b > 9.223372036854775807E18) {
            return -1;
        }
        return Double.compare((double) a, b);
    }

    /** The field name of {@code value.name} (not {@code has(value.name)}), or null. */
    private static String valueField(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.SELECT || expr.select().testOnly()) {
            return null;
        }
        CelExpr operand = expr.select().operand();
        return operand.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.ident().name().equals("value")
                ? expr.select().field() : null;
    }

    private static Number number(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
            return null;
        }
        CelConstant constant = expr.constant();
        if (constant.getKind() == CelConstant.Kind.INT64_VALUE) {
            return constant.int64Value();
        }
        return constant.getKind() == CelConstant.Kind.DOUBLE_VALUE ? constant.doubleValue() : null;
    }
}
