import { ScimError } from '../errors/scim-error';
import { isUnstorableText } from '../unstorable-text';

export type Token =
  | { readonly kind: 'punct'; readonly text: '(' | ')' | '[' | ']' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'word'; readonly text: string };

const punctuation = new Set(['(', ')', '[', ']']);

/** Splits a filter or PATCH path into tokens. */
export function tokenizeFilter(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;

  while (index < text.length) {
    const char = text.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
    } else if (punctuation.has(char)) {
      tokens.push({ kind: 'punct', text: char as '(' });
      index += 1;
    } else if (char === '"') {
      index = readString(text, index, tokens);
    } else {
      index = readWord(text, index, tokens);
    }
  }

  return tokens;
}

function readString(text: string, start: number, tokens: Token[]): number {
  let index = start + 1;
  while (index < text.length && text.charAt(index) !== '"') {
    index += text.charAt(index) === '\\' ? 2 : 1;
  }
  if (index >= text.length) throw invalid('unterminated string');

  tokens.push({ kind: 'string', value: decode(text.slice(start, index + 1)) });
  return index + 1;
}

function decode(literal: string): string {
  let value: string;
  try {
    value = JSON.parse(literal) as string;
  } catch {
    throw invalid(`bad escape in ${literal.slice(0, 40)}`);
  }
  // An escape can spell what no stored text holds: NUL, a lone surrogate.
  if (isUnstorableText(value)) {
    throw invalid('a filter string holds a NUL or a broken Unicode character');
  }
  return value;
}

function readWord(text: string, start: number, tokens: Token[]): number {
  let index = start;
  while (index < text.length) {
    const char = text.charAt(index);
    if (/\s/.test(char) || punctuation.has(char) || char === '"') break;
    index += 1;
  }

  tokens.push({ kind: 'word', text: text.slice(start, index) });
  return index;
}

function invalid(detail: string): ScimError {
  return ScimError.badRequest('invalidFilter', detail);
}
