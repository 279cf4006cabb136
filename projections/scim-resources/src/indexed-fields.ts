import type { ScimResource } from '@roster/domain';

/** Typed copies of the attributes IdPs filter on, read from a resource. */
export interface IndexedFields {
  readonly external_id: string | null;
  readonly display_name: string | null;
  readonly emails: string[];
}

export function indexedFields(resource: ScimResource): IndexedFields {
  return {
    external_id: text(resource['externalId']),
    display_name: text(resource['displayName']),
    emails: emailsOf(resource['emails']),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function emailsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];

  const emails: string[] = [];
  for (const entry of value as unknown[]) {
    const email = (entry as { value?: unknown } | null)?.value;
    if (typeof email === 'string') emails.push(email.toLowerCase());
  }
  return emails;
}
