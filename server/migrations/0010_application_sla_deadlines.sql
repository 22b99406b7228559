-- The pledge clock's turning points (server/src/sla/slaDeadlines.ts), so the supervisors'
-- list filters, orders and pages open applications by SLA state in SQL. Days, not a state:
-- the state on any day follows from them, so no nightly refresh is needed. They are
-- recomputed when the application row changes (every milestone change touches `updated_at`,
-- copied into `sla_basis` when they are computed) or the holiday calendar does.
alter table application
  add column sla_warning_from date,
  add column sla_breached_from date,
  add column sla_paused boolean not null default false,
  add column sla_basis timestamptz;
-- The rows to recompute before listing an agency's applications.
create index application_sla_stale on application (agency)
  where closed_at is null and sla_basis is distinct from updated_at;
create index application_open_agency on application (agency, submitted_at) where closed_at is null;

-- The holiday calendar (its version) the stored deadlines were computed with: one row.
create table sla_calendar (
  id boolean primary key default true check (id),
  version text not null
);
