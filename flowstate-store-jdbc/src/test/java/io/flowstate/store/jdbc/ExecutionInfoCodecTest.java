package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.ExecutionInfo;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionInfoCodecTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:m:e1";
    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:m";

    private static ExecutionInfo info(String clientText) throws Exception {
        return new ExecutionInfo(ARN, "e1", MACHINE, "m", "arn:aws:iam::123456789012:role/r", "us-east-1",
                Instant.parse("2026-11-27T06:03:06.618123Z"), Json.parse("{\"a\": [1, 2.5, \"x\"]}"),
                Optional.ofNullable(clientText), Optional.of(MACHINE + ":3"), Optional.empty());
    }

    @Test
    void read_clientInputText_givesTheSameIdentityWithoutStoringTheInputTwice() throws Exception {
        ExecutionInfo info = info("{\"a\": [1, 2.5, \"x\"]}");

        String stored = ExecutionInfoCodec.write(info);

        assertThat(stored).doesNotContain("\"a\"").doesNotContain(ARN);
        assertThat(ExecutionInfoCodec.read(stored, ARN, "e1", MACHINE, info.inputText().orElseThrow())).isEqualTo(info);
    }

    /** Without the client's text the column holds the engine's rendering, which must not pass for the client's. */
    @Test
    void read_engineRenderedInput_hasNoClientText() throws Exception {
        ExecutionInfo info = info(null);

        ExecutionInfo read = ExecutionInfoCodec.read(ExecutionInfoCodec.write(info), ARN, "e1", MACHINE, Json.write(info.input()));

        assertThat(read).isEqualTo(info);
        assertThat(read.inputText()).isEmpty();
    }

    @Test
    void read_identityWrittenBeforeV6_readsItsOwnFields() throws Exception {
        String old = "{\"executionArn\":\"" + ARN + "\",\"name\":\"e1\",\"stateMachineArn\":\"" + MACHINE + "\","
                + "\"stateMachineName\":\"m\",\"roleArn\":\"arn:aws:iam::123456789012:role/r\",\"region\":\"us-east-1\","
                + "\"startTime\":\"2026-11-27T06:03:06.618123Z\",\"input\":{\"a\":[1,2.5,\"x\"]},"
                + "\"inputText\":\"{\\\"a\\\": [1, 2.5, \\\"x\\\"]}\",\"stateMachineVersionArn\":\"" + MACHINE + ":3\"}";

        assertThat(ExecutionInfoCodec.read(old, "ignored", "ignored", "ignored", "ignored"))
                .isEqualTo(info("{\"a\": [1, 2.5, \"x\"]}"));
    }

    @Test
    void read_traceHeader_isKept() throws Exception {
        ExecutionInfo info = info(null).withTraceHeader(
                Optional.of("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));

        assertThat(ExecutionInfoCodec.read(ExecutionInfoCodec.write(info), ARN, "e1", MACHINE, Json.write(info.input())))
                .isEqualTo(info);
    }
}
