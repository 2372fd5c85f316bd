/** Presentation of a TOTP secret for manual entry in an authenticator app. */

/** 'JBSWY3DPEHPK3PXP' → 'JBSW Y3DP EHPK 3PXP' (groups of 4; spaces and case normalised). */
export function groupSecret(secret: string, size = 4): string {
  const clean = secret.replace(/[\s=]/g, '').toUpperCase();
  return clean.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? '';
}

/** The parts of an otpauth:// URI an app asks for when entered by hand. */
export function describeOtpauth(uri: string): { label: string; issuer: string | null; digits: number; period: number; algorithm: string } | null {
  if (!uri.startsWith('otpauth://totp/')) return null;
  const [path = '', query = ''] = uri.slice('otpauth://totp/'.length).split('?');
  const params = new URLSearchParams(query);
  let label: string;
  try {
    label = decodeURIComponent(path);
  } catch {
    label = path;
  }
  return {
    label,
    issuer: params.get('issuer'),
    digits: Number(params.get('digits') ?? 6),
    period: Number(params.get('period') ?? 30),
    algorithm: params.get('algorithm') ?? 'SHA1',
  };
}

/** A code as typed (spaces allowed) → 6 digits, or null. */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
