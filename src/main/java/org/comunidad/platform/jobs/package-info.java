/**
 * Scheduled jobs that run once per due time across every instance of the app.
 * <p>
 * Every {@code @Scheduled} method of the app goes through {@link org.comunidad.platform.jobs.Jobs}:
 * the schedule fires on each instance, {@code Jobs} computes the job's due time (the slot of the
 * schedule the firing falls in: the clock truncated to the interval, counted from the epoch in
 * UTC), claims {@code (job, due time)} in the {@code job_run} table (the first insert wins, the
 * others find the row and skip), runs the work and records the outcome, start, end and error. The
 * runs are counted in the metrics {@code comunidad_job_runs_total}, {@code comunidad_job_duration_seconds}
 * and {@code comunidad_job_lag_seconds} (docs/architecture.md, "Scheduled jobs").
 */
package org.comunidad.platform.jobs;
