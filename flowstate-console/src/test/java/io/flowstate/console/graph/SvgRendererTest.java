package io.flowstate.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.console.status.StateStatus;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SvgRendererTest {
    private static final String HOSTILE = """
            {"StartAt":"<script>alert('x')</script>","States":{
             "<script>alert('x')</script>":{"Type":"Pass","Next":"Wait \\"here\\""},
             "Wait \\"here\\"":{"Type":"Wait","Seconds":1,"End":true}}}""";

    @Test
    void render_hostileStateNames_escapedInAttributesAndText() {
        String svg = SvgRenderer.render(ElkLayout.layout(Flows.of(HOSTILE)),
                Optional.of(Map.of("<script>alert('x')</script>", StateStatus.SUCCEEDED)),
                name -> Optional.of("/console/x?state=" + name), Optional.empty());
        assertThat(svg).doesNotContain("<script>").doesNotContain("alert('x')")
                .contains("data-state=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\"")
                .contains("data-state=\"Wait &quot;here&quot;\" data-type=\"Wait\" data-status=\"NOT_STARTED\"")
                .contains("data-status=\"SUCCEEDED\"");
    }

    @Test
    void render_withoutStatuses_noStatusAttributes() {
        String svg = SvgRenderer.render(ElkLayout.layout(Flows.of(HOSTILE)), Optional.empty(), name -> Optional.empty(),
                Optional.empty());
        assertThat(svg).contains("data-type=\"Pass\"").doesNotContain("data-status");
    }
}
