package io.flowstate.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void esc_markupAndQuotes_escaped() {
        assertThat(Html.esc("<script>alert('x')</script> & \"y\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
    }

    @Test
    void esc_plainText_sameString() {
        String plain = "Hello, world: 1 + 2 = 3";
        assertThat(Html.esc(plain)).isSameAs(plain);
    }
}
