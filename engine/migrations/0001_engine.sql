-- Engine state. Rows hold live state (and finished process instances for queries); the
-- event log (engine_event) holds history and can rebuild every other table by replay.

-- Keys are handed out in blocks (see KeyGenerator), Zeebe-style: partition 1 starts at 2^51.
create sequence engine_key_block start with 2251799813685249 increment by 1000 minvalue 1;

create table engine_event (
  position bigserial primary key,
  key bigint not null,
  value_type text not null,
  intent text not null,
  process_instance_key bigint,
  value jsonb not null,
  created_at timestamptz not null default now()
);
create index engine_event_instance on engine_event (process_instance_key, position)
  where process_instance_key is not null;

create table engine_deployment (
  key bigint primary key,
  created_at timestamptz not null default now()
);

create table engine_resource (
  key bigint primary key,
  deployment_key bigint not null references engine_deployment (key),
  name text not null,
  kind text not null,
  checksum text not null,
  content text not null
);

create table engine_process (
  key bigint primary key,
  bpmn_process_id text not null,
  version integer not null,
  version_tag text,
  resource_key bigint not null references engine_resource (key),
  deployment_key bigint not null references engine_deployment (key),
  checksum text not null,
  compiled jsonb not null,
  created_at timestamptz not null default now(),
  unique (bpmn_process_id, version)
);

create table engine_form (
  key bigint primary key,
  form_id text not null,
  version integer not null,
  version_tag text,
  resource_key bigint not null references engine_resource (key),
  deployment_key bigint not null references engine_deployment (key),
  checksum text not null,
  unique (form_id, version)
);

create table engine_process_instance (
  key bigint primary key,
  root_key bigint not null,
  process_key bigint not null references engine_process (key),
  bpmn_process_id text not null,
  version integer not null,
  state text not null,
  parent_instance_key bigint,
  parent_element_instance_key bigint,
  has_incident boolean not null default false,
  start_at timestamptz not null,
  end_at timestamptz
);
create index engine_process_instance_state on engine_process_instance (bpmn_process_id, state);
create index engine_process_instance_root on engine_process_instance (root_key);

create table engine_element_instance (
  key bigint primary key,
  process_instance_key bigint not null,
  flow_scope_key bigint,
  element_id text not null,
  element_type text not null,
  state text not null,
  record jsonb not null
);
create index engine_element_instance_instance on engine_element_instance (process_instance_key);

create table engine_variable (
  key bigint primary key,
  scope_key bigint not null,
  process_instance_key bigint not null,
  name text not null,
  value jsonb not null,
  unique (scope_key, name)
);
create index engine_variable_instance on engine_variable (process_instance_key);

create table engine_job (
  key bigint primary key,
  type text not null,
  state text not null,
  process_instance_key bigint not null,
  element_instance_key bigint not null,
  retries integer not null,
  deadline timestamptz,
  recur_at timestamptz,
  record jsonb not null
);
create index engine_job_activatable on engine_job (type, key) where state = 'ACTIVATABLE';
create index engine_job_deadline on engine_job (deadline) where state = 'ACTIVATED';
create index engine_job_recur on engine_job (recur_at) where state = 'FAILED' and recur_at is not null;
create index engine_job_instance on engine_job (process_instance_key);

create table engine_timer (
  key bigint primary key,
  process_instance_key bigint,
  process_definition_key bigint,
  element_instance_key bigint,
  due_at timestamptz not null,
  record jsonb not null
);
create index engine_timer_due on engine_timer (due_at);
create index engine_timer_instance on engine_timer (process_instance_key);

create table engine_message_subscription (
  key bigint primary key,
  process_instance_key bigint not null,
  element_instance_key bigint not null,
  message_name text not null,
  correlation_key text not null,
  record jsonb not null
);
create index engine_message_subscription_match on engine_message_subscription (message_name, correlation_key);
create index engine_message_subscription_instance on engine_message_subscription (process_instance_key);

create table engine_message_start_subscription (
  process_key bigint not null references engine_process (key),
  bpmn_process_id text not null,
  message_name text not null,
  element_id text not null,
  primary key (process_key, element_id)
);
create index engine_message_start_subscription_name on engine_message_start_subscription (message_name);

create table engine_message (
  key bigint primary key,
  name text not null,
  correlation_key text not null,
  message_id text,
  expires_at timestamptz not null,
  record jsonb not null
);
create index engine_message_match on engine_message (name, correlation_key);
create unique index engine_message_id on engine_message (name, message_id) where message_id is not null;
create index engine_message_expiry on engine_message (expires_at);

-- A buffered message correlates at most once per BPMN process id.
create table engine_message_correlation (
  message_key bigint not null,
  bpmn_process_id text not null,
  primary key (message_key, bpmn_process_id)
);

-- One active instance per (process, correlation key) for message start events.
create table engine_message_start_lock (
  bpmn_process_id text not null,
  correlation_key text not null,
  process_instance_key bigint not null,
  primary key (bpmn_process_id, correlation_key)
);

create table engine_incident (
  key bigint primary key,
  process_instance_key bigint not null,
  element_instance_key bigint not null,
  job_key bigint,
  error_type text not null,
  state text not null,
  record jsonb not null,
  created_at timestamptz not null
);
create index engine_incident_instance on engine_incident (process_instance_key);
create index engine_incident_state on engine_incident (state);

create table engine_user_task (
  key bigint primary key,
  process_instance_key bigint not null,
  element_instance_key bigint not null,
  state text not null,
  assignee text,
  candidate_groups text[] not null default '{}',
  candidate_users text[] not null default '{}',
  due_date timestamptz,
  follow_up_date timestamptz,
  priority integer not null default 50,
  record jsonb not null,
  created_at timestamptz not null
);
create index engine_user_task_state on engine_user_task (state);
create index engine_user_task_groups on engine_user_task using gin (candidate_groups);
create index engine_user_task_instance on engine_user_task (process_instance_key);
