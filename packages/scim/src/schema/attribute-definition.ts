export type AttributeType =
  | 'string'
  | 'boolean'
  | 'decimal'
  | 'integer'
  | 'dateTime'
  | 'reference'
  | 'binary'
  | 'complex';

export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';

export type Returned = 'always' | 'never' | 'default' | 'request';

export type Uniqueness = 'none' | 'server' | 'global';

/** One attribute as RFC 7643 §7 describes it. */
export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDefinition[];
}

/** A schema: a URN and its attributes. */
export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDefinition[];
}

type Options = Partial<Omit<AttributeDefinition, 'name' | 'type'>>;

/** Builds a definition with the RFC 7643 §2.2 defaults. */
export function attribute(
  name: string,
  type: AttributeType,
  options: Options = {},
): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    description: options.description ?? name,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

/** A complex attribute with its sub-attributes. */
export function complex(
  name: string,
  subAttributes: readonly AttributeDefinition[],
  options: Options = {},
): AttributeDefinition {
  return attribute(name, 'complex', { ...options, subAttributes });
}

/** The usual multi-valued shape: value, display, type, primary. */
export function multiValued(
  name: string,
  valueType: AttributeType,
  types: readonly string[],
  options: Options = {},
): AttributeDefinition {
  return complex(
    name,
    [
      attribute('value', valueType),
      attribute('display', 'string'),
      attribute('type', 'string', { canonicalValues: types }),
      attribute('primary', 'boolean'),
    ],
    { ...options, multiValued: true },
  );
}
