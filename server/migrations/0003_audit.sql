-- Append-only audit log with a SHA-256 hash chain: each row's hash covers the previous
-- row's hash and its own canonical content, so editing or removing a row breaks the chain.
create table audit_log (
  seq bigserial primary key,
  occurred_at timestamptz not null,
  actor text,
  action text not null,
  target text,
  source_ip text,
  request_id text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null unique
);

-- A trigger rather than REVOKE: it also holds for the table owner and on PGlite, where the
-- application connects as a superuser.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_log_no_update_delete
  before update or delete on audit_log
  for each row execute function audit_log_append_only();

create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function audit_log_append_only();
