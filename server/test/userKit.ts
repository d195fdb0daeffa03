import type { Role } from '../../core/protocol/rest.js';
import { Client, type TestServer } from './harness.js';

let seq = 0;
/** A strong password no test reuses. */
export const strongPassword = () => `Hc-${++seq}-诚信兴商-Zq7#${Date.now() % 100_000}`;

/**
 * A second user of a role, created by an admin through the API, signed in, with the forced
 * password change done (so they may act like anyone of that role).
 */
export async function newUser(
  t: TestServer,
  admin: Client,
  role: Role,
): Promise<{ client: Client; id: string; password: string }> {
  const username = `${role.replace(/[^a-z]/g, '')}${++seq}x`;
  const created = await admin.request('POST', '/api/users', {
    username,
    displayName: `第二位 ${role} ${seq}`,
    role,
  });
  if (created.status !== 201) throw new Error(`user create: ${JSON.stringify(created.body)}`);
  const client = new Client(t.url);
  const login = await client.login(username, created.body.temporaryPassword);
  if (login.status !== 200) throw new Error(`login: ${JSON.stringify(login.body)}`);
  const password = strongPassword();
  const changed = await client.request('POST', '/api/auth/password', {
    currentPassword: created.body.temporaryPassword,
    newPassword: password,
  });
  if (changed.status !== 200) throw new Error(`password change: ${JSON.stringify(changed.body)}`);
  return { client, id: created.body.user.id, password };
}
