/** An attribute reference as written: `urn:...:name.sub`. */
export interface AttributePath {
  readonly uri?: string;
  readonly name: string;
  readonly sub?: string;
}

/** Splits `urn:...:attr.sub` or `attr.sub`; the URN may contain dots. */
export function splitAttributePath(text: string): AttributePath | undefined {
  const colon = text.lastIndexOf(':');
  const uri = colon >= 0 ? text.slice(0, colon) : undefined;
  const rest = text.slice(colon + 1);
  const [name, sub, extra] = rest.split('.');

  if (extra !== undefined || !name || !isAttributeName(name)) return undefined;
  if (sub !== undefined && !isAttributeName(sub)) return undefined;
  if (uri !== undefined && !/^urn:[^\s]+$/i.test(uri)) return undefined;

  return {
    ...(uri === undefined ? {} : { uri }),
    name,
    ...(sub === undefined ? {} : { sub }),
  };
}

export function printAttributePath(path: AttributePath): string {
  const prefix = path.uri === undefined ? '' : `${path.uri}:`;
  const suffix = path.sub === undefined ? '' : `.${path.sub}`;
  return `${prefix}${path.name}${suffix}`;
}

function isAttributeName(text: string): boolean {
  return /^\$?[A-Za-z][\w-]*$/.test(text);
}
