package io.flowstate.asl.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rewrite that gives unquoted filter words AWS's meaning (see {@link FilterLiterals} for the evidence). */
class FilterLiteralsTest {
    @Test
    void quoteBareWords_wordAfterComparison_isQuoted() {
        assertThat(InlineFilters.quoteBareWords("$..interests[?(@.category==home)]"))
                .isEqualTo("$..interests[?(@.category=='home')]");
        assertThat(FilterLiterals.quoteBareWords("@.a != x && @.b <= y.z-1 || @.c > w"))
                .isEqualTo("@.a != 'x' && @.b <= 'y.z-1' || @.c > 'w'");
    }

    @Test
    void quoteBareWords_literalsPathsAndQuotedText_areLeftAlone() {
        for (String body : new String[] {"@.a == 'x y'", "@.a == \"x\"", "@.a == 1", "@.a == -2.5", "@.a > .5", "@.a == true",
                "@.a == null", "@.a == @.b", "@.a == $.b", "@.a =~ /x==y/i", "@.a in [1,2]", "!(@.a)",
                "@.a == {\"k\":1}", "@.a == 'it\\'s == x'"}) {
            assertThat(FilterLiterals.quoteBareWords(body)).as(body).isEqualTo(body);
        }
    }

    @Test
    void quoteBareWords_apostropheInWord_isEscaped() {
        assertThat(FilterLiterals.quoteBareWords("@.a==it's")).isEqualTo("@.a=='it\\'s'");
    }

    @Test
    void quoteBareWords_textOutsideFilters_isUntouched() {
        assertThat(InlineFilters.quoteBareWords("$['a==b'].c[?(@.k==v)]['?(x==y)']"))
                .isEqualTo("$['a==b'].c[?(@.k=='v')]['?(x==y)']");
        assertThat(InlineFilters.quoteBareWords("$.a.b")).isEqualTo("$.a.b");
    }
}
