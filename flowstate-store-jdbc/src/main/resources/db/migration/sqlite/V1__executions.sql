-- Definitions are shared by every execution of a state machine revision: one copy per distinct text.
CREATE TABLE definitions (
    hash TEXT PRIMARY KEY,
    text TEXT NOT NULL
) WITHOUT ROWID;

-- One row per execution: the summary DescribeExecution and ListExecutions read, the start record, and the
-- version (last_event_id) every commit is checked against. id is the rowid: small keys for events and journal.
CREATE TABLE executions (
    id INTEGER PRIMARY KEY,
    execution_arn TEXT NOT NULL UNIQUE,
    state_machine_arn TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    start_ns INTEGER NOT NULL,
    stop_ns INTEGER,
    input_text TEXT NOT NULL,
    output TEXT,
    error TEXT,
    cause TEXT,
    last_event_id INTEGER NOT NULL,
    journal_length INTEGER NOT NULL,
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
    execution_id INTEGER NOT NULL,
    event_id INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (execution_id, event_id)
) WITHOUT ROWID;

-- The triggers each commit applied, in order: with the start record, what Replay needs after a restart.
CREATE TABLE journal (
    execution_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    last_event_id_before INTEGER NOT NULL,
    at_ns INTEGER NOT NULL,
    trigger_json TEXT NOT NULL,
    PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;
