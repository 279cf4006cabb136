const loneSurrogate =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * True for text that PostgreSQL cannot store (NUL) or that is not Unicode
 * (a lone surrogate).
 */
export function isUnstorableText(text: string): boolean {
  return text.includes('\u0000') || loneSurrogate.test(text);
}
