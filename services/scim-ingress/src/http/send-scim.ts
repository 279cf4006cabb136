import type { Response } from 'express';

export const scimContentType = 'application/scim+json; charset=utf-8';

/** Sends a SCIM body; `null` values never leave the server. */
export function sendScim(res: Response, status: number, body?: unknown): void {
  res.status(status);
  // Resources carry personal data: no shared cache may keep them.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', scimContentType);
  res.send(
    JSON.stringify(body, (_key, value: unknown) =>
      value === null ? undefined : value,
    ),
  );
}

/** `meta.version` and the ETag header: a weak tag of the stream revision. */
export function etagOf(revision: number): string {
  return `W/"${revision}"`;
}

/** The revision an If-Match header names, or undefined for none or `*`. */
export function revisionOf(header: string | undefined): number | undefined {
  if (!header || header.trim() === '*') return undefined;

  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  // An ETag that this server never issued can match no version.
  return match?.[1] === undefined ? -1 : Number(match[1]);
}
