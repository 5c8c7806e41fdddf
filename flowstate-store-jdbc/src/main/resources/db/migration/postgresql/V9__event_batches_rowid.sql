-- Nothing to change on PostgreSQL: SQLite's V9 moves event batches out of a WITHOUT ROWID table, where long rows
-- overflowed; PostgreSQL keeps rows up to about 2 KB in its heap pages and larger values in TOAST. The versions of
-- the two dialects stay the same (see Migrations).
SELECT 1;
