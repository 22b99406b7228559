-- Compensation subscriptions: a completed activity with a compensation handler (or a completed
-- sub-process holding such activities) that a compensation throw event can still undo. They
-- live until their scope ends or the compensation runs (Zeebe's COMPENSATION_SUBSCRIPTION).
create table engine_compensation_subscription (
  key bigint primary key,
  process_instance_key bigint not null,
  state text not null,
  record jsonb not null
);
create index engine_compensation_subscription_instance
  on engine_compensation_subscription (process_instance_key);
