/** Sizes of every scenario; `full` is what the issue asks for. */
export interface BenchScale {
  readonly runs: number;
  readonly clients: number;
  readonly cycleTenants: number;
  readonly cycleUsers: number;
  readonly cycleGroupsPerTenant: number;
  readonly cycleMembersPerPatch: number;
  readonly mixedUsers: number;
  readonly mixedSeconds: number;
  readonly groupBase: number;
  readonly groupAdd: number;
  readonly groupPatches: number;
  readonly groupReads: number;
  readonly checkSeconds: number;
  /** Single checks a second in the steady (open-loop) phase. */
  readonly checkRate: number;
  readonly checkUsers: number;
  /** SCIM writes a second beside the steady checks of the busy phase. */
  readonly checkWrites: number;
  readonly revocations: number;
  readonly inProcessChecks: number;
  readonly rebuildEvents: number;
  /** The rebuild child is stopped this many seconds after appending. */
  readonly rebuildBudgetS: number;
  /** Upper bound of any one load phase, ms. */
  readonly phaseMaxMs: number;
  /** Users per append when seeding through the ledger. */
  readonly seedBatch: number;
  /** Longest wait for the projections to apply the seeded events, s. */
  readonly catchUpMaxS: number;
}

export const fullScale: BenchScale = {
  runs: 3,
  clients: 50,
  cycleTenants: 20,
  cycleUsers: 10_000,
  cycleGroupsPerTenant: 5,
  cycleMembersPerPatch: 25,
  mixedUsers: 100_000,
  mixedSeconds: 20,
  groupBase: 100_000,
  groupAdd: 1000,
  groupPatches: 10,
  groupReads: 500,
  checkSeconds: 10,
  checkRate: 10_000,
  checkUsers: 1000,
  checkWrites: 10,
  revocations: 50,
  inProcessChecks: 5_000_000,
  rebuildEvents: 1_000_000,
  rebuildBudgetS: 900,
  phaseMaxMs: 600_000,
  seedBatch: 1000,
  catchUpMaxS: 3600,
};

/** Tiny sizes that still take every path of every scenario. */
export const quickScale: BenchScale = {
  runs: 1,
  clients: 8,
  cycleTenants: 2,
  cycleUsers: 40,
  cycleGroupsPerTenant: 2,
  cycleMembersPerPatch: 10,
  mixedUsers: 100,
  mixedSeconds: 0.5,
  groupBase: 100,
  groupAdd: 20,
  groupPatches: 2,
  groupReads: 20,
  checkSeconds: 0.5,
  checkRate: 500,
  checkUsers: 20,
  checkWrites: 4,
  revocations: 2,
  inProcessChecks: 200_000,
  rebuildEvents: 1000,
  rebuildBudgetS: 240,
  phaseMaxMs: 20_000,
  seedBatch: 500,
  catchUpMaxS: 60,
};
