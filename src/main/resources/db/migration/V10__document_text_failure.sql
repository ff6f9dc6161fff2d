-- Text extraction runs in a separate process with a time limit and a memory bound
-- (docs/text-extraction.md). When it gives up on a file, the reason is kept and shown on
-- the document's page; a file that missed its time limit waits before its next attempt,
-- so that the files uploaded after it are read first.

alter table document_version add column text_failure varchar(20);
alter table document_version add column text_retry_at timestamptz;

alter table document_version add constraint document_version_text_failure_ck
    check (text_failure in ('TIMEOUT', 'TOO_LARGE', 'MEMORY', 'PARSE_ERROR', 'CRASHED'));
-- A reason only on a final failure. Failures recorded before this migration have none.
alter table document_version add constraint document_version_text_failure_final_ck
    check (text_failure is null or text_status = 'FAILED');
