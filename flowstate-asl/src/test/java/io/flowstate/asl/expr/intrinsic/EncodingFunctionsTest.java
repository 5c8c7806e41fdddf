package io.flowstate.asl.expr.intrinsic;

import static io.flowstate.asl.expr.TestJson.json;
import static io.flowstate.asl.expr.intrinsic.Calls.assertInvalid;
import static io.flowstate.asl.expr.intrinsic.Calls.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodingFunctionsTest {
    private static final String A10000 = "a".repeat(10_000);

    @Test
    void base64Encode_utf8Text() {
        assertThat(eval("States.Base64Encode('Data to encode')")).isEqualTo(json("'RGF0YSB0byBlbmNvZGU='"));
        assertThat(eval("States.Base64Encode('')")).isEqualTo(json("''"));
        assertThat(eval("States.Base64Encode($.s)", "{'s':'" + A10000 + "'}").textValue()).isNotEmpty();
        assertInvalid("States.Base64Encode($.s)", "{'s':'" + A10000 + "a'}", "States.Base64Encode");
        assertInvalid("States.Base64Encode(1)", "{}", "States.Base64Encode");
    }

    @Test
    void base64Decode_toUtf8Text() {
        assertThat(eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')")).isEqualTo(json("'Data to encode'"));
        assertThat(eval("States.Base64Decode('')")).isEqualTo(json("''"));
        assertInvalid("States.Base64Decode('%%%')", "{}", "States.Base64Decode");
    }

    @Test
    void hash_allAlgorithms_lowerCaseHex() {
        // Digests of "input data" recorded from AWS (corpus intrinsic_functions/hash_calculations.hash).
        assertThat(eval("States.Hash('input data', 'MD5')")).isEqualTo(json("'812f45842bc6d66ee14572ce20db8e86'"));
        assertThat(eval("States.Hash('input data', 'SHA-1')")).isEqualTo(json("'aaff4a450a104cd177d28d18d74485e8cae074b7'"));
        assertThat(eval("States.Hash('input data', 'SHA-256')"))
                .isEqualTo(json("'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'"));
        assertThat(eval("States.Hash('input data', 'SHA-384')").textValue()).hasSize(96);
        assertThat(eval("States.Hash('input data', 'SHA-512')").textValue()).hasSize(128);
    }

    @Test
    void hash_badArguments_areInvalid() {
        for (String algorithm : new String[] {"sha-256", "SHA256", "", "MD-5", "SHA-257"}) {
            assertInvalid("States.Hash('data', '" + algorithm + "')", "{}", "States.Hash");
        }
        assertInvalid("States.Hash('hello', 123)", "{}", "States.Hash");
        assertInvalid("States.Hash()", "{}", "States.Hash");
        assertInvalid("States.Hash('a', 'MD5', 'x')", "{}", "States.Hash");
        assertInvalid("States.Hash($.s, 'MD5')", "{'s':'" + A10000 + "a'}", "States.Hash");
    }
}
