-- ListExecutions of a version or an alias, or with a redrive filter, reads an index range like the other
-- filters, rather than every execution of the machine checked one by one: the version and alias an execution
-- was started through, and how many times it was redriven, become columns. Their indexes are partial, so an
-- execution started through the bare machine ARN and never redriven (the usual case) costs no index entry.
ALTER TABLE executions ADD COLUMN version_arn TEXT;
ALTER TABLE executions ADD COLUMN alias_arn TEXT;
ALTER TABLE executions ADD COLUMN redrive_count INTEGER NOT NULL DEFAULT 0;

UPDATE executions SET version_arn = start_info::json ->> 'stateMachineVersionArn',
    alias_arn = start_info::json ->> 'stateMachineAliasArn';
UPDATE executions SET redrive_count = (SELECT COUNT(*) FROM journal j
    WHERE j.execution_id = executions.id AND j.trigger_json LIKE '{"type":"Redrive"%');

CREATE INDEX executions_by_version ON executions (version_arn, start_ns, id) WHERE version_arn IS NOT NULL;
CREATE INDEX executions_by_alias ON executions (alias_arn, start_ns, id) WHERE alias_arn IS NOT NULL;
CREATE INDEX executions_redriven ON executions (state_machine_arn, start_ns, id) WHERE redrive_count > 0;
