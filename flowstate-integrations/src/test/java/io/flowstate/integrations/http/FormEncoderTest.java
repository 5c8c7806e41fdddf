package io.flowstate.integrations.http;

import static io.flowstate.integrations.http.HttpTasks.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormEncoderTest {
    @Test
    void encode_arrayOfObjects_nestsIndicesAndNames() {
        String form = FormEncoder.encode(json("{\"items\":[{\"id\":1},{\"id\":2}]}"), FormEncoder.ArrayFormat.INDICES);

        assertThat(form).isEqualTo("items%5B0%5D%5Bid%5D=1&items%5B1%5D%5Bid%5D=2");
    }

    @Test
    void encode_arrayOfObjectsWithBrackets_repeatsEmptyBrackets() {
        String form = FormEncoder.encode(json("{\"items\":[{\"id\":1}]}"), FormEncoder.ArrayFormat.BRACKETS);

        assertThat(form).isEqualTo("items%5B%5D%5Bid%5D=1");
    }

    @Test
    void encode_emptyContainers_writeNothing() {
        assertThat(FormEncoder.encode(json("{\"a\":[],\"b\":{},\"c\":\"x\"}"), FormEncoder.ArrayFormat.COMMAS))
                .isEqualTo("c=x");
    }

    @Test
    void percent_nonAsciiAndReserved_areUtf8PercentEncoded() {
        assertThat(FormEncoder.percent("é &=+/~._-")).isEqualTo("%C3%A9%20%26%3D%2B%2F~._-");
    }
}
