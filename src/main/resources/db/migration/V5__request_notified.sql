-- When Slack (the requester's direct message, the support channel's message) was last told of the
-- request's state: a copy of updated_at once told. A sweep tells what a crash or a failed Slack call
-- left untold (notified_at < updated_at). Requests stored before this column are taken as told.
ALTER TABLE migration_request ADD COLUMN notified_at TIMESTAMP WITH TIME ZONE;
UPDATE migration_request SET notified_at = updated_at;
