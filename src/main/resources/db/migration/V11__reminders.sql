-- Deadline reminders. One dialect for PostgreSQL and for H2 in PostgreSQL mode.

-- A milestone date changed by support with /fsdh deadlines set; it wins over the YAML.
CREATE TABLE milestone_override (
  milestone_id    VARCHAR(40)  PRIMARY KEY,
  milestone_date  DATE         NOT NULL,
  changed_by      VARCHAR(64)  NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per reminder that is due: inserted (claimed) before anything is posted, so the key makes a
-- reminder go out at most once whatever the scheduler does. The milestone date is part of the key:
-- when support moves a date, the reminders of the new date are new reminders.
-- status: PENDING (to post at next_attempt_at), SENDING (claimed by claimed_by, post under way),
-- SENT, SKIPPED (workspace done), DROPPED (milestone passed), FAILED (Slack refused for good),
-- UNCONFIRMED (the poster died mid-post: never re-posted, shown to support).
CREATE TABLE reminder_delivery (
  workspace        VARCHAR(10)  NOT NULL,
  milestone_id     VARCHAR(40)  NOT NULL,
  offset_days      INTEGER      NOT NULL,
  milestone_date   DATE         NOT NULL,
  channel          VARCHAR(32)  NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  attempts         INTEGER      NOT NULL DEFAULT 0,
  due_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_by       VARCHAR(120),
  claimed_at       TIMESTAMP WITH TIME ZONE,
  sent_at          TIMESTAMP WITH TIME ZONE,
  message_ts       VARCHAR(32),
  last_error       VARCHAR(200),
  PRIMARY KEY (workspace, milestone_id, offset_days, milestone_date)
);

CREATE INDEX reminder_delivery_queue ON reminder_delivery (status, next_attempt_at);

-- Send slots shared by every bot instance: 'global' and one row per channel ('C123...').
-- next_at_micros is the earliest epoch microsecond at which the next message may go out.
CREATE TABLE reminder_pace (
  pace_key  VARCHAR(64)  PRIMARY KEY,
  next_at_micros  BIGINT  NOT NULL
);
