-- Signal subscriptions: catch events, boundary events and event sub-process starts of running
-- instances (element_instance_key set), and signal start events of deployed processes.
create table engine_signal_subscription (
  key bigint primary key,
  signal_name text not null,
  process_instance_key bigint,
  element_instance_key bigint,
  process_definition_key bigint,
  record jsonb not null
);
create index engine_signal_subscription_name on engine_signal_subscription (signal_name);
create index engine_signal_subscription_instance on engine_signal_subscription (process_instance_key);

-- Signals thrown by throw / end events, broadcast by the scheduler in their own command
-- (an outbox: a thrown signal survives a crash between the two).
create table engine_pending_signal (
  key bigint primary key,
  signal_name text not null,
  record jsonb not null
);
