-- DMN: a deployed .dmn resource is a decision requirements graph (DRG) with its decisions. Both
-- are versioned: a changed resource makes a new version of the DRG and of each of its decisions.
create table engine_decision_requirements (
  key bigint primary key,
  decision_requirements_id text not null,
  name text,
  version integer not null,
  resource_key bigint not null references engine_resource (key),
  deployment_key bigint not null references engine_deployment (key),
  checksum text not null,
  compiled jsonb not null,
  created_at timestamptz not null default now(),
  unique (decision_requirements_id, version)
);

create table engine_decision (
  key bigint primary key,
  decision_id text not null,
  name text,
  version integer not null,
  version_tag text,
  decision_requirements_key bigint not null references engine_decision_requirements (key),
  decision_requirements_id text not null,
  deployment_key bigint not null references engine_deployment (key),
  unique (decision_id, version)
);
create index engine_decision_deployment on engine_decision (deployment_key);
