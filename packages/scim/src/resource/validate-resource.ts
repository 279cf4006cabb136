import type { AttributeDefinition } from '../schema/attribute-definition';
import { commonAttributes } from '../schema/common-attributes';
import type { ResourceType } from '../schema/resource-type';
import { findAttribute, findExtensionUrn } from '../schema/resolve-attribute';
import { coerceValue } from './coerce-value';
import type { JsonObject, ScimResource } from './json-value';
import { isJsonObject } from './json-value';
import type { ValidationIssue } from './validation-issue';

export interface ValidationResult {
  readonly resource: ScimResource;
  readonly issues: readonly ValidationIssue[];
}

/**
 * Normalises a User or Group request body and reports what is wrong.
 * Names take the schema's case; nulls and readOnly attributes are dropped;
 * unknown extension schemas are kept only if listed in `schemas`.
 */
export function validateResource(
  body: unknown,
  type: ResourceType,
): ValidationResult {
  const issues: ValidationIssue[] = [];
  if (!isJsonObject(body)) {
    const message = 'the body must be a JSON object';
    return {
      resource: {},
      issues: [{ code: 'invalidSyntax', path: '', message }],
    };
  }

  const declared = declaredSchemas(body['schemas']);
  const resource: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') continue;
    addEntry(resource, key, value, { type, declared, issues });
  }

  checkRequired(resource, type, issues);
  return { resource: withSchemas(resource, type), issues };
}

interface EntryContext {
  readonly type: ResourceType;
  readonly declared: readonly string[];
  readonly issues: ValidationIssue[];
}

function addEntry(
  resource: JsonObject,
  key: string,
  value: unknown,
  context: EntryContext,
): void {
  const { type, issues } = context;
  if (key.toLowerCase() === type.schema.id.toLowerCase()) {
    if (isJsonObject(value))
      addAttributes(resource, value, coreOf(type), context);
    return;
  }

  const extensionUrn = findExtensionUrn(type, key);
  if (extensionUrn) return addExtension(resource, extensionUrn, value, context);
  if (/^urn:/i.test(key))
    return addUnknownExtension(resource, key, value, context);

  const definition = findAttribute(coreOf(type), key);
  if (!definition) {
    issues.push({
      code: 'invalidSyntax',
      path: key,
      message: 'unknown attribute',
    });
    return;
  }
  setCoerced(resource, definition, value, definition.name, issues);
}

function addExtension(
  resource: JsonObject,
  urn: string,
  value: unknown,
  context: EntryContext,
): void {
  if (value === null || value === undefined) return;
  if (!isJsonObject(value)) {
    const message = 'an extension must be an object';
    context.issues.push({ code: 'invalidValue', path: urn, message });
    return;
  }

  const extension = context.type.extensions.find((e) => e.schema.id === urn);
  const target: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    const definition = findAttribute(extension?.schema.attributes ?? [], key);
    if (!definition) {
      const path = `${urn}:${key}`;
      context.issues.push({
        code: 'invalidSyntax',
        path,
        message: 'unknown attribute',
      });
      continue;
    }
    setCoerced(
      target,
      definition,
      item,
      `${urn}:${definition.name}`,
      context.issues,
    );
  }

  if (Object.keys(target).length > 0) resource[urn] = target;
}

function addUnknownExtension(
  resource: JsonObject,
  key: string,
  value: unknown,
  context: EntryContext,
): void {
  const listed = context.declared.find(
    (urn) => urn.toLowerCase() === key.toLowerCase(),
  );
  if (!listed || !isJsonObject(value)) return;

  const kept = dropNulls(value);
  if (isJsonObject(kept) && Object.keys(kept).length > 0)
    resource[listed] = kept;
}

function addAttributes(
  resource: JsonObject,
  body: JsonObject,
  definitions: readonly AttributeDefinition[],
  context: EntryContext,
): void {
  for (const [key, value] of Object.entries(body)) {
    const definition = findAttribute(definitions, key);
    if (definition)
      setCoerced(resource, definition, value, definition.name, context.issues);
  }
}

function setCoerced(
  target: JsonObject,
  definition: AttributeDefinition,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
): void {
  if (definition.mutability === 'readOnly') return;

  const coerced = coerceValue(definition, value, { path, issues });
  if (coerced === undefined) delete target[definition.name];
  else target[definition.name] = coerced;
}

function checkRequired(
  resource: JsonObject,
  type: ResourceType,
  issues: ValidationIssue[],
): void {
  for (const definition of type.schema.attributes) {
    if (definition.required && resource[definition.name] === undefined) {
      const message = 'a required attribute is missing';
      issues.push({ code: 'invalidValue', path: definition.name, message });
    }
  }
}

/** `schemas` of a stored resource: the core URN and each extension held. */
export function withSchemas(
  resource: JsonObject,
  type: ResourceType,
): ScimResource {
  const extensions = Object.keys(resource).filter((key) => /^urn:/i.test(key));
  const { schemas: _old, ...rest } = resource;
  return { schemas: [type.schema.id, ...extensions], ...rest };
}

export function coreOf(type: ResourceType): readonly AttributeDefinition[] {
  return [...commonAttributes, ...type.schema.attributes];
}

function declaredSchemas(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string');
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((item) => item !== null).map(dropNulls);
  }
  if (!isJsonObject(value)) return value;

  const entries = Object.entries(value).filter(([, item]) => item !== null);
  return Object.fromEntries(
    entries.map(([key, item]) => [key, dropNulls(item)]),
  );
}
