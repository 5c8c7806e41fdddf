-- Event batches are bytes: deflated when that makes them shorter (see BatchBodies), which takes most pages out
-- of a commit. Rows already written keep their text, read back by its first byte '['.
CREATE TABLE event_batches_v6 (
    execution_id INTEGER NOT NULL,
    last_event_id INTEGER NOT NULL,
    first_event_id INTEGER NOT NULL,
    body BLOB NOT NULL,
    PRIMARY KEY (execution_id, last_event_id)
) WITHOUT ROWID;

INSERT INTO event_batches_v6 (execution_id, last_event_id, first_event_id, body)
    SELECT execution_id, last_event_id, first_event_id, CAST(body AS BLOB) FROM event_batches;

DROP TABLE event_batches;

ALTER TABLE event_batches_v6 RENAME TO event_batches;
