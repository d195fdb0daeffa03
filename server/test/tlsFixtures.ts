import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A self-signed RSA certificate and key in `dir` (openssl), valid for `days`. */
export function selfSignedCert(dir: string, days = 1, names = { cert: 'fullchain.pem', key: 'privkey.pem' }) {
  const cert = join(dir, names.cert);
  const key = join(dir, names.key);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      String(days),
      '-subj',
      '/CN=hallcast.test',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}
