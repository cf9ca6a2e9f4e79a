/**
 * JSON from a hostile file. `JSON.parse` has no limit on size or nesting and turns a
 * `"__proto__"` key into an own property that a careless merge later follows, so the
 * bytes are checked first: strict UTF-8, a size cap, a nesting cap, then the keys.
 */
import { malformed } from './errors';

export interface JsonLimits {
  maxBytes: number;
  maxDepth: number;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function parseJson(bytes: Buffer, what: string, limits: JsonLimits): unknown {
  if (bytes.length > limits.maxBytes) throw malformed(`${what} lớn hơn giới hạn`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw malformed(`${what} không phải văn bản UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) throw malformed(`${what} bắt đầu bằng BOM`);
  if (nestingDepth(bytes) > limits.maxDepth) throw malformed(`${what} lồng nhau quá sâu`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(`${what} không phải JSON hợp lệ`);
  }
  checkKeys(value, what);
  return value;
}

/** The deepest nesting of objects and arrays, counted on the bytes outside strings. */
function nestingDepth(bytes: Buffer): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) max = Math.max(max, ++depth);
    else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
  }
  return max;
}

function checkKeys(value: unknown, what: string): void {
  // Depth is already bounded, so recursion is safe.
  if (Array.isArray(value)) {
    for (const item of value) checkKeys(item, what);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw malformed(`${what} chứa khóa bị cấm "${key}"`);
      checkKeys((value as Record<string, unknown>)[key], what);
    }
  }
}
