import { normalizeIdentifier } from './normalize';

describe('normalizeIdentifier', () => {
  it('trims and lower-cases, so every spelling of one identifier is one key', () => {
    expect(normalizeIdentifier('  Jaime@Example.TEST ')).toBe('jaime@example.test');
    expect(normalizeIdentifier('ORION.Services')).toBe('orion.services');
  });

  it('folds compatibility forms (full-width letters) before lower-casing, so look-alikes are one key', () => {
    expect(normalizeIdentifier('ｊａｉｍｅ@example.test')).toBe('jaime@example.test');
  });
});
