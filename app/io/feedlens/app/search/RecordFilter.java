package io.feedlens.app.search;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.google.protobuf.Timestamp;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import io.feedlens.app.decode.Decoded;
import io.feedlens.app.decode.DecodedRecord;

/**
 * Which records a search keeps: a CEL expression over {@code key}, {@code value} (the decoded trees), {@code headers}
 * (name to text), {@code topic}, {@code partition}, {@code offset}, {@code timestamp} and {@code size}; and/or a plain
 * text that must occur in the key, the value or a header. Compiled once, checked before any scan starts; thread-safe.
 *
 * <p>A record for which the expression cannot be evaluated (a field it lacks, a type it does not have) does not match;
 * such records are counted, as kafbat/kafka-ui does, rather than stopping the search.
 */
public final class RecordFilter {

    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("key", SimpleType.DYN)
            .addVar("value", SimpleType.DYN)
            .addVar("headers", MapType.create(SimpleType.STRING, SimpleType.STRING))
            .addVar("topic", SimpleType.STRING)
            .addVar("partition", SimpleType.INT)
            .addVar("offset", SimpleType.INT)
            .addVar("timestamp", SimpleType.TIMESTAMP)
            .addVar("size", SimpleType.INT)
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private final String expression;
    private final CelRuntime.Program program;
    private final String contains;
    /** The top-level value fields the expression reads, when that is all it reads of the value; null: the whole value. */
    private final Set<String> valueFields;
    /** The expression when it is one comparison of a value field with a number, answered without CEL; else null. */
    private final FieldComparison comparison;

    private RecordFilter(String expression, CelRuntime.Program program, String contains, Set<String> valueFields,
                         FieldComparison comparison) {
        this.expression = expression;
        this.program = program;
        this.contains = contains;
        // "contains" reads the whole value's text.
        this.valueFields = contains == null ? valueFields : null;
        this.comparison = comparison;
    }

    /** Every record matches. */
    public static RecordFilter all() {
        return new RecordFilter("", null, null, Set.of(), null);
    }

    /**
     * A filter from an optional CEL expression and an optional "contains" text (case-insensitive); blank parts are
     * left out. Throws with a message pointing at the error when the expression does not compile.
     */
    public static RecordFilter of(String expression, String contains) throws FilterProblem {
        String text = contains == null || contains.isBlank() ? null : contains.toLowerCase(Locale.ROOT);
        if (expression == null || expression.isBlank()) {
            return new RecordFilter("", null, text, Set.of(), null);
        }
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            return new RecordFilter(expression, RUNTIME.createProgram(ast), text, ValueFields.read(ast), FieldComparison.read(ast));
        } catch (CelValidationException e) {
            throw problem(expression, e);
        } catch (CelEvaluationException e) {
            throw new FilterProblem("The filter cannot run: " + e.getMessage(), 0, 0);
        }
    }

    /** This filter with every record left to CEL: what the shortcut for one field comparison is tested against. */
    RecordFilter interpretedOnly() {
        return new RecordFilter(expression, program, contains, valueFields, null);
    }

    /** Whether records are answered without CEL where the value allows it (see {@link FieldComparison}). */
    boolean comparesWithoutCel() {
        return comparison != null;
    }

    public String expression() {
        return expression;
    }

    public boolean matchesEverything() {
        return program == null && contains == null;
    }

    /** Whether the record matches; {@code onError} hears of records the expression could not be evaluated on. */
    public boolean test(DecodedRecord record, Runnable onError) {
        return test(CandidateRecord.of(record), onError);
    }

    /** As {@link #test(DecodedRecord, Runnable)}, decoding only the parts of the record the filter reads. */
    public boolean test(CandidateRecord record, Runnable onError) {
        if (contains != null && !containsText(record)) {
            return false;
        }
        if (program == null) {
            return true;
        }
        Boolean answer = comparison == null ? null : comparison.test(valueSeen(record));
        if (answer != null) {
            return answer;
        }
        try {
            return Boolean.TRUE.equals(program.eval(variables(record)));
        } catch (CelEvaluationException | RuntimeException e) {
            onError.run();
            return false;
        }
    }

    /**
     * Whether the record's value decodes, as {@link CandidateRecord#value()} would say, at the cost of what this filter
     * already decoded of it: a filter on {@code value.amount} has only checked that the JSON is valid, not built it.
     */
    public boolean valueDecodes(CandidateRecord record) {
        return valueSeen(record).ok();
    }

    /** The value as far as this filter reads it (see {@link ValueFields}); the whole value when it reads more. */
    private Decoded valueSeen(CandidateRecord record) {
        return valueFields == null ? record.value() : record.valueFields(valueFields);
    }

    public Predicate<DecodedRecord> asPredicate() {
        return record -> test(record, () -> { });
    }

    private CelVariableResolver variables(CandidateRecord record) {
        return name -> Optional.ofNullable(switch (name) {
            case "key" -> JsonValues.of(record.key().tree());
            case "value" -> JsonValues.of(valueSeen(record).tree());
            case "headers" -> record.headerTexts();
            case "topic" -> record.coordinates().topic();
            case "partition" -> (long) record.coordinates().partition();
            case "offset" -> record.coordinates().offset();
            case "timestamp" -> Timestamp.newBuilder().setSeconds(Math.floorDiv(record.timestamp(), 1000))
                    .setNanos((int) Math.floorMod(record.timestamp(), 1000) * 1_000_000).build();
            case "size" -> record.size();
            default -> null;
        });
    }

    private boolean containsText(CandidateRecord record) {
        if (record.key().preview(Integer.MAX_VALUE).toLowerCase(Locale.ROOT).contains(contains)
                || record.value().preview(Integer.MAX_VALUE).toLowerCase(Locale.ROOT).contains(contains)) {
            return true;
        }
        return record.headers().stream().anyMatch(h -> h.text().toLowerCase(Locale.ROOT).contains(contains));
    }

    private static FilterProblem problem(String expression, CelValidationException e) {
        CelIssue first = e.getErrors().isEmpty() ? null : e.getErrors().get(0);
        if (first == null) {
            return new FilterProblem("The filter is not valid CEL: " + e.getMessage(), 0, 0);
        }
        int line = first.getSourceLocation().getLine();
        int column = first.getSourceLocation().getColumn() + 1;
        String[] lines = expression.split("\n", -1);
        String shown = line >= 1 && line <= lines.length ? lines[line - 1] : expression;
        String caret = " ".repeat(Math.max(0, column - 1)) + "^";
        return new FilterProblem("The filter has an error at line " + line + ", column " + column + ": "
                + first.getMessage() + "\n  " + shown + "\n  " + caret, line, column);
    }
}
