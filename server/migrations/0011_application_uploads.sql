-- Uploads that reached an application through a task's form (the applicant's reply to a
-- request for information, a translator's output): those who handle the application, and its
-- applicant, may read them (server/src/documents/mayReadUpload.ts). Uploads named by the
-- application's own form data are found there.
create table application_upload (
  document_id text not null references uploaded_document (document_id),
  application_id uuid not null references application (id),
  linked_at timestamptz not null default now(),
  primary key (document_id, application_id)
);
