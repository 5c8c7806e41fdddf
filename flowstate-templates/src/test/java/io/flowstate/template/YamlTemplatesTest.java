package io.flowstate.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.asl.json.Json;
import org.junit.jupiter.api.Test;

class YamlTemplatesTest {
    @Test
    void parse_shortFormTags_becomeTheirLongForms() throws Exception {
        String yaml = """
                a: !Ref Param
                b: !GetAtt Fn.Arn
                c: !Sub 'x-${AWS::Region}'
                d: !Join ['-', [!Ref A, !Select [0, !Split [',', 'p,q']]]]
                e: !If [IsProd, 1, !Ref AWS::NoValue]
                f: !Equals [!Ref Stage, prod]
                g: !Condition IsProd
                h: !Sub
                  - '${X}'
                  - X: !GetAtt [T, Arn]
                """;

        assertThat(YamlTemplates.parse(yaml, "t.yaml")).isEqualTo(Json.parse("""
                {"a":{"Ref":"Param"},"b":{"Fn::GetAtt":"Fn.Arn"},"c":{"Fn::Sub":"x-${AWS::Region}"},
                 "d":{"Fn::Join":["-",[{"Ref":"A"},{"Fn::Select":[0,{"Fn::Split":[",","p,q"]}]}]]},
                 "e":{"Fn::If":["IsProd",1,{"Ref":"AWS::NoValue"}]},"f":{"Fn::Equals":[{"Ref":"Stage"},"prod"]},
                 "g":{"Condition":"IsProd"},"h":{"Fn::Sub":["${X}",{"X":{"Fn::GetAtt":["T","Arn"]}}]}}"""));
    }

    @Test
    void parse_plainScalars_keepYamlTypesAndDatesAsText() throws Exception {
        String yaml = """
                version: 2010-09-09
                n: 42
                r: 2.5
                yes: true
                none: ~
                s: '42'
                block: |
                  line
                """;

        assertThat(YamlTemplates.parse(yaml, "t.yaml")).isEqualTo(Json.parse("""
                {"version":"2010-09-09","n":42,"r":2.5,"yes":true,"none":null,"s":"42","block":"line\\n"}"""));
    }

    @Test
    void parse_duplicateKey_isAnErrorWithItsLine() {
        assertThatThrownBy(() -> YamlTemplates.parse("a: 1\nb: 2\na: 3\n", "t.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.yaml: line 3, column 1: duplicate key 'a'");
    }

    @Test
    void parse_invalidYaml_namesFileLineAndColumn() {
        assertThatThrownBy(() -> YamlTemplates.parse("a: [1, 2\nb: 3\n", "t.yaml"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("t.yaml: line ")
                .hasMessageContaining("invalid YAML");
    }
}
