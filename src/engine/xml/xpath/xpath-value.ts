/** The four XPath 1.0 value types and the conversions between them (§4.2 string(), §4.3 boolean(), §4.4 number()). */
import type { Node } from '@xmldom/xmldom';
import { stringValueOf } from './data-model.js';

/** A node-set is an array of nodes in document order without duplicates. */
export type XPathValue = readonly Node[] | string | number | boolean;

export function isNodeSet(value: XPathValue): value is readonly Node[] {
  return Array.isArray(value);
}

export function toXPathString(value: XPathValue): string {
  if (isNodeSet(value)) return value[0] === undefined ? '' : stringValueOf(value[0]);
  if (typeof value === 'number') return numberToString(value);
  return String(value);
}

export function toXPathNumber(value: XPathValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return stringToNumber(toXPathString(value));
}

export function toXPathBoolean(value: XPathValue): boolean {
  if (isNodeSet(value)) return value.length > 0;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.length > 0;
  return value;
}

/**
 * > optional whitespace followed by an optional minus sign followed by a Number followed by
 * > whitespace … is converted to the IEEE 754 number; any other string is converted to NaN
 */
export function stringToNumber(text: string): number {
  return /^[ \t\r\n]*-?(?:\d+(?:\.\d*)?|\.\d+)[ \t\r\n]*$/.test(text) ? Number(text) : Number.NaN;
}

/** §4.2: no exponent notation, `NaN`, `Infinity`, `-Infinity`, and both zeros as `0`. */
export function numberToString(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === 0) return '0';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  const text = String(value);
  const exponentAt = text.indexOf('e');
  if (exponentAt < 0) return text;
  const sign = value < 0 ? '-' : '';
  const mantissa = text.slice(sign.length, exponentAt).replace('.', '');
  const pointAfter = text.slice(sign.length, exponentAt).split('.')[0]?.length ?? 1;
  const exponent = Number(text.slice(exponentAt + 1));
  const shifted = pointAfter + exponent;
  if (shifted <= 0) return `${sign}0.${'0'.repeat(-shifted)}${mantissa}`;
  if (shifted >= mantissa.length)
    return `${sign}${mantissa}${'0'.repeat(shifted - mantissa.length)}`;
  return `${sign}${mantissa.slice(0, shifted)}.${mantissa.slice(shifted)}`;
}
