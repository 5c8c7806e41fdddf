-- The journal in a rowid table, for the reason V9 moved event batches: in a WITHOUT ROWID table a trigger over
-- about 1,000 bytes (a task result of that size, journaled with its output) overflowed into a page of its own at
-- every commit. The unique index keeps the (execution_id, seq) order that a rebuild reads.
CREATE TABLE journal_v10 (
    execution_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    last_event_id_before INTEGER NOT NULL,
    at_ns INTEGER NOT NULL,
    trigger_json TEXT NOT NULL,
    UNIQUE (execution_id, seq)
);

INSERT INTO journal_v10 (execution_id, seq, last_event_id_before, at_ns, trigger_json)
    SELECT execution_id, seq, last_event_id_before, at_ns, trigger_json FROM journal ORDER BY execution_id, seq;

DROP TABLE journal;

ALTER TABLE journal_v10 RENAME TO journal;
