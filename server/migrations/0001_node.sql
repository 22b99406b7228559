-- Every running Balcão node registers here; the gateway's Topology lists them and
-- operators see which nodes share the database.
create table balcao_node (
  id text primary key,
  hostname text not null,
  pid integer not null,
  http_address text not null,
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);
