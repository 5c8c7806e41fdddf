-- Several nodes on one database. Each RUNNING execution is owned by one node (owner), the only one that runs
-- it; a node holds its executions while its row in nodes has a lease in the future, and renews that one row
-- periodically. When a node's lease has lapsed, the others claim its running executions (FOR UPDATE SKIP
-- LOCKED) and resume them. Commits check the owner, so a node that lost an execution cannot append to it.
ALTER TABLE executions ADD COLUMN owner TEXT;
CREATE INDEX executions_running_by_owner ON executions (owner) WHERE status = 'RUNNING';

CREATE TABLE nodes (
    node_id TEXT PRIMARY KEY,
    lease_until_ns BIGINT NOT NULL
);

-- Triggers for an execution sent from a node that does not own it (SendTask*, StopExecution, an activity task
-- handed out): its owner applies them and writes the outcome, which the sender reads back.
CREATE TABLE inbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_arn TEXT NOT NULL,
    trigger_json TEXT NOT NULL,
    outcome TEXT,
    done_ns BIGINT
);
CREATE INDEX inbox_pending_by_execution ON inbox (execution_arn) WHERE outcome IS NULL;

-- Which task each task token completes, so that any node resolves a token it did not issue.
CREATE TABLE task_tokens (
    token TEXT PRIMARY KEY,
    execution_arn TEXT NOT NULL,
    task_id BIGINT NOT NULL
);
CREATE INDEX task_tokens_by_execution ON task_tokens (execution_arn);

-- Activity tasks waiting for a worker's GetActivityTask, on whichever node it polls.
CREATE TABLE activity_tasks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    activity_arn TEXT NOT NULL,
    task_token TEXT NOT NULL UNIQUE,
    input TEXT NOT NULL
);
CREATE INDEX activity_tasks_by_activity ON activity_tasks (activity_arn, id);
