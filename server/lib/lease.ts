// The lease a long-running piece of work (a monthly monitoring run, a background job) holds while its process
// renews it; used by monitoring and jobs alike, so it lives below both.

/** Seconds a running run may go without renewal before it counts as abandoned (GUARDLINE_RUN_LEASE_SECONDS). */
export function leaseSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.GUARDLINE_RUN_LEASE_SECONDS);
  return Number.isFinite(n) && n > 0 ? n : 60;
}
