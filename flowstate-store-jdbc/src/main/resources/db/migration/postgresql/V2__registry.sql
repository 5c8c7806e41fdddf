-- What the API server registers beside executions (state machines, revisions, versions, aliases, activities,
-- tags, per-execution metadata): JSON documents by kind and key. id orders each kind's list by first put; an
-- upsert keeps the row, so a replaced document keeps its place.
CREATE TABLE registry (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (kind, key)
);

CREATE INDEX registry_by_kind ON registry (kind, id);
