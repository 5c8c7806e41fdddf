-- The events of one commit as one row: a JSON array of the events, in id order. A commit wrote one row per
-- event before, and per-row native work (b-tree insert, statement step, JNI) was most of SQLite's share of a
-- commit. The key ends with the batch's last event id, so a history page after event n starts at the first
-- batch ending past n (which may begin at or before n: readers skip those events).
CREATE TABLE event_batches (
    execution_id BIGINT NOT NULL,
    last_event_id BIGINT NOT NULL,
    first_event_id BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (execution_id, last_event_id)
);

-- Existing events become batches of one event each: the same history, read the same way.
INSERT INTO event_batches (execution_id, last_event_id, first_event_id, body)
    SELECT execution_id, event_id, event_id, '[' || body || ']' FROM events;

DROP TABLE events;
