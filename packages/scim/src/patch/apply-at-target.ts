import { ScimError } from '../errors/scim-error';
import { coerceSingle, coerceValue } from '../resource/coerce-value';
import type { JsonObject, JsonValue } from '../resource/json-value';
import { isJsonObject } from '../resource/json-value';
import { issuesToError } from '../resource/validation-issue';
import type { ValidationIssue } from '../resource/validation-issue';
import type { AttributeDefinition } from '../schema/attribute-definition';
import type { PatchOp } from './patch-operation';
import { elementFromFilter, sameElement } from './patch-elements';
import type { PatchTarget } from './resolve-patch-target';

type Attributed = PatchTarget & { readonly attribute: AttributeDefinition };

/** Applies one add, replace or remove to a container (mutated in place). */
export function applyAtTarget(
  container: JsonObject,
  op: PatchOp,
  target: Attributed,
  raw: unknown,
): void {
  if (op === 'remove') return removeAt(container, target, raw);
  if (raw === undefined) {
    // null means unassigned: a replace clears, an add does nothing.
    if (op === 'replace') removeAt(container, target, undefined);
    return;
  }

  if (!target.attribute.multiValued)
    return setSingle(container, op, target, raw);
  if (target.filter) return setFiltered(container, op, target, raw);
  if (target.sub) return setSubOfAll(container, target, raw);
  return op === 'add'
    ? appendValues(container, target, raw)
    : replaceAll(container, target, raw);
}

function setSingle(
  container: JsonObject,
  op: PatchOp,
  target: Attributed,
  raw: unknown,
): void {
  const { attribute, sub } = target;
  const current = container[attribute.name];
  if (target.matches && !(isJsonObject(current) && target.matches(current))) {
    throw ScimError.badRequest('noTarget', `'${target.text}' matched nothing`);
  }

  if (sub) {
    const object = isJsonObject(current) ? current : {};
    assign(object, sub.name, coerce(sub, raw, target.text, false));
    return assign(container, attribute.name, object);
  }
  const value = coerce(attribute, raw, target.text, false);
  const merge =
    attribute.type === 'complex' &&
    isJsonObject(current) &&
    isJsonObject(value);
  assign(container, attribute.name, merge ? { ...current, ...value } : value);
  void op;
}

// TODO(limit): setting primary on one value does not clear it on the others.
function setFiltered(
  container: JsonObject,
  op: PatchOp,
  target: Attributed,
  raw: unknown,
): void {
  const { attribute, sub, matches, filter } = target;
  const elements = elementsOf(container, attribute);
  const matched = elements.filter((element) => matches?.(element));

  if (matched.length === 0 && filter) {
    const created = coerceElement(
      attribute,
      elementFromFilter(attribute, filter),
      target.text,
    );
    matched.push(created);
    elements.push(created);
  }
  for (const element of matched) {
    if (sub) assign(element, sub.name, coerce(sub, raw, target.text, false));
    else
      replaceElement(element, coerceElement(attribute, raw, target.text), op);
  }

  assign(
    container,
    attribute.name,
    elements.filter((e) => Object.keys(e).length > 0),
  );
}

function replaceElement(
  element: JsonObject,
  value: JsonObject,
  op: PatchOp,
): void {
  if (op === 'replace')
    for (const key of Object.keys(element)) delete element[key];
  Object.assign(element, value);
}

function setSubOfAll(
  container: JsonObject,
  target: Attributed,
  raw: unknown,
): void {
  const { attribute, sub } = target;
  const elements = elementsOf(container, attribute);
  if (elements.length === 0) elements.push({});

  for (const element of elements) {
    if (sub) assign(element, sub.name, coerce(sub, raw, target.text, false));
  }
  assign(container, attribute.name, elements);
}

