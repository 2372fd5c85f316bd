/** Removes the temporary data folder the e2e server used. */
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.SANQU_E2E_DATA_DIR;
  if (dir && dir.includes('sanqu-e2e-')) rmSync(dir, { recursive: true, force: true });
}
