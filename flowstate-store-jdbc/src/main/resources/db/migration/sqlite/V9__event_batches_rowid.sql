-- Event batches in a rowid table. In a WITHOUT ROWID table a row lives in an index b-tree, whose cells hold at
-- most about 1,000 bytes on a 4 KiB page: a longer batch (a pass-chain execution's is 1.1 KB) spilled into an
-- overflow page of its own, a whole page written (and checkpointed) per commit for a hundred bytes. A table
-- b-tree keeps rows up to about 4,000 bytes in its leaves, several to a page; the unique index keeps the
-- (execution_id, last_event_id) order that history reads walk.
CREATE TABLE event_batches_v9 (
    execution_id INTEGER NOT NULL,
    last_event_id INTEGER NOT NULL,
    first_event_id INTEGER NOT NULL,
    body BLOB NOT NULL,
    UNIQUE (execution_id, last_event_id)
);

INSERT INTO event_batches_v9 (execution_id, last_event_id, first_event_id, body)
    SELECT execution_id, last_event_id, first_event_id, body FROM event_batches ORDER BY execution_id, last_event_id;

DROP TABLE event_batches;

ALTER TABLE event_batches_v9 RENAME TO event_batches;
