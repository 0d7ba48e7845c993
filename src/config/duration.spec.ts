import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['900', 900_000],
    ['15m', 900_000],
    ['30s', 30_000],
    ['250ms', 250],
    ['1.5h', 5_400_000],
    ['1d', 86_400_000],
    [' 2 m ', 120_000],
  ])('reads %j as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '0', '-5', '15 minutes', 'm', '1w', 'NaN', '1e3'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
