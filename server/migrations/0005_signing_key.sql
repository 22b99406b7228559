-- The key that signs OAuth access tokens (HS256), shared by every node of the installation.
create table server_signing_key (
  id integer primary key,
  key text not null,
  created_at timestamptz not null default now()
);
