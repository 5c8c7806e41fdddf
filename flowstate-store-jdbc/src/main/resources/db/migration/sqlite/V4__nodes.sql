-- The owner of each execution, for several nodes on PostgreSQL (see the PostgreSQL script). SQLite serves one
-- process: it never sets an owner, and commits' owner check always passes.
ALTER TABLE executions ADD COLUMN owner TEXT;
