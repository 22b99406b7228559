-- Who uploaded which document (the bytes live in the document store, never here).
create table uploaded_document (
  document_id text primary key,
  owner_account_id text not null,
  name text not null,
  content_type text not null,
  size bigint not null,
  sha256 text not null,
  created_at timestamptz not null default now()
);
create index uploaded_document_owner on uploaded_document (owner_account_id);
