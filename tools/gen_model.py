# One-off generator for flowstate-api's model records (kept for reference; the Java files are the source).
import os
OUT = 'flowstate-api/src/main/java/io/flowstate/api/model'
ARN = '@Constraint(minLength = 1, maxLength = 256) String'
OARN = '@Constraint(minLength = 1, maxLength = 256) Optional<String>'
NAME = '@Constraint(minLength = 1, maxLength = 80) String'
ONAME = '@Constraint(minLength = 1, maxLength = 80) Optional<String>'
PAGE = '@Constraint(min = 0, max = 1000) Optional<Integer> maxResults, @Constraint(minLength = 1, maxLength = 1024) Optional<String> nextToken'
DEF = '@Constraint(minLength = 1, maxLength = 1048576, sensitive = true) String definition'
ODEF = '@Constraint(minLength = 1, maxLength = 1048576, sensitive = true) Optional<String> definition'
DATA = '@Constraint(maxLength = 262144, sensitive = true) Optional<String>'
ERR = '@Constraint(maxLength = 256, sensitive = true) Optional<String> error, @Constraint(maxLength = 32768, sensitive = true) Optional<String> cause'
TOKEN = '@Constraint(minLength = 1, maxLength = 2048) String taskToken'
DESC = '@Constraint(maxLength = 256, sensitive = true) Optional<String>'
MAPRUN = '@Constraint(minLength = 1, maxLength = 2000) String mapRunArn'
OPS = {
 'CreateActivity': ('Creates an activity, or returns the existing one of that name.',
   f'{NAME} name, List<Tag> tags, Optional<JsonNode> encryptionConfiguration',
   'String activityArn, Instant creationDate'),
 'CreateStateMachine': ('Creates a state machine; idempotent when every argument matches the existing one.',
   f'{NAME} name, {DEF}, {ARN} roleArn, Optional<StateMachineType> type, Optional<JsonNode> loggingConfiguration, List<Tag> tags, Optional<JsonNode> tracingConfiguration, boolean publish, {DESC} versionDescription, Optional<JsonNode> encryptionConfiguration',
   'String stateMachineArn, Instant creationDate, Optional<String> stateMachineVersionArn'),
 'CreateStateMachineAlias': ('Creates an alias routing executions to one or two versions.',
   f'{DESC} description, {NAME} name, @Constraint(minLength = 1, maxLength = 2, required = true) List<RoutingConfigurationListItem> routingConfiguration',
   'String stateMachineAliasArn, Instant creationDate'),
 'DeleteActivity': ('Deletes an activity.', f'{ARN} activityArn', ''),
 'DeleteStateMachine': ('Deletes a state machine; running executions go on.', f'{ARN} stateMachineArn', ''),
 'DeleteStateMachineAlias': ('Deletes an alias.', f'{ARN} stateMachineAliasArn', ''),
 'DeleteStateMachineVersion': ('Deletes a version.', f'{ARN} stateMachineVersionArn', ''),
 'DescribeActivity': ('Describes an activity.', f'{ARN} activityArn',
   'String activityArn, String name, Instant creationDate, Optional<JsonNode> encryptionConfiguration'),
 'DescribeExecution': ('Describes an execution.', f'{ARN} executionArn, Optional<IncludedData> includedData',
   'String executionArn, String stateMachineArn, String name, String status, Instant startDate, Optional<Instant> stopDate, Optional<String> input, Optional<Included> inputDetails, Optional<String> output, Optional<Included> outputDetails, Optional<String> traceHeader, Optional<String> mapRunArn, Optional<String> error, Optional<String> cause, Optional<String> stateMachineVersionArn, Optional<String> stateMachineAliasArn, Optional<Integer> redriveCount, Optional<Instant> redriveDate, Optional<String> redriveStatus, Optional<String> redriveStatusReason'),
 'DescribeMapRun': ('Describes a Map Run.', MAPRUN,
   'String mapRunArn, String executionArn, String status, Instant startDate, Optional<Instant> stopDate, int maxConcurrency, double toleratedFailurePercentage, long toleratedFailureCount, JsonNode itemCounts, JsonNode executionCounts, int redriveCount, Optional<Instant> redriveDate'),
 'DescribeStateMachine': ('Describes a state machine, a version or (through an alias ARN) the alias target.',
   f'{ARN} stateMachineArn, Optional<IncludedData> includedData',
   'String stateMachineArn, String name, Optional<String> status, Optional<String> definition, String roleArn, String type, Instant creationDate, Optional<JsonNode> loggingConfiguration, Optional<JsonNode> tracingConfiguration, Optional<String> label, Optional<String> revisionId, Optional<String> description, Optional<JsonNode> encryptionConfiguration, Optional<JsonNode> variableReferences'),
 'DescribeStateMachineAlias': ('Describes an alias.', f'{ARN} stateMachineAliasArn',
   'String stateMachineAliasArn, String name, Optional<String> description, List<RoutingConfigurationListItem> routingConfiguration, Instant creationDate, Optional<Instant> updateDate'),
 'DescribeStateMachineForExecution': ('The state machine revision an execution runs.',
   f'{ARN} executionArn, Optional<IncludedData> includedData',
   'String stateMachineArn, String name, Optional<String> definition, String roleArn, Instant updateDate, Optional<JsonNode> loggingConfiguration, Optional<JsonNode> tracingConfiguration, Optional<String> mapRunArn, Optional<String> label, Optional<String> revisionId, Optional<JsonNode> encryptionConfiguration, Optional<JsonNode> variableReferences'),
 'GetActivityTask': ('Long-polls (60 s) for a task scheduled on an activity.', f'{ARN} activityArn, {ONAME} workerName',
   'Optional<String> taskToken, Optional<String> input'),
 'GetExecutionHistory': ('An execution\'s history events, paged.',
   f'{ARN} executionArn, @Constraint(min = 0, max = 1000) Optional<Integer> maxResults, boolean reverseOrder, @Constraint(minLength = 1, maxLength = 3096) Optional<String> nextToken, Optional<Boolean> includeExecutionData',
   'List<JsonNode> events, Optional<String> nextToken'),
 'ListActivities': ('Lists activities.', PAGE, 'List<ActivityListItem> activities, Optional<String> nextToken'),
 'ListExecutions': ('Lists a state machine\'s (or a Map Run\'s) executions, newest first.',
   f'{OARN} stateMachineArn, Optional<ExecutionStatus> statusFilter, {PAGE}, @Constraint(minLength = 1, maxLength = 2000) Optional<String> mapRunArn, Optional<ExecutionRedriveFilter> redriveFilter',
   'List<ExecutionListItem> executions, Optional<String> nextToken'),
 'ListMapRuns': ('Lists the Map Runs of an execution.', f'{ARN} executionArn, {PAGE}',
   'List<MapRunListItem> mapRuns, Optional<String> nextToken'),
 'ListStateMachineAliases': ('Lists a state machine\'s aliases.', f'{ARN} stateMachineArn, {PAGE}',
   'List<AliasListItem> stateMachineAliases, Optional<String> nextToken'),
 'ListStateMachineVersions': ('Lists a state machine\'s versions, newest first.', f'{ARN} stateMachineArn, {PAGE}',
   'List<VersionListItem> stateMachineVersions, Optional<String> nextToken'),
 'ListStateMachines': ('Lists state machines.', PAGE, 'List<StateMachineListItem> stateMachines, Optional<String> nextToken'),
 'ListTagsForResource': ('Lists a resource\'s tags.', f'{ARN} resourceArn', 'List<Tag> tags'),
 'PublishStateMachineVersion': ('Publishes the current revision as a version (idempotent for an unchanged revision).',
   f'{ARN} stateMachineArn, Optional<String> revisionId, {DESC} description',
   'Instant creationDate, String stateMachineVersionArn'),
 'RedriveExecution': ('Restarts a failed execution from the state that failed.',
   f'{ARN} executionArn, @Constraint(minLength = 1, maxLength = 64) Optional<String> clientToken', 'Instant redriveDate'),
 'SendTaskFailure': ('Fails the task waiting on a token.', f'{TOKEN}, {ERR}', ''),
 'SendTaskHeartbeat': ('Reports that the task waiting on a token is alive.', TOKEN, ''),
 'SendTaskSuccess': ('Completes the task waiting on a token.', f'{TOKEN}, @Constraint(maxLength = 262144, sensitive = true) String output', ''),
 'StartExecution': ('Starts an execution (Standard: idempotent by name while running with the same input).',
   f'{ARN} stateMachineArn, {ONAME} name, {DATA} input, @Constraint(maxLength = 256) Optional<String> traceHeader',
   'String executionArn, Instant startDate'),
 'StartSyncExecution': ('Runs an Express execution to its end and answers with its outcome.',
   f'{ARN} stateMachineArn, {ONAME} name, {DATA} input, @Constraint(maxLength = 256) Optional<String> traceHeader, Optional<IncludedData> includedData',
   'String executionArn, Optional<String> stateMachineArn, Optional<String> name, Instant startDate, Instant stopDate, String status, Optional<String> error, Optional<String> cause, Optional<String> input, Optional<Included> inputDetails, Optional<String> output, Optional<Included> outputDetails, Optional<String> traceHeader, Optional<BillingDetails> billingDetails'),
 'StopExecution': ('Stops a running execution (ABORTED).', f'{ARN} executionArn, {ERR}', 'Instant stopDate'),
 'TagResource': ('Adds or replaces tags.', f'{ARN} resourceArn, @Constraint(required = true) List<Tag> tags', ''),
 'TestState': ('Runs one state (or a machine\'s named state) once and reports what it did.',
   f'{DEF}, {OARN} roleArn, {DATA} input, Optional<InspectionLevel> inspectionLevel, boolean revealSecrets, {DATA} variables, @Constraint(minLength = 1, maxLength = 80) Optional<String> stateName, Optional<JsonNode> mock, @Constraint(maxLength = 262144, sensitive = true) Optional<String> context, Optional<JsonNode> stateConfiguration',
   'Optional<String> output, Optional<String> error, Optional<String> cause, Optional<JsonNode> inspectionData, Optional<String> nextState, String status'),
 'UntagResource': ('Removes tags by key.', f'{ARN} resourceArn, @Constraint(required = true) List<String> tagKeys', ''),
 'UpdateMapRun': ('Changes a running Map Run\'s concurrency and failure tolerance.',
   f'{MAPRUN}, @Constraint(min = 0) Optional<Integer> maxConcurrency, @Constraint(min = 0, max = 100) Optional<Double> toleratedFailurePercentage, @Constraint(min = 0) Optional<Long> toleratedFailureCount', ''),
 'UpdateStateMachine': ('Changes a state machine\'s definition, role or configuration (a new revision).',
   f'{ARN} stateMachineArn, {ODEF}, {OARN} roleArn, Optional<JsonNode> loggingConfiguration, Optional<JsonNode> tracingConfiguration, boolean publish, {DESC} versionDescription, Optional<JsonNode> encryptionConfiguration',
   'Instant updateDate, Optional<String> revisionId, Optional<String> stateMachineVersionArn'),
 'UpdateStateMachineAlias': ('Changes an alias\'s description or routing.',
   f'{ARN} stateMachineAliasArn, {DESC} description, @Constraint(minLength = 1, maxLength = 2) List<RoutingConfigurationListItem> routingConfiguration',
   'Instant updateDate'),
 'ValidateStateMachineDefinition': ('Validates a definition without creating anything.',
   f'{DEF}, Optional<StateMachineType> type, Optional<ValidationSeverity> severity, @Constraint(min = 0, max = 100) Optional<Integer> maxResults',
   'String result, List<ValidationDiagnostic> diagnostics, boolean truncated'),
}
assert len(OPS) == 37, len(OPS)

