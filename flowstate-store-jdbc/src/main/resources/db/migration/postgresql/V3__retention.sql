-- Retention deletes the executions that ended longest ago first; only closed ones have a stop date.
CREATE INDEX executions_by_stop ON executions (stop_ns) WHERE stop_ns IS NOT NULL;
