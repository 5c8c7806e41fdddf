package io.flowstate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PythonTextTest {

    @Test
    void str_dict_printsLikePython() {
        assertThat(PythonText.str(Json.parse("{\"a\":1,\"b\":null,\"c\":true,\"d\":[1.5,\"x\"],\"e\":{}}")))
                .isEqualTo("{'a': 1, 'b': None, 'c': True, 'd': [1.5, 'x'], 'e': {}}");
    }

    @Test
    void str_stringWithQuotes_choosesQuotesLikePython() {
        assertThat(PythonText.str(Json.parse("\"it's\""))).isEqualTo("\"it's\"");
        assertThat(PythonText.str(Json.parse("\"say \\\"hi\\\"\""))).isEqualTo("'say \"hi\"'");
        assertThat(PythonText.str(Json.parse("\"both ' and \\\"\""))).isEqualTo("'both \\' and \"'");
        assertThat(PythonText.str(Json.parse("\"a\\nb\\\\\""))).isEqualTo("'a\\nb\\\\'");
    }

    @Test
    void floatRepr_variousMagnitudes_matchPython() {
        assertThat(PythonText.floatRepr(new BigDecimal("1.0"))).isEqualTo("1.0");
        assertThat(PythonText.floatRepr(new BigDecimal("100"))).isEqualTo("100.0");
        assertThat(PythonText.floatRepr(new BigDecimal("0.0001"))).isEqualTo("0.0001");
        assertThat(PythonText.floatRepr(new BigDecimal("0.00001"))).isEqualTo("1e-05");
        assertThat(PythonText.floatRepr(new BigDecimal("1e16"))).isEqualTo("1e+16");
        assertThat(PythonText.floatRepr(new BigDecimal("-2.5E20"))).isEqualTo("-2.5e+20");
        assertThat(PythonText.floatRepr(new BigDecimal("123456789012345.6"))).isEqualTo("123456789012345.6");
    }

    @Test
    void jsonDumps_object_usesPythonSeparatorsAndAsciiEscapes() {
        assertThat(PythonText.jsonDumps(Json.parse("{\"a\":[1,2.0],\"b\":\"\u00e9\"}")))
                .isEqualTo("{\"a\": [1, 2.0], \"b\": \"\\u00e9\"}");
    }
}
