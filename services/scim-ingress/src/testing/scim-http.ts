/** One HTTP exchange as a fault test sees it. */
export interface Exchange {
  /** 0 when the request never got an answer (refused, reset). */
  readonly status: number;
  readonly retryAfter: string | null;
  readonly body: unknown;
  readonly text: string;
}

/** Sends one request with a bearer token; never throws. */
export async function send(
  url: string,
  token: string,
  method: string,
  body?: unknown,
): Promise<Exchange> {
  try {
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/scim+json',
      },
      signal: AbortSignal.timeout(30_000),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: text ? (JSON.parse(text) as unknown) : undefined,
      text,
    };
  } catch {
    return { status: 0, retryAfter: null, body: undefined, text: '' };
  }
}

/** Creates a tenant and a SCIM token through the access API. */
export async function createTenant(
  accessUrl: string,
  adminToken: string,
  tenantId: string,
): Promise<string> {
  const admin = `${accessUrl}/admin/v1/tenants`;
  const created = await send(admin, adminToken, 'POST', {
    id: tenantId,
    name: tenantId,
  });
  if (created.status !== 201) throw new Error(`tenant: ${created.text}`);

  const issued = await send(
    `${admin}/${tenantId}/scim-tokens`,
    adminToken,
    'POST',
    {},
  );
  const token = (issued.body as { token?: string } | undefined)?.token;
  if (!token) throw new Error(`token: ${issued.text}`);
  return token;
}

export const userUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const patchUrn = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
