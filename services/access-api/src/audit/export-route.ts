import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type Request, type Response } from 'express';
import {
  contentTypes,
  exportHeader,
  exportRecords,
  formatRecord,
  type ExportFilter,
  type ExportFormat,
} from '@roster/audit';
import { tenantStreamPrefix, type EventStore } from '@roster/event-store';
import { HttpProblem } from '@roster/service-kit';
import { requireTenant } from '../admin/require-tenant';
import { requireTenantAccess } from '../http/caller-auth';
import { tenantParam } from '../http/parse-input';
import type { AuditDeps } from './audit-deps';
import { exportQuery, parseQuery } from './audit-query';

/**
 * The tenant's log as NDJSON or CSV, streamed: one batch is read at a
 * time, and the next only when the client has taken the last.
 */
export function exportRoute(deps: AuditDeps): Router {
  const router = Router();

  router.get('/tenants/:tenantId/audit/export', (req, res) =>
    exportLog(deps, req, res),
  );
  return router;
}

async function exportLog(
  deps: AuditDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const tenantId = tenantParam(req);
  requireTenantAccess(req, tenantId);
  const { format, ...range } = parseQuery(req, exportQuery);
  const filter = filterOf(tenantId, range);
  await requireTenant(deps.store, tenantId);

  res.status(200).type(contentTypes[format]);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${tenantId}-audit.${format}"`,
  );
  const lines = exportLines(
    deps.store,
    tenantId,
    format,
    filter,
    deps.batchSize,
  );
  await pipeline(Readable.from(lines), res);
}

function filterOf(
  tenantId: string,
  range: {
    from?: Date | undefined;
    to?: Date | undefined;
    stream?: string | undefined;
  },
): ExportFilter {
  if (
    range.stream !== undefined &&
    !range.stream.startsWith(tenantStreamPrefix(tenantId))
  ) {
    throw new HttpProblem(
      400,
      'Invalid request',
      'the stream is not of this tenant',
    );
  }
  if (range.from && range.to && range.from > range.to) {
    throw new HttpProblem(400, 'Invalid request', 'from is later than to');
  }
  return {
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(range.stream === undefined ? {} : { stream: range.stream }),
  };
}

/** One string per batch: few, large writes; the stream applies backpressure. */
async function* exportLines(
  store: EventStore,
  tenantId: string,
  format: ExportFormat,
  filter: ExportFilter,
  batchSize = 5000,
): AsyncGenerator<string> {
  yield exportHeader(format);
  for await (const batch of exportRecords(store, tenantId, filter, batchSize)) {
    yield batch.map((record) => formatRecord(record, format)).join('');
  }
}
