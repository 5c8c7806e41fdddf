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

    @Test
    void parse_maxItems_limitsTheRows() {
        assertThat(CsvItems.parse("C\n1\n2\n3\n", ',', Optional.empty(), 2)).hasSize(2);
    }

    @Test
    void parse_duplicateHeaders_failsWithAwsMessage() {
        assertThatThrownBy(() -> CsvItems.parse("a\n", ',', Optional.of(List.of("H1", "H1")), 0))
                .hasMessage("CSV headers cannot contain duplicates.");
    }
}
