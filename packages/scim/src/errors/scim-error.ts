/** The `scimType` values of RFC 7644 §3.12 and RFC 9865. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive'
  | 'invalidCursor'
  | 'expiredCursor';

export type ScimStatus =
  400 | 401 | 403 | 404 | 409 | 412 | 413 | 429 | 500 | 501 | 503;

/** Which `scimType` each status may carry; an empty list means none. */
export const scimTypesByStatus: Readonly<
  Record<ScimStatus, readonly ScimType[]>
> = {
  400: [
    'invalidFilter',
    'tooMany',
    'mutability',
    'invalidSyntax',
    'invalidPath',
    'noTarget',
    'invalidValue',
    'invalidVers',
    'sensitive',
    'invalidCursor',
    'expiredCursor',
  ],
  401: [],
  403: [],
  404: [],
  409: ['uniqueness'],
  412: [],
  413: [],
  429: [],
  500: [],
  501: [],
  503: [],
};

export const errorSchemaUrn = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** The RFC 7644 §3.12 error body; `status` is a string there. */
export interface ScimErrorBody {
  readonly schemas: readonly [typeof errorSchemaUrn];
  readonly status: string;
  readonly scimType?: ScimType;
  readonly detail: string;
}

/** The one error type of the protocol; throws if status and type clash. */
export class ScimError extends Error {
  readonly status: ScimStatus;
  readonly scimType: ScimType | undefined;
  readonly detail: string;

  constructor(
    status: ScimStatus,
    scimType: ScimType | undefined,
    detail: string,
  ) {
    super(detail);
    if (scimType && !scimTypesByStatus[status].includes(scimType)) {
      throw new TypeError(`status ${status} cannot carry ${scimType}`);
    }

    this.name = 'ScimError';
    this.status = status;
    this.scimType = scimType;
    this.detail = detail;
  }

  /** A 400 with the given `scimType`: the common case. */
  static badRequest(scimType: ScimType, detail: string): ScimError {
    return new ScimError(400, scimType, detail);
  }

  toBody(): ScimErrorBody {
    const base = {
      schemas: [errorSchemaUrn] as const,
      status: String(this.status),
      detail: this.detail,
    };
    return this.scimType ? { ...base, scimType: this.scimType } : base;
  }
}
