/**
 * A refusal outside `/scim`, rendered as an RFC 9457 problem body. The
 * detail must never carry secrets or internals.
 */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail ?? title);
  }

  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = {
      type: 'about:blank',
      title: this.title,
      status: this.status,
    };
    if (this.detail !== undefined) body['detail'] = this.detail;
    return body;
  }
}
