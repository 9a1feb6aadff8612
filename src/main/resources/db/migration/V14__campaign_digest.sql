-- The weekly campaign digest: one row per week's digest, inserted (claimed) before anything is
-- posted, so that of several instances (or a restart) exactly one posts it, at most once. A row with
-- no posted_at belongs to a post that died half-way: it is not posted again.
CREATE TABLE campaign_digest (
  due_date    DATE          PRIMARY KEY,
  claimed_by  VARCHAR(120)  NOT NULL,
  claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  posted_at   TIMESTAMP WITH TIME ZONE,
  outcome     VARCHAR(16),
  file_id     VARCHAR(32)
);
