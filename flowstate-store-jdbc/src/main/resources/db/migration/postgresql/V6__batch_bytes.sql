-- Event batches are bytes: deflated when that makes them shorter (see BatchBodies), so a commit sends and
-- writes a tenth of the bytes. Rows already written keep their text, read back by its first byte '['.
ALTER TABLE event_batches ALTER COLUMN body TYPE BYTEA USING convert_to(body, 'UTF8');
