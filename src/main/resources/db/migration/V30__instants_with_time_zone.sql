-- Every column that holds an instant becomes `timestamp with time zone` (PostgreSQL stores the instant in UTC; H2 keeps
-- the offset): a `timestamp` holds a wall-clock time with no zone, written in the JVM's (or PostgreSQL session's) time
-- zone and read back in whichever zone the reader has, so a node, a restart or a tool in another zone, or the hour a
-- clock falls back, shifted stored instants. `set data type` keeps each column's nullability and indexes (H2 and
-- PostgreSQL alike). Existing values are read as wall-clock times in the migrating session's time zone, which is the
-- JVM's (the PostgreSQL driver and H2 both take it from the JVM): run this migration in the time zone the service ran in.
alter table catalog_release alter column imported_at set data type timestamp with time zone;
alter table account alter column created_at set data type timestamp with time zone;
alter table account_token alter column expires_at set data type timestamp with time zone;
alter table account_token alter column used_at set data type timestamp with time zone;
alter table metering_view alter column viewed_at set data type timestamp with time zone;
alter table metering_counter alter column period_start set data type timestamp with time zone;
alter table account alter column plan_until set data type timestamp with time zone;
alter table account_audit alter column at set data type timestamp with time zone;
alter table api_token alter column created_at set data type timestamp with time zone;
alter table api_token alter column last_used_at set data type timestamp with time zone;
alter table api_token alter column revoked_at set data type timestamp with time zone;
alter table content_revision alter column created_at set data type timestamp with time zone;
alter table content_publication alter column published_at set data type timestamp with time zone;
alter table edits_release alter column imported_at set data type timestamp with time zone;
alter table assistant_question alter column asked_at set data type timestamp with time zone;
alter table assistant_guideline_release alter column imported_at set data type timestamp with time zone;
alter table casecoding_case alter column saved_at set data type timestamp with time zone;
alter table consult_thread alter column received_at set data type timestamp with time zone;
alter table consult_thread alter column due_at set data type timestamp with time zone;
alter table consult_message alter column created_at set data type timestamp with time zone;
alter table consult_outbox alter column next_attempt_at set data type timestamp with time zone;
alter table consult_outbox alter column locked_until set data type timestamp with time zone;
alter table consult_outbox alter column sent_at set data type timestamp with time zone;
alter table consult_refused_mail alter column received_at set data type timestamp with time zone;
alter table career_job alter column created_at set data type timestamp with time zone;
alter table career_job alter column published_at set data type timestamp with time zone;
alter table career_application alter column applied_at set data type timestamp with time zone;
alter table career_saved_search alter column created_at set data type timestamp with time zone;
alter table career_saved_search alter column last_sent_at set data type timestamp with time zone;
alter table career_report alter column created_at set data type timestamp with time zone;
alter table coverage_release alter column imported_at set data type timestamp with time zone;
alter table login_throttle alter column last_failure_at set data type timestamp with time zone;
alter table login_throttle alter column blocked_until set data type timestamp with time zone;
alter table persistent_logins alter column last_used set data type timestamp with time zone;
alter table consult_held_mail alter column received_at set data type timestamp with time zone;
alter table consult_held_mail alter column notified_at set data type timestamp with time zone;
alter table consult_unreadable_mail alter column received_at set data type timestamp with time zone;
alter table consult_unreadable_mail alter column handled_at set data type timestamp with time zone;

-- careers: a node claims a saved search before emailing it, so that one digest run on several nodes sends it once
alter table career_saved_search add column locked_until timestamp with time zone;
