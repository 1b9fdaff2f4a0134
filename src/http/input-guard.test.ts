import { describe, expect, it } from 'vitest';
import { findUnsafeText } from './input-guard';

const deep = (n: number): unknown => (n === 0 ? 'x' : [deep(n - 1)]);

// Text PostgreSQL cannot store, wherever it hides in a request; everything else passes.
const CASES: [string, unknown, ReturnType<typeof findUnsafeText>][] = [
  ['plain Vietnamese', { fullName: 'Nguyễn Văn An', note: 'Ghi chú' }, null],
  ['an emoji (a complete surrogate pair)', { note: 'hoa 🌸 sen' }, null],
  ['control characters other than NUL', { note: 'a\tb\u0001c\u001f' }, null],
  ['NUL in a value', { applicant: { fullName: 'An\u0000' } }, { path: ['applicant', 'fullName'], kind: 'text' }],
  ['NUL in a key', { ['a\u0000']: 1 }, { path: ['a\u0000'], kind: 'text' }],
  ['a lone high surrogate', { note: 'x\ud800' }, { path: ['note'], kind: 'text' }],
  ['a lone low surrogate', { note: '\udc00x' }, { path: ['note'], kind: 'text' }],
  ['a pair in the wrong order', { note: '\udc00\ud800' }, { path: ['note'], kind: 'text' }],
  ['inside an array', { missing: ['ok', 'bad\u0000'] }, { path: ['missing', 1], kind: 'text' }],
  ['a bare string (a path parameter)', 'abc\u0000def', { path: [], kind: 'text' }],
  ['numbers, booleans and null', { a: 1, b: true, c: null }, null],
  ['nesting up to 64 levels', deep(64), null],
  ['nesting past 64 levels', deep(70), { path: Array(65).fill(0), kind: 'depth' }],
];

describe('findUnsafeText', () => {
  it.each(CASES)('%s', (_name, value, expected) => {
    expect(findUnsafeText(value)).toEqual(expected);
  });
});
