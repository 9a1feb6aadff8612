-- Nudges of requests left waiting for a decision (docs/approvals.md). One dialect for PostgreSQL and
-- for H2 in PostgreSQL mode.
--
-- One row per request and business day, inserted (claimed) before anything is posted: the key makes
-- a request nudged at most once a business day, whatever the scheduler, the instances or a restart do,
-- the same way reminder_delivery holds reminders to at most once.
-- kind:   NUDGE (in the approval thread) or ESCALATION (to approvals.escalateTo; at most once a request).
-- status: SENDING (claimed by claimed_by, post under way), SENT, FAILED (Slack refused it). A row left
--         SENDING by an instance that died is never posted again: never twice wins over never lost.
CREATE TABLE request_nudge (
  request_id    BIGINT       NOT NULL REFERENCES migration_request (id),
  business_day  DATE         NOT NULL,
  kind          VARCHAR(16)  NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  waited_days   INTEGER      NOT NULL,
  claimed_by    VARCHAR(128) NOT NULL,
  claimed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at       TIMESTAMP WITH TIME ZONE,
  message_ts    VARCHAR(32),
  last_error    VARCHAR(200),
  PRIMARY KEY (request_id, business_day)
);
