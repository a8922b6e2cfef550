-- The audit log page filters by user and by action, newest first; the log
-- grows with every login, so those filters get their own indexes.
CREATE INDEX audit_log_user ON audit_log (site_id, username, at DESC);
CREATE INDEX audit_log_action ON audit_log (site_id, action, at DESC);
