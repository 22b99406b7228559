-- Services citizens can apply for: the service sheet and start form of each deployed
-- library service (refreshed on every library deployment).
create table catalogue_service (
  process_id text primary key,
  version integer not null,
  sheet jsonb not null,
  start_form jsonb,
  updated_at timestamptz not null default now()
);

-- Application numbers `<year>-<agency>-<seq>`: one counter per year and agency.
create table application_sequence (
  year integer not null,
  agency text not null,
  last_value integer not null,
  primary key (year, agency)
);

create table application_draft (
  id uuid primary key,
  owner_account_id text not null,
  process_id text not null,
  data jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index application_draft_owner on application_draft (owner_account_id, updated_at desc);

-- One citizen's application. `status` is the citizen-facing state; `instance_key` is the
-- process instance once the engine accepted it (null while `starting`).
create table application (
  id uuid primary key,
  number text not null unique,
  process_id text not null,
  agency text not null,
  current_agency text not null,
  owner_account_id text not null,
  owner_login text not null,
  status text not null,
  data jsonb not null,
  language text not null,
  instance_key text,
  pledge_working_days integer,
  submitted_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  withdraw_reason text
);
create index application_owner on application (owner_account_id, submitted_at desc);
create index application_open on application (status) where closed_at is null;
create unique index application_instance on application (instance_key);

-- The citizen's timeline: milestones from task headers (ADR 0004), one per task or job.
create table application_milestone (
  application_id uuid not null references application (id),
  source_key text not null,
  element_id text not null,
  label jsonb not null,
  agency text,
  -- The citizen owes this step (their own task): the pledge clock is suspended meanwhile.
  owed_by_citizen boolean not null default false,
  -- Where the citizen acts on an owed step outside Balcão (e.g. the payment page).
  action_url text,
  started_at timestamptz not null,
  completed_at timestamptz,
  primary key (application_id, source_key)
);

-- Certificates issued for an application (by the document connector).
create table application_document (
  verification_code text primary key,
  application_id uuid references application (id),
  case_ref text not null,
  idempotency_key text not null unique,
  record jsonb not null,
  storage_path text not null,
  issued_at timestamptz not null
);
create index application_document_case on application_document (case_ref);

-- In-app notices for an account (notify connector), idempotent per job.
create table notification (
  id uuid primary key,
  idempotency_key text not null unique,
  account_login text not null,
  case_ref text,
  sender_agency text not null,
  template text not null,
  language text not null,
  personalisation jsonb not null,
  created_at timestamptz not null default now(),
  read_at timestamptz
);
create index notification_account on notification (account_login, created_at desc);

-- The inbox: user tasks as the server last saw them through the engine's API.
create table inbox_task (
  task_key text primary key,
  kind text not null,
  process_id text not null,
  process_instance_key text not null,
  element_id text not null,
  name text not null,
  application_id uuid references application (id),
  application_number text,
  agency text,
  candidate_groups text[] not null,
  candidate_users text[] not null,
  assignee text,
  form_key text,
  form_id text,
  headers jsonb not null,
  priority integer not null default 50,
  state text not null,
  created_at timestamptz not null,
  due_at timestamptz,
  completed_at timestamptz
);
create index inbox_task_open on inbox_task (state, created_at) where state = 'open';
create index inbox_task_groups on inbox_task using gin (candidate_groups);
create index inbox_task_assignee on inbox_task (assignee) where state = 'open';
create index inbox_task_application on inbox_task (application_id);

create table task_comment (
  id uuid primary key,
  task_key text not null,
  author_login text not null,
  text text not null,
  created_at timestamptz not null default now()
);
create index task_comment_task on task_comment (task_key, created_at);

-- Saved inbox filters per account.
create table inbox_view (
  id uuid primary key,
  owner_account_id text not null,
  name text not null,
  filter jsonb not null,
  created_at timestamptz not null default now(),
  unique (owner_account_id, name)
);

-- Where the task sync left off (one row per installation).
create table sync_cursor (
  name text primary key,
  value text not null
);
