-- ListExecutions always names a state machine (AWS refuses it without one, or a Map Run), so the two indexes for
-- listing every machine's executions went: each cost a page per commit on SQLite's single writer. Listing
-- without a machine still works, by a scan. Recovery's list of RUNNING executions gets a partial index, which
-- an execution that ends in the commit that starts it never enters.
DROP INDEX executions_by_start;
DROP INDEX executions_by_status;
CREATE INDEX executions_running ON executions (start_ns, id) WHERE status = 'RUNNING';
