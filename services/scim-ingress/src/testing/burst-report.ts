import type { BurstResult } from './provisioning-burst';
import { provisionedCounts, type Inspector } from './read-models';
import { send } from './scim-http';

export interface BurstReport {
  readonly sent: number;
  readonly accepted: number;
  readonly landedEarlier: number;
  readonly refused: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly statuses: Record<string, number>;
}

/**
 * Checks the burst against the log and the read model: every 2xx is one
 * UserProvisioned event and one listed user; every landed retry too.
 */
export async function reportBurst(
  name: string,
  burst: BurstResult,
  inspector: Inspector,
  scim: {
    readonly url: string;
    readonly token: string;
    readonly tenantId: string;
  },
  prefix: string,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<BurstReport> {
  const countOf = await provisionedCounts(inspector, scim.tenantId);
  const listed = await listUserNames(scim.url, scim.token, prefix);
  let lost = 0;
  let duplicated = 0;

  for (const [userName, id] of burst.accepted) {
    const events = countOf(id);
    if (events === 0 || !listed.get(userName)?.includes(id)) lost += 1;
    if (events > 1) duplicated += 1;
  }
  for (const userName of burst.landedEarlier) {
    if (!listed.has(userName)) lost += 1;
  }
  for (const ids of listed.values()) {
    if (ids.length > 1) duplicated += 1;
  }

  const report: BurstReport = {
    sent: burst.sent,
    accepted: burst.accepted.size,
    landedEarlier: burst.landedEarlier.size,
    refused: [...burst.statuses].reduce(
      (sum, [status, n]) => sum + (status === 201 ? 0 : n),
      0,
    ),
    lost,
    duplicated,
    statuses: Object.fromEntries(burst.statuses),
  };
  console.log(`${name}: ${JSON.stringify({ ...report, ...extra })}`);
  return report;
}

/** userName -> ids of every listed user whose userName starts with prefix. */
async function listUserNames(
  url: string,
  token: string,
  prefix: string,
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  const filter = encodeURIComponent(`userName sw "${prefix}-"`);

  for (let start = 1; ; start += 1000) {
    const page = await send(
      `${url}/scim/v2/Users?filter=${filter}&startIndex=${start}&count=1000&attributes=userName`,
      token,
      'GET',
    );
    const body = page.body as {
      Resources?: { id: string; userName: string }[];
    };
    const resources = body.Resources ?? [];
    for (const user of resources) {
      names.set(user.userName, [...(names.get(user.userName) ?? []), user.id]);
    }
    if (resources.length < 1000) return names;
  }
}
