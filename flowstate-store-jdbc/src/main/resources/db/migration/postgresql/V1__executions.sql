-- Definitions are shared by every execution of a state machine revision: one copy per distinct text.
CREATE TABLE definitions (
    hash TEXT PRIMARY KEY,
    text TEXT NOT NULL
);

-- One row per execution: the summary DescribeExecution and ListExecutions read, the start record, and the
-- version (last_event_id) every commit is checked against. id: small keys for events and journal.
CREATE TABLE executions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_arn TEXT NOT NULL UNIQUE,
    state_machine_arn TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    start_ns BIGINT NOT NULL,
    stop_ns BIGINT,
    input_text TEXT NOT NULL,
    output TEXT,
    error TEXT,
    cause TEXT,
    last_event_id BIGINT NOT NULL,
    journal_length BIGINT NOT NULL,
    definition_hash TEXT NOT NULL REFERENCES definitions (hash),
    start_info TEXT NOT NULL
);

-- ListExecutions, newest first, for each combination of its two filters: every page is an index range scan
-- from the page token, whatever the number of executions. The trailing id breaks start-date ties.
CREATE INDEX executions_by_start ON executions (start_ns, id);
CREATE INDEX executions_by_status ON executions (status, start_ns, id);
CREATE INDEX executions_by_machine ON executions (state_machine_arn, start_ns, id);
CREATE INDEX executions_by_machine_status ON executions (state_machine_arn, status, start_ns, id);

CREATE TABLE events (
    execution_id BIGINT NOT NULL,
    event_id BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (execution_id, event_id)
);

-- The triggers each commit applied, in order: with the start record, what Replay needs after a restart.
CREATE TABLE journal (
    execution_id BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    last_event_id_before BIGINT NOT NULL,
    at_ns BIGINT NOT NULL,
    trigger_json TEXT NOT NULL,
    PRIMARY KEY (execution_id, seq)
);
