package io.feedlens.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.compiler.CelCompilerFactory;
import org.junit.jupiter.api.Test;

class ValueFieldsTest {

    private static java.util.Set<String> fieldsOf(String expression) throws Exception {
        var compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
                .addVar("value", dev.cel.common.types.SimpleType.DYN)
                .addVar("offset", dev.cel.common.types.SimpleType.INT)
                .build();
        return ValueFields.read(compiler.compile(expression).getAst());
    }

    @Test
    void fieldSelectionsNameTheFieldsToDecode() throws Exception {
        assertThat(fieldsOf("value.amount > 5000 && (has(value.refund) || value.tags.size() > 1)"))
                .containsExactlyInAnyOrder("amount", "refund", "tags");
        assertThat(fieldsOf("offset > 3")).isEmpty();
    }

    @Test
    void anyOtherUseOfTheValueNeedsAllOfIt() throws Exception {
        assertThat(fieldsOf("size(value) > 2")).isNull();
        assertThat(fieldsOf("value['amount'] > 1")).isNull();
        assertThat(fieldsOf("value.amount > 1 && value != null")).isNull();
    }
}
