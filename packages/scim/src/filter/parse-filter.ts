import { ScimError } from '../errors/scim-error';
import type { AttributePath } from '../schema/attribute-path';
import { splitAttributePath } from '../schema/attribute-path';
import type { CompareOperator, Filter, FilterValue } from './filter-ast';
import { compareOperators } from './filter-ast';
import type { FilterLimits } from './filter-limits';
import { defaultFilterLimits } from './filter-limits';
import type { Token } from './tokenize-filter';
import { tokenizeFilter } from './tokenize-filter';

interface Parser {
  readonly tokens: readonly Token[];
  readonly limits: FilterLimits;
  position: number;
  terms: number;
  inValuePath: boolean;
}

/**
 * Parses a SCIM filter (RFC 7644 §3.4.2.2), operators and keywords in any
 * case. @throws ScimError invalidFilter, also when a limit is passed.
 */
export function parseFilter(
  text: string,
  limits: FilterLimits = defaultFilterLimits,
): Filter {
  if (text.length > limits.maxLength) {
    throw invalid(`the filter is longer than ${limits.maxLength} characters`);
  }

  const parser: Parser = {
    tokens: tokenizeFilter(text),
    limits,
    position: 0,
    terms: 0,
    inValuePath: false,
  };
  const filter = parseOr(parser, 0);

  if (parser.position < parser.tokens.length) {
    throw invalid(`unexpected ${describe(peek(parser))}`);
  }
  return filter;
}

/** Parses the inside of `attr[...]`; paths there are sub-attributes. */
export function parseValueFilter(
  text: string,
  limits: FilterLimits = defaultFilterLimits,
): Filter {
  const filter = parseFilter(`x[${text}]`, limits);
  if (filter.kind !== 'valuePath') throw invalid('bad value filter');
  return filter.filter;
}

function parseOr(parser: Parser, depth: number): Filter {
  let left = parseAnd(parser, depth);
  while (isKeyword(peek(parser), 'or')) {
    parser.position += 1;
    left = { kind: 'or', left, right: parseAnd(parser, depth) };
  }
  return left;
}

function parseAnd(parser: Parser, depth: number): Filter {
  let left = parseUnary(parser, depth);
  while (isKeyword(peek(parser), 'and')) {
    parser.position += 1;
    left = { kind: 'and', left, right: parseUnary(parser, depth) };
  }
  return left;
}

function parseUnary(parser: Parser, depth: number): Filter {
  if (depth >= parser.limits.maxDepth) {
    throw invalid(`the filter nests deeper than ${parser.limits.maxDepth}`);
  }

  const token = peek(parser);
  if (isKeyword(token, 'not')) {
    parser.position += 1;
    return { kind: 'not', filter: parseUnary(parser, depth + 1) };
  }
  if (isPunct(token, '(')) {
    parser.position += 1;
    const inner = parseOr(parser, depth + 1);
    expect(parser, ')');
    return inner;
  }
  return parseAttributeExpression(parser, depth);
}

function parseAttributeExpression(parser: Parser, depth: number): Filter {
  const path = parsePath(parser);
  if (isPunct(peek(parser), '[')) return parseValuePath(parser, path, depth);

  countTerm(parser);
  const operator = next(parser);
  if (isKeyword(operator, 'pr')) return { kind: 'present', path };

  const op = toOperator(operator);
  return { kind: 'compare', path, op, value: parseValue(parser) };
}

function parseValuePath(
  parser: Parser,
  path: AttributePath,
  depth: number,
): Filter {
  if (parser.inValuePath || path.sub !== undefined) {
    throw invalid('a value filter cannot be nested or follow a sub-attribute');
  }

  parser.position += 1;
  parser.inValuePath = true;
  const filter = parseOr(parser, depth + 1);
  parser.inValuePath = false;
  expect(parser, ']');
  return { kind: 'valuePath', path, filter };
}

function parsePath(parser: Parser): AttributePath {
  const token = next(parser);
  const path =
    token?.kind === 'word' ? splitAttributePath(token.text) : undefined;
  if (!path) throw invalid(`expected an attribute, found ${describe(token)}`);
  if (parser.inValuePath && path.uri !== undefined) {
    throw invalid('a URN cannot appear inside a value filter');
  }
  return path;
}

function toOperator(token: Token | undefined): CompareOperator {
  const text = token?.kind === 'word' ? token.text.toLowerCase() : '';
  const op = compareOperators.find((candidate) => candidate === text);
  if (!op) throw invalid(`expected an operator, found ${describe(token)}`);
  return op;
}

function parseValue(parser: Parser): FilterValue {
  const token = next(parser);
  if (token?.kind === 'string') return token.value;
  if (token?.kind !== 'word')
    throw invalid(`expected a value, found ${describe(token)}`);

  const lower = token.text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(token.text)) {
    const number = Number(token.text);
    if (Number.isFinite(number)) return number;
  }
  // Microsoft's docs show unquoted values such as `externalId eq abc123`.
  return token.text;
}

function countTerm(parser: Parser): void {
  parser.terms += 1;
  if (parser.terms > parser.limits.maxTerms) {
    throw invalid(`the filter has more than ${parser.limits.maxTerms} terms`);
  }
}

function expect(parser: Parser, text: ')' | ']'): void {
  const token = next(parser);
  if (!isPunct(token, text))
    throw invalid(`expected '${text}', found ${describe(token)}`);
}

function peek(parser: Parser): Token | undefined {
  return parser.tokens[parser.position];
}

function next(parser: Parser): Token | undefined {
  const token = parser.tokens[parser.position];
  parser.position += 1;
  return token;
}

function isKeyword(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === word;
}

function isPunct(token: Token | undefined, text: string): boolean {
  return token?.kind === 'punct' && token.text === text;
}

function describe(token: Token | undefined): string {
  if (!token) return 'the end';
  if (token.kind === 'string') return 'a string';
  return `'${token.kind === 'word' ? token.text.slice(0, 40) : token.text}'`;
}

function invalid(detail: string): ScimError {
  return ScimError.badRequest('invalidFilter', detail);
}
