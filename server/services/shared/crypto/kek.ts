import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The key-encryption key's length: 32 bytes, written in its file as 64 hex digits. */
export const KEK_BYTES = 32;

const fail = (message: string) => new Error(`配置错误 HALLCAST_KEK_FILE: ${message}`);
const HOW = '可用 openssl rand -hex 32 > 文件 生成，并 chmod 600';

/** The real path of p, or of its deepest existing ancestor joined with the rest (p may not exist yet). */
function realish(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realish(parent), basename(abs));
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/**
 * Refuses a KEK file inside the data dir (symbolic links followed): the KEK must not be stored,
 * copied or backed up with the data it protects.
 */
export function assertKekOutside(kekFile: string, dataDir: string): void {
  const kek = realish(kekFile);
  const data = realish(dataDir);
  if (isInside(kek, data))
    throw fail(
      `密钥加密密钥文件 ${kekFile} 位于数据目录 ${dataDir} 之内：KEK 须与数据分开存放、不随数据目录备份，请移到数据目录之外`,
    );
}

/** Reads the KEK (64 hex digits, surrounding whitespace ignored); a start-up error says what is wrong. */
export function readKek(kekFile: string): Buffer {
  let text: string;
  try {
    text = readFileSync(kekFile, 'utf8').trim();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw fail(`无法读取密钥加密密钥文件 ${kekFile}（${code}）：请检查路径与权限；${HOW}`);
  }
  if (!new RegExp(`^[0-9a-fA-F]{${KEK_BYTES * 2}}$`).test(text))
    throw fail(
      `密钥加密密钥文件 ${kekFile} 须恰好含 ${KEK_BYTES * 2} 位十六进制数字（${KEK_BYTES} 字节）；${HOW}`,
    );
  const kek = Buffer.from(text, 'hex');
  if (kek.every((b) => b === kek[0]))
    throw fail(`密钥加密密钥文件 ${kekFile} 的内容是同一字节的重复，不是随机密钥；${HOW}`);
  return kek;
}
