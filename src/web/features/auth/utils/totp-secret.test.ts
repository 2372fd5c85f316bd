import { describe, expect, it } from 'vitest';
import { describeOtpauth, groupSecret, normaliseTotpCode } from './totp-secret.js';

describe('groupSecret', () => {
  it('groups in fours', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    // 32 characters (160 bits, what the server generates) → 8 groups
    expect(groupSecret('A'.repeat(32)).split(' ')).toHaveLength(8);
  });

  it('normalises spaces, padding and case', () => {
    expect(groupSecret(' jbsw y3dp==')).toBe('JBSW Y3DP');
    expect(groupSecret('')).toBe('');
  });
});

describe('describeOtpauth', () => {
  it('reads the label, issuer and parameters', () => {
    expect(describeOtpauth('otpauth://totp/Sanqu%E4%B8%89%E5%8C%BA%3Asysadmin?secret=ABC&issuer=Sanqu%E4%B8%89%E5%8C%BA&algorithm=SHA1&digits=6&period=30')).toEqual({
      label: 'Sanqu三区:sysadmin',
      issuer: 'Sanqu三区',
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    });
  });

  it('rejects other URIs', () => {
    expect(describeOtpauth('https://example.com')).toBeNull();
  });
});

describe('normaliseTotpCode', () => {
  it('accepts six digits, spaces allowed', () => {
    expect(normaliseTotpCode('123456')).toBe('123456');
    expect(normaliseTotpCode('123 456')).toBe('123456');
    expect(normaliseTotpCode('12345')).toBeNull();
    expect(normaliseTotpCode('12345a')).toBeNull();
  });
});
