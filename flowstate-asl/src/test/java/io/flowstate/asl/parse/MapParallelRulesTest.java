package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.ParallelState;
import io.flowstate.asl.model.ProcessorConfig;
import org.junit.jupiter.api.Test;

class MapParallelRulesTest {
    private static final String PROCESSOR = "{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}";

    private static String map(String extra) {
        return Defs.machine("{'Type':'Map','End':true,'ItemProcessor':" + PROCESSOR + extra + "}");
    }

    @Test
    void parse_distributedMap_readsEveryField() {
        MapState m = (MapState) valid(Defs.machine("{'Type':'Map','End':true,'ItemsPath':'$.items',"
                + "'ItemSelector':{'v.$':'$$.Map.Item.Value'},'MaxConcurrency':5,'ToleratedFailurePercentage':10.5,"
                + "'ToleratedFailureCountPath':'$.n','Label':'my-label','ItemReader':{'Resource':'arn:aws:states:::s3:getObject'},"
                + "'ItemBatcher':{'MaxItemsPerBatch':2},'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject'},"
                + "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'EXPRESS'},"
                + "'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}")).machine().orElseThrow().start();
        assertThat(m.processorConfig()).isEqualTo(new ProcessorConfig(ProcessorConfig.Mode.DISTRIBUTED,
                java.util.Optional.of("EXPRESS")));
        assertThat(m.maxConcurrency()).isEqualTo(new IntSource.Literal(5));
        assertThat(m.toleratedFailureCount().orElseThrow()).isInstanceOf(IntSource.FromPath.class);
        assertThat(m.label()).contains("my-label");
        assertThat(m.itemSelector()).isPresent();
        assertThat(m.itemReader()).isPresent();
        assertThat(m.itemProcessor().start().name()).isEqualTo("I");
    }

    @Test
    void parse_legacyIteratorAndParameters_becomeProcessorAndSelector() {
        MapState m = (MapState) valid(Defs.machine("{'Type':'Map','End':true,'Iterator':" + PROCESSOR
                + ",'Parameters':{'a.$':'$'}}")).machine().orElseThrow().start();
        assertThat(m.itemSelector()).isPresent();
        assertThat(m.io().parameters()).isEmpty();
        assertThat(m.processorConfig()).isEqualTo(ProcessorConfig.INLINE);
    }

    @Test
    void parse_mapWithoutProcessor_isRequired() {
        assertThat(errors(Defs.machine("{'Type':'Map','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [ItemProcessor] at /States/S");
    }

    @Test
    void parse_negativeMaxConcurrency_isBelowRange() {
        assertThat(errors(map(",'MaxConcurrency':-1"))).containsExactly("SCHEMA_VALIDATION_FAILED: The value for the"
                + " field 'MaxConcurrency' must be greater than or equal to 0 at /States/S/MaxConcurrency");
    }

    @Test
    void parse_invalidLabels_areRejected() {
        for (String label : new String[] {"", "a b", "label_:", "x".repeat(41), "tab\t", "ctl\u0085", "a{b"}) {
            assertThat(errors(map(",'Label':" + ConformanceCorpus.JSON.valueToTree(label).toString().replace('"', '\''))))
                    .as(label).singleElement().asString().startsWith("INVALID_LABEL_NAME:");
        }
        valid(map(",'Label':'" + "x".repeat(40) + "'"));
    }

    @Test
    void parse_queryLanguageInItemProcessor_isNotSupported() {
        assertThat(errors(Defs.machine("{'Type':'Map','End':true,'ItemProcessor':{'QueryLanguage':'JSONata',"
                + "'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}}}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'QueryLanguage' is not supported at /States/S/ItemProcessor");
    }

    @Test
    void parse_parallel_buildsBranches() {
        ParallelState p = (ParallelState) valid(Defs.machine("{'Type':'Parallel','End':true,'Branches':["
                + "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Succeed'}}}]}")).machine().orElseThrow().start();
        assertThat(p.branches()).hasSize(2);
    }

    @Test
    void parse_parallelWithoutBranches_isRejected() {
        assertThat(errors(Defs.machine("{'Type':'Parallel','End':true,'Branches':[]}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/S/Branches");
        assertThat(errors(Defs.machine("{'Type':'Parallel','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [Branches] at /States/S");
    }
}
