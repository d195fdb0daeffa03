import { createHmac } from 'node:crypto';
import { normaliseIdentifier } from '../../../core/credit/index.js';

/** The keyed hash that lets later decisions match an identifier without storing it (docs/DOMAIN.md "Privacy"). */
export function identifierHash(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(normaliseIdentifier(code)).digest('hex');
}
