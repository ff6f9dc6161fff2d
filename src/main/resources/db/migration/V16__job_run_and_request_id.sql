-- Scheduled jobs run once per due time across every instance of the app: the first instance
-- to insert (job, due_at) runs it, the others find the row and skip. The row then records how
-- the run went (platform.jobs.Jobs). A failed run is not retried for the same due time; the
-- next due time runs again (the jobs' work is idempotent: rows are marked as they are handled).
create table job_run (
    job         varchar(60)  not null,
    due_at      timestamptz  not null,
    instance    varchar(120) not null,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    -- RUNNING until the run ends; a RUNNING row whose instance died stays so (the next due time runs).
    outcome     varchar(10)  not null default 'RUNNING',
    error       varchar(2000),
    constraint job_run_pk primary key (job, due_at),
    constraint job_run_outcome_ck check (outcome in ('RUNNING', 'SUCCESS', 'FAILURE'))
);

-- The runs of the last weeks are enough to see what happened; older rows are removed by the jobs.
create index job_run_started_ix on job_run (started_at);

-- The request that wrote an audit entry (the X-Request-Id of the request, also on every log
-- line of that request): an entry can be matched with the logs. Null for background jobs.
alter table audit_log add column request_id varchar(64);
