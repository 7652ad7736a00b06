// The job runner's own table: one row per job, the lease that makes a due run happen on one instance only.

/** Who holds a job now and when it next comes due. Times are ISO text like every other table's. */
export interface JobLeasesTable {
  /** the job's name, e.g. "publish-scheduled" */
  name: string;
  /** the instance running it now; '' when nobody is */
  holder: string;
  /** the lease ends here even if its holder never says so (it died mid-job): another instance may then take it */
  lease_until: string;
  /** the job is due again from here ('' = due now) */
  next_due_at: string;
  /** how many runs finished, over every instance (tests and /metrics read it) */
  runs: number;
  last_finished_at: string | null;
}

export interface JobTables {
  job_leases: JobLeasesTable;
}
