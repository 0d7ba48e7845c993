import { copyValue } from './copy-rows';

describe('copyValue (COPY text format)', () => {
  it('writes NULL as \\N, so an empty string stays an empty string', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(undefined)).toBe('\\N');
    expect(copyValue('')).toBe('');
  });

  it.each([
    ['a\\b', 'a\\\\b'],
    ['tab\there', 'tab\\there'],
    ['two\nlines', 'two\\nlines'],
    ['cr\rhere', 'cr\\rhere'],
    ['\\N', '\\\\N'],
    ['all \\\t\n\r', 'all \\\\\\t\\n\\r'],
  ])('escapes what would end a column or a row early: %j', (value, expected) => {
    expect(copyValue(value)).toBe(expected);
  });

  it('writes a Date as its ISO instant, booleans as t/f, numbers as they are, objects as JSON', () => {
    expect(copyValue(new Date(Date.UTC(2026, 10, 30, 23, 59, 1, 250)))).toBe('2026-11-30T23:59:01.250Z');
    expect([copyValue(true), copyValue(false)]).toEqual(['t', 'f']);
    expect(copyValue(0)).toBe('0');
    expect(copyValue({ a: 'x\ty' })).toBe('{"a":"x\\\\ty"}');
  });
});
