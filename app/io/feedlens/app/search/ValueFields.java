package io.feedlens.app.search;

import java.util.HashSet;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;

/**
 * Which top-level fields of {@code value} an expression reads, found in its syntax tree. When every use of
 * {@code value} is a field selection ({@code value.amount}, {@code has(value.refund)}, {@code value.tags.size()}),
 * a JSON value needs only those fields built for the expression to give the same answer as on the whole tree; any
 * other use ({@code size(value)}, {@code value['amount']}, {@code value == {...}}) needs the whole value.
 */
final class ValueFields {

    private static final String VALUE = "value";

    private ValueFields() {
    }

    /** The fields, or null when the expression uses the value in another way. Empty when it does not read the value. */
    static Set<String> read(CelAbstractSyntaxTree ast) {
        Set<String> fields = new HashSet<>();
        for (CelNavigableExpr node : (Iterable<CelNavigableExpr>) CelNavigableAst.fromAst(ast).getRoot().allNodes()::iterator) {
            if (node.getKind() != CelExpr.ExprKind.Kind.IDENT || !node.expr().ident().name().equals(VALUE)) {
                continue;
            }
            CelExpr parent = node.parent().map(CelNavigableExpr::expr).orElse(null);
            if (parent == null || parent.getKind() != CelExpr.ExprKind.Kind.SELECT || parent.select().operand().id() != node.id()) {
                return null;
            }
            fields.add(parent.select().field());
        }
        return Set.copyOf(fields);
    }
}
