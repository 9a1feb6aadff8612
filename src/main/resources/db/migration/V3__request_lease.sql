-- Who runs a request, and when it last said it was alive. A run claims its request with a conditional
-- UPDATE; a run whose heartbeat is stale (its instance crashed) may be taken over, and resumes from the
-- migration core's journal.
ALTER TABLE migration_request ADD COLUMN claimed_by VARCHAR(128);
ALTER TABLE migration_request ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE migration_request ADD COLUMN result VARCHAR;