def params(spec):
    spec = spec.strip()
    if not spec:
        return ''
    # split on commas outside <>/()
    out, depth, cur = [], 0, ''
    for ch in spec:
        if ch in '<(':
            depth += 1
        elif ch in '>)':
            depth -= 1
        if ch == ',' and depth == 0:
            out.append(cur.strip()); cur = ''
        else:
            cur += ch
    out.append(cur.strip())
    return ',\n                ' + ',\n                '.join(out[1:]) if False else '\n            ' + ',\n            '.join(out)

for op, (doc, req, resp) in OPS.items():
    body = req + ' ' + resp
    imports = ['import io.flowstate.api.codec.Constraint;'] if '@Constraint' in req else []
    if 'JsonNode' in body: imports.append('import com.fasterxml.jackson.databind.JsonNode;')
    if 'ExecutionStatus' in body: imports.append('import io.flowstate.engine.interp.ExecutionStatus;')
    if 'Instant' in body: imports.append('import java.time.Instant;')
    if 'List<' in body: imports.append('import java.util.List;')
    if 'Optional<' in body: imports.append('import java.util.Optional;')
    imports.sort(key=lambda s: (not s.startswith('import com'), s))
    src = f'''package io.flowstate.api.model;

{chr(10).join(imports)}

/** {op}: {doc} */
public final class {op} {{
    private {op}() {{}}

    /** {op}'s request members, as the API model names them. */
    public record Request({params(req)}) implements ApiRequest {{}}

    /** {op}'s response members. */
    public record Response({params(resp)}) implements ApiResponse {{}}
}}
'''
    src = src.replace('\n\n\n', '\n\n')
    open(os.path.join(OUT, op + '.java'), 'w').write(src)
