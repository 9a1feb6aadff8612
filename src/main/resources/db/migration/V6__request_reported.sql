-- When a finished run's report was posted (support thread, requester): a copy of updated_at once
-- posted. A sweep posts the report of a run that ended while the post failed or the bot stopped.
-- Runs finished before this column are taken as reported.
ALTER TABLE migration_request ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;
UPDATE migration_request SET reported_at = updated_at WHERE state IN ('SUCCEEDED', 'PARTLY_SUCCEEDED', 'FAILED');
