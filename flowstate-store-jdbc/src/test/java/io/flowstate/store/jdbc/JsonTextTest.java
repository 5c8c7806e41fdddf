package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    @Test
    void write_valuesNeedingEscapes_sameTextAsJackson() {
        String awkward = "say \"hi\"\\ \n\t\u0001 é 😀 </script>";
        ObjectNode expected = Json.object();
        expected.put("id", 7L);
        expected.put("awkward", awkward);
        ObjectNode inner = expected.putObject("details");
        inner.put("kind", "Failure");
        inner.set("payload", Json.object().put("a", 1));
        expected.put("after", "x");

        String text = new JsonText(new StringBuilder()).begin().number("id", 7).string("awkward", awkward).beginObject("details")
                .string("kind", "Failure").raw("payload", "{\"a\":1}").end().string("after", "x").end().toString();

        assertThat(text).isEqualTo(Json.write(expected));
    }

    @Test
    void write_emptyObjects_braces() {
        assertThat(new JsonText(new StringBuilder()).begin().beginObject("d").end().end().toString()).isEqualTo("{\"d\":{}}");
    }
}
