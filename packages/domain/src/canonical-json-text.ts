/**
 * The canonicalJson of the value that `text` holds, written from the text
 * itself: strings and integers are copied, other numbers rewritten as
 * JavaScript writes them, object fields sorted. `text` is JSON as a
 * serializer writes it (PostgreSQL's jsonb, JSON.stringify): no
 * duplicate keys. Throws SyntaxError when it is not JSON.
 */
export function canonicalJsonText(text: string): string {
  const scanner = new Scanner(text);
  const value = scanner.value();
  scanner.end();
  return value;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

// Integers that JSON.stringify writes as they are ("-0" becomes "0").
const PLAIN_INTEGER = /^(0|-?[1-9][0-9]{0,14})$/;

interface Field {
  /** The key's token, as written. */
  readonly token: string;
  /** The key itself, which fields are sorted by. */
  readonly name: string;
  /** Its array index, or -1. */
  readonly index: number;
  readonly text: string;
}

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  value(): string {
    this.space();
    const char = this.text.charCodeAt(this.at);
    if (char === OPEN_OBJECT) return this.object();
    if (char === OPEN_ARRAY) return this.array();
    if (char === QUOTE) return this.string();
    return this.literal();
  }

  end(): void {
    this.space();
    if (this.at !== this.text.length) this.fail();
  }

  private object(): string {
    this.at += 1;
    const fields: Field[] = [];
    if (this.closes(CLOSE_OBJECT)) return '{}';

    do {
      this.space();
      const token = this.string();
      this.expect(COLON);
      const name = keyOf(token);
      const index = arrayIndexOf(name);
      fields.push({ token, name, index, text: this.value() });
    } while (this.next(CLOSE_OBJECT));

    fields.sort(byKey);
    let text = '{';
    for (const field of fields) {
      if (text.length > 1) text += ',';
      text += `${field.token}:${field.text}`;
    }
    return `${text}}`;
  }

  private array(): string {
    this.at += 1;
    if (this.closes(CLOSE_ARRAY)) return '[]';

    let text = '[';
    do {
      if (text.length > 1) text += ',';
      text += this.value();
    } while (this.next(CLOSE_ARRAY));
    return `${text}]`;
  }

  /** A string token: copied, unless it holds an escape to normalise. */
  private string(): string {
    const start = this.at;
    if (this.text.charCodeAt(start) !== QUOTE) this.fail();

    let end = this.text.indexOf('"', start + 1);
    while (end > 0 && isEscapedQuote(this.text, end)) {
      end = this.text.indexOf('"', end + 1);
    }
    if (end < 0) this.fail();
    this.at = end + 1;

    const token = this.text.slice(start, this.at);
    if (!token.includes('\\')) return token;
    return JSON.stringify(JSON.parse(token));
  }

  private literal(): string {
    const start = this.at;
    while (this.at < this.text.length && !isDelimiter(this.text, this.at)) {
      this.at += 1;
    }

    const token = this.text.slice(start, this.at);
    if (token === 'true' || token === 'false' || token === 'null') {
      return token;
    }
    if (PLAIN_INTEGER.test(token)) return token;
    return JSON.stringify(JSON.parse(token));
  }

  /** After a value: true at a comma, false at `close`. */
  private next(close: number): boolean {
    this.space();
    const char = this.text.charCodeAt(this.at);
    this.at += 1;
    if (char === COMMA) return true;
    if (char !== close) this.fail();
    return false;
  }

  private closes(close: number): boolean {
    this.space();
    if (this.text.charCodeAt(this.at) !== close) return false;
    this.at += 1;
    return true;
  }

  private expect(char: number): void {
    this.space();
    if (this.text.charCodeAt(this.at) !== char) this.fail();
    this.at += 1;
  }

  private space(): void {
    for (;;) {
      const char = this.text.charCodeAt(this.at);
      if (char !== 0x20 && char !== 0x0a && char !== 0x0d && char !== 0x09) {
        return;
      }
      this.at += 1;
    }
  }

  private fail(): never {
    throw new SyntaxError(`not JSON at ${this.at}`);
  }
}

function keyOf(token: string): string {
  return token.includes('\\')
    ? (JSON.parse(token) as string)
    : token.slice(1, -1);
}

/** The array index a key names, or -1: those come first, in order. */
function arrayIndexOf(name: string): number {
  const first = name.charCodeAt(0);
  if (first < 48 || first > 57 || !/^(0|[1-9][0-9]*)$/.test(name)) return -1;
  const index = Number(name);
  return index < 4294967295 ? index : -1;
}

function byKey(a: Field, b: Field): number {
  if (a.index >= 0 || b.index >= 0) {
    if (a.index < 0) return 1;
    if (b.index < 0) return -1;
    return a.index - b.index;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Whether the quote at `at` is escaped: an odd run of backslashes. */
function isEscapedQuote(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
  return backslashes % 2 === 1;
}

function isDelimiter(text: string, at: number): boolean {
  const char = text.charCodeAt(at);
  return (
    char === COMMA ||
    char === CLOSE_OBJECT ||
    char === CLOSE_ARRAY ||
    char === 0x20 ||
    char === 0x0a ||
    char === 0x0d ||
    char === 0x09
  );
}