names = sorted(OPS)
req = ',\n        '.join(n + '.Request' for n in names)
resp = ',\n        '.join(n + '.Response' for n in names)
open(os.path.join(OUT, 'ApiRequest.java'), 'w').write(f'''package io.flowstate.api.model;

/** A decoded request of one of the API's 37 operations; the service switches over them exhaustively. */
public sealed interface ApiRequest permits
        {req} {{}}
''')
open(os.path.join(OUT, 'ApiResponse.java'), 'w').write(f'''package io.flowstate.api.model;

/** The response of one of the API's 37 operations. */
public sealed interface ApiResponse permits
        {resp} {{}}
''')
ops = ',\n                '.join(f'Map.entry("{n}", {n}.Request.class)' for n in names)
open(os.path.join(OUT, 'Operations.java'), 'w').write(f'''package io.flowstate.api.model;

import java.util.Map;
import java.util.Optional;

/** The API model's operations by name ({{@code X-Amz-Target: AWSStepFunctions.<name>}}) and their request types. */
public final class Operations {{
    private static final Map<String, Class<? extends ApiRequest>> REQUESTS = Map.ofEntries(
                {ops});

    private Operations() {{}}

    /** The request type of operation {{@code name}}; empty for a name the API does not have. */
    public static Optional<Class<? extends ApiRequest>> requestType(String name) {{
        return Optional.ofNullable(REQUESTS.get(name));
    }}

    /** Every operation name. */
    public static java.util.Set<String> names() {{
        return REQUESTS.keySet();
    }}
}}
''')
print('ok')
