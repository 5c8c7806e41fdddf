package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CSV items as AWS's ItemReader makes them (the recorded map_item_reader_csv_* scenarios). */
class CsvItemsTest {
    @Test
    void parse_firstRowHeaders_padsShortRowsCutsLongOnesSkipsEmptyLines() {
        String csv = "H1,H2\nValue1,Value2,Extra\n,\nonly\n   \n\n";

        assertThat(CsvItems.parse(csv, ',', Optional.empty(), 0).toString()).isEqualTo(
                "[{\"H1\":\"Value1\",\"H2\":\"Value2\"},{\"H1\":\"\",\"H2\":\"\"},{\"H1\":\"only\",\"H2\":\"\"},"
                        + "{\"H1\":\"   \",\"H2\":\"\"}]");
    }

    @Test
    void parse_givenHeadersAndQuotedFields_keepsDelimitersInsideQuotes() {
        assertThat(CsvItems.parse("\"a,b\",\"say \"\"hi\"\"\"\n", ',', Optional.of(List.of("X", "Y")), 0).toString())
                .isEqualTo("[{\"X\":\"a,b\",\"Y\":\"say \\\"hi\\\"\"}]");
    }

    /** The recorded map_item_reader_csv_headers_first_row_typed_headers: AWS's fields come in HashMap order. */
    @Test
    void parse_headersInAnyOrder_fieldsInJavaHashMapOrder() {
        assertThat(CsvItems.parse("0,True,{}\nA,B,C\n", ',', Optional.empty(), 0).toString())
                .isEqualTo("[{\"0\":\"A\",\"{}\":\"C\",\"True\":\"B\"}]");
        assertThat(CsvItems.parse("H1,\nV4,V5\n", ',', Optional.empty(), 0).toString())
                .isEqualTo("[{\"\":\"V5\",\"H1\":\"V4\"}]");
    }

    /** The example of AWS's "How Step Functions parses input CSV files": quotes, doubled quotes, a line break. */
    @Test
    void parse_awsDocsExample_quotedAndDoubledQuotesAndLineBreak() {
        String csv = "abc,123,\"This string contains commas, a double quotation marks (\"\"), and a newline (\n)\","
                + "{\"\"MyKey\"\":\"\"MyValue\"\"},\"[1,2,3]\"\n";

        var item = CsvItems.parse(csv, ',', Optional.of(List.of("MyLetters", "MyNumbers", "MyString", "MyObject",
                "MyArray")), 0).get(0);

        assertThat(item.path("MyLetters").asText()).isEqualTo("abc");
        assertThat(item.path("MyNumbers").asText()).isEqualTo("123");
        assertThat(item.path("MyString").asText())
                .isEqualTo("This string contains commas, a double quotation marks (\"), and a newline (\n)");
        assertThat(item.path("MyObject").asText()).isEqualTo("{\"MyKey\":\"MyValue\"}");
        assertThat(item.path("MyArray").asText()).isEqualTo("[1,2,3]");
    }

    /** AWS's rules: a backslash escapes a backslash, a quote or the delimiter, and is dropped before anything else. */
    @Test
    void parse_backslashes_escapeBackslashQuoteAndDelimiterOnly() {
        String csv = "path,size,note\nC:\\\\Program Files\\\\MyApp.exe,6534512,a\\,b \\\"q\\\" \\x\n";

        var item = CsvItems.parse(csv, ',', Optional.empty(), 0).get(0);

        assertThat(item.path("path").asText()).isEqualTo("C:\\Program Files\\MyApp.exe");
        assertThat(item.path("size").asText()).isEqualTo("6534512");
        assertThat(item.path("note").asText()).isEqualTo("a,b \"q\" x");
    }

    @Test
    void parse_pipeDelimiter_backslashEscapesThePipeNotAComma() {
        var item = CsvItems.parse("a|b\nx\\|y\\,z|w\n", '|', Optional.empty(), 0).get(0);

        assertThat(item.path("a").asText()).isEqualTo("x|y,z");
        assertThat(item.path("b").asText()).isEqualTo("w");
    }

    @Test
    void parse_maxItems_limitsTheRows() {
        assertThat(CsvItems.parse("C\n1\n2\n3\n", ',', Optional.empty(), 2)).hasSize(2);
    }

    @Test
    void parse_duplicateHeaders_failsWithAwsMessage() {
        assertThatThrownBy(() -> CsvItems.parse("a\n", ',', Optional.of(List.of("H1", "H1")), 0))
                .hasMessage("CSV headers cannot contain duplicates.");
    }

    /**
     * CsvRows reads through a buffer of its own: a quote pair, a CRLF or a field cut by a buffer's end (or by a
     * stream that answers a few characters at a time) reads as if the text came whole.
     */
    @Test
    void read_streamGivingThreeCharsAtATimeOverSeveralBuffers_sameItemsAsTheWholeText() throws Exception {
        StringBuilder csv = new StringBuilder("k,v\r\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i).append(",\"q\"\"").append("x".repeat(i % 13)).append("\"\r\n");
        }
        String text = csv.toString();
        ItemSink sink = new ItemSink(Long.MAX_VALUE);
        java.io.Reader trickle = new java.io.FilterReader(new java.io.StringReader(text)) {
            @Override
            public int read(char[] buf, int off, int len) throws java.io.IOException {
                return super.read(buf, off, Math.min(len, 3));
            }
        };

        CsvItems.read(trickle, ',', Optional.empty(), sink);

        assertThat(text.length()).isGreaterThan(3 * 8192);
        assertThat(sink.items()).isEqualTo(CsvItems.parse(text, ',', Optional.empty(), 0)).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(sink.items().get(i).path("k").asText()).isEqualTo(Integer.toString(i));
            assertThat(sink.items().get(i).path("v").asText()).isEqualTo("q\"" + "x".repeat(i % 13));
        }
    }
}
