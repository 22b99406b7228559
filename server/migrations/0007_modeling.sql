-- The modeler (docs/adr/0011-model-ownership-by-agency.md).
-- Which agency owns a process or form id that no library service sheet names: recorded at
-- its first deployment through the modeler, so another agency cannot deploy over it.
create table modeling_owner (
  kind text not null check (kind in ('process', 'form')),
  resource_id text not null,
  agency text not null,
  recorded_at timestamptz not null default now(),
  primary key (kind, resource_id)
);

-- An analyst's unsaved work: one draft per process or form id (ids are global in the engine).
create table modeling_draft (
  kind text not null check (kind in ('process', 'form')),
  resource_id text not null,
  agency text not null,
  name text not null,
  content text not null,
  base_version integer,
  updated_by text not null,
  updated_at timestamptz not null default now(),
  primary key (kind, resource_id)
);
create index modeling_draft_agency on modeling_draft (agency, updated_at desc);
