-- Embedded identity: accounts, sessions, API tokens, password reset tokens.
-- Secrets are never stored: only SHA-256 hashes of session ids and tokens, Argon2id for passwords.
create table account (
  id text primary key,
  login text not null unique,
  display_name text not null,
  role text not null check (role in ('citizen', 'clerk', 'analyst', 'supervisor', 'admin')),
  agency text,
  groups jsonb not null default '[]'::jsonb,
  person_document text,
  password_hash text not null,
  totp_secret text,
  totp_enabled boolean not null default false,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now()
);

create table account_session (
  id_hash text primary key,
  account_id text not null references account (id) on delete cascade,
  csrf_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index account_session_account on account_session (account_id);

create table api_token (
  id text primary key,
  token_hash text not null unique,
  account_id text not null references account (id) on delete cascade,
  name text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table password_reset (
  token_hash text primary key,
  account_id text not null references account (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz
);
