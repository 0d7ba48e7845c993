import { hashRefreshToken, newRefreshToken, openSuccessor, sealSuccessor } from './refresh-token.secret';

describe('refresh-token secrets', () => {
  it('makes 256-bit tokens, each different', () => {
    const a = newRefreshToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(newRefreshToken()).not.toEqual(a);
  });

  it('hashes deterministically to 64 hex characters that do not contain the token', () => {
    const token = newRefreshToken();
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(token)).toEqual(hashRefreshToken(token));
    expect(hashRefreshToken(token)).not.toContain(token);
  });

  it('seals a successor that only the presented token (and the same row) can open', () => {
    const presented = newRefreshToken();
    const successor = newRefreshToken();
    const sealed = sealSuccessor(successor, presented, 'row-1');
    expect(sealed).not.toContain(successor);
    expect(openSuccessor(sealed, presented, 'row-1')).toEqual(successor);
    expect(openSuccessor(sealed, newRefreshToken(), 'row-1')).toBeNull();
    expect(openSuccessor(sealed, presented, 'row-2')).toBeNull();
  });

  it('refuses a tampered ciphertext', () => {
    const presented = newRefreshToken();
    const sealed = Buffer.from(sealSuccessor(newRefreshToken(), presented, 'r'), 'base64url');
    sealed[sealed.length - 1] ^= 1;
    expect(openSuccessor(sealed.toString('base64url'), presented, 'r')).toBeNull();
  });
});