function appendValues(
  container: JsonObject,
  target: Attributed,
  raw: unknown,
): void {
  const { attribute } = target;
  const values = toList(coerce(attribute, raw, target.text, true));
  const current: JsonValue[] = Array.isArray(container[attribute.name])
    ? [...(container[attribute.name] as JsonValue[])]
    : [];

  for (const value of values) {
    const index = current.findIndex((item) =>
      sameElement(attribute, item, value),
    );
    const existing = current[index];
    if (index < 0 || existing === undefined) current.push(value);
    else if (isJsonObject(existing) && isJsonObject(value))
      current[index] = { ...existing, ...value };
  }
  assign(container, attribute.name, current);
}

function replaceAll(
  container: JsonObject,
  target: Attributed,
  raw: unknown,
): void {
  const value = coerce(target.attribute, raw, target.text, true);
  assign(container, target.attribute.name, value);
}

function removeAt(
  container: JsonObject,
  target: Attributed,
  raw: unknown,
): void {
  const { attribute, sub, matches } = target;
  const current = container[attribute.name];
  if (current === undefined) return;

  if (!attribute.multiValued) {
    const hit = isJsonObject(current) ? (matches?.(current) ?? true) : true;
    const byValue =
      raw === undefined || removalMatches(attribute, current, raw, target.text);
    if (!hit || !byValue) return;
    if (sub && isJsonObject(current)) {
      const { [sub.name]: _removed, ...rest } = current;
      return assign(container, attribute.name, rest);
    }
    return assign(container, attribute.name, undefined);
  }
  removeElements(container, target, raw);
}

function removeElements(
  container: JsonObject,
  target: Attributed,
  raw: unknown,
): void {
  const { attribute, sub, matches } = target;
  const elements = Array.isArray(container[attribute.name])
    ? (container[attribute.name] as JsonValue[])
    : [];
  const selected = (element: JsonValue): boolean =>
    (!matches || (isJsonObject(element) && matches(element))) &&
    (raw === undefined || removalMatches(attribute, element, raw, target.text));

  const kept = elements.flatMap((element): JsonValue[] => {
    if (!selected(element)) return [element];
    if (!sub || !isJsonObject(element)) return [];
    const { [sub.name]: _removed, ...rest } = element;
    return Object.keys(rest).length > 0 ? [rest] : [];
  });
  assign(container, attribute.name, kept);
}

// Entra removes members by value: {"op":"Remove","path":"members","value":[...]}.
function removalMatches(
  attribute: AttributeDefinition,
  element: JsonValue,
  raw: unknown,
  text: string,
): boolean {
  const single = { ...attribute, multiValued: false };
  const values = (Array.isArray(raw) ? raw : [raw]).map((item) =>
    coerce(single, item, text, false),
  );
  return values.some(
    (value) => value !== undefined && sameElement(attribute, element, value),
  );
}

function coerce(
  definition: AttributeDefinition,
  raw: unknown,
  path: string,
  asList: boolean,
): JsonValue | undefined {
  const issues: ValidationIssue[] = [];
  const single = {
    ...definition,
    multiValued: asList && definition.multiValued,
  };
  const value = coerceValue(single, raw, { path, issues });
  if (issues.length > 0) throw issuesToError(issues);
  return value;
}

function coerceElement(
  attribute: AttributeDefinition,
  raw: unknown,
  path: string,
): JsonObject {
  const issues: ValidationIssue[] = [];
  const value = coerceSingle({ ...attribute, multiValued: false }, raw, {
    path,
    issues,
  });
  if (issues.length > 0) throw issuesToError(issues);
  return isJsonObject(value) ? value : {};
}

function elementsOf(
  container: JsonObject,
  attribute: AttributeDefinition,
): JsonObject[] {
  const current = container[attribute.name];
  return Array.isArray(current) ? current.filter(isJsonObject) : [];
}

function toList(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Sets or deletes; empty arrays and objects count as unassigned. */
function assign(
  container: JsonObject,
  key: string,
  value: JsonValue | undefined,
): void {
  const empty =
    value === undefined ||
    (Array.isArray(value) && value.length === 0) ||
    (isJsonObject(value) && Object.keys(value).length === 0);
  if (empty) delete container[key];
  else container[key] = value;
}
