-- Nothing to change on PostgreSQL (see V9): SQLite's V10 moves the journal out of a WITHOUT ROWID table.
SELECT 1;
