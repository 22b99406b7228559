-- An application's certificates are read by application (tracking, task pages), not only by
-- case reference: without this, every lookup scanned all issued certificates.
create index application_document_application on application_document (application_id, issued_at);
