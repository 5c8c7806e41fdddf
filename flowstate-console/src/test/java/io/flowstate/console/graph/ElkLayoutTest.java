package io.flowstate.console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.console.graph.Diagram.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElkLayoutTest {
    static final String NESTED = """
            {"StartAt":"Start here","States":{
             "Start here":{"Type":"Pass","Next":"Pick"},
             "Pick":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"Fan out"}],"Default":"Each"},
             "Fan out":{"Type":"Parallel","Next":"Each","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Oops"}],"Branches":[
               {"StartAt":"B1","States":{"B1":{"Type":"Pass","Next":"B1b"},"B1b":{"Type":"Wait","Seconds":1,"End":true}}},
               {"StartAt":"B2","States":{"B2":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f",
                 "Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}}}]},
             "Each":{"Type":"Map","ItemProcessor":{"StartAt":"Inner","States":{
               "Inner":{"Type":"Map","ItemProcessor":{"StartAt":"Deepest","States":{"Deepest":{"Type":"Pass","End":true}}},"End":true}}},
               "End":true},
             "Oops":{"Type":"Fail","Error":"E"}}}""";

    @Test
    void layout_nestedParallelAndMap_siblingsNeverOverlapAndChildrenStayInside() {
        Diagram d = ElkLayout.layout(Flows.of(NESTED));
        assertNoOverlap(d.boxes(), 0, 0, d.width(), d.height());
        assertThat(ids(d.boxes())).contains("Start here", "Pick", "Fan out", "B1", "B2", "Each", "Inner", "Deepest",
                "Oops");
        assertThat(d.lines()).anyMatch(l -> l.kind() == FlowEdge.Kind.CATCH && l.to().equals("Oops"));
    }

    @Test
    void layout_200States_underTwoSecondsAndNoOverlap() {
        StringBuilder def = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
        for (int i = 0; i < 200; i++) {
            String next = i == 199 ? "\"End\":true" : "\"Next\":\"S" + (i + 1) + "\"";
            String type = i % 10 == 5
                    ? "\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.x\",\"IsPresent\":true,\"Next\":\"S"
                            + Math.min(199, i + 3) + "\"}],\"Default\":\"S" + (i + 1) + "\""
                    : "\"Type\":\"Pass\"," + next;
            def.append(i == 0 ? "" : ",").append("\"S").append(i).append("\":{").append(type).append('}');
        }
        def.append("}}");
        // ELK's classes load at the server's first graph, once; "cold" here is a definition not laid out before.
        ElkLayout.layout(Flows.of(NESTED));
        long t0 = System.nanoTime();
        Diagram d = ElkLayout.layout(Flows.of(def.toString()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isLessThan(2000);
        assertNoOverlap(d.boxes(), 0, 0, d.width(), d.height());
        DiagramCache cache = new DiagramCache(4);
        cache.diagram(def.toString());
        long t1 = System.nanoTime();
        assertThat(cache.diagram(def.toString())).isNotNull();
        assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(200);
    }

    private static List<String> ids(List<Box> boxes) {
        return boxes.stream().flatMap(b -> java.util.stream.Stream.concat(java.util.stream.Stream.of(b.id()),
                ids(b.children()).stream())).toList();
    }

    /** Every box lies inside its parent's area, and no two boxes of one parent intersect. */
    static void assertNoOverlap(List<Box> boxes, double px, double py, double pw, double ph) {
        for (int i = 0; i < boxes.size(); i++) {
            Box a = boxes.get(i);
            assertThat(a.x()).as("%s inside its parent", a.id()).isGreaterThanOrEqualTo(px - 0.01);
            assertThat(a.y()).as("%s inside its parent", a.id()).isGreaterThanOrEqualTo(py - 0.01);
            assertThat(a.x() + a.w()).as("%s inside its parent", a.id()).isLessThanOrEqualTo(px + pw + 0.01);
            assertThat(a.y() + a.h()).as("%s inside its parent", a.id()).isLessThanOrEqualTo(py + ph + 0.01);
            for (int j = i + 1; j < boxes.size(); j++) {
                Box b = boxes.get(j);
                boolean apart = a.x() + a.w() <= b.x() || b.x() + b.w() <= a.x()
                        || a.y() + a.h() <= b.y() || b.y() + b.h() <= a.y();
                assertThat(apart).as("%s and %s do not overlap", a.id(), b.id()).isTrue();
            }
            assertNoOverlap(a.children(), a.x(), a.y(), a.w(), a.h());
        }
    }
}
