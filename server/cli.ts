import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { ImportConfirm } from '../core/protocol/credit.js';
import { can, Role, UserCreate } from '../core/protocol/rest.js';
import { safeFileName } from '../core/text.js';
import { buildWebIfStale } from './build.js';
import { systemClock } from './clock.js';
import { CONFIG_SPEC, type Config, loadConfig } from './config.js';
import { runDoctor } from './doctor.js';
import { logFiles } from './logFile.js';
import {
  configuredSecrets,
  openDatabase,
  prepareDataDir,
  ROOT,
  StartupError,
  startHallcast,
} from './main.js';
import { bootSteps } from './services/credit/privacyMigration.js';
import { createServices } from './services/index.js';
import { BackupError, backup, restore } from './services/operations/backup.js';
import { ANCHOR_FILE, readAnchors, verifyWithAnchors } from './services/shared/auditAnchors.js';
import { SUITE_NAMES } from './services/shared/crypto/index.js';
import { readKek } from './services/shared/crypto/kek.js';
import { runBootSteps } from './store/db.js';
import { createStores } from './store/index.js';

const USAGE = `用法: hallcast <命令>
  serve [--demo] [--build-if-stale]   启动服务器（生产入口；--demo 在新数据库中写入演示内容）
  build-if-stale                      网页构建缺失或过期时重新构建
  user add NAME --role ROLE [--name 显示名]   新建用户（打印一次性临时密码）
  user passwd NAME [--password-stdin] 重置用户密码（默认生成临时密码并打印）
  user list                           列出用户
  import FILE --as 用户名 --unit 单位 --list red|black --category 类别 [--dry-run] [--json]
                                      导入名单文件（与管理后台相同的校验；--json 每行输出一个 JSON）
  audit verify                        校验审计日志哈希链
  doctor [--kiosk]                    检查部署（数据目录、磁盘、时钟同步、TLS、公开地址、备份；--kiosk 另查 Chromium），有失败项时退出码 1
  backup DIR                          备份到新目录（服务器运行时也可；设置 HALLCAST_KEK_FILE 时加密）
  restore DIR                         从备份恢复到空的数据目录（先校验每个文件，不符则不恢复）
  config                              列出所有配置项（环境变量、默认值、说明）
角色: ${Role.options.join(', ')}
环境变量 HALLCAST_DATA_DIR 指定数据目录（默认 ./data）。`;

function offline(config: Config) {
  prepareDataDir(config.dataDir);
  const { secrets } = configuredSecrets(config);
  const { db } = openDatabase(config.dataDir);
  const stores = createStores(db);
  const s = {
    ...createServices(db, stores, config, systemClock, secrets, () => config.publicUrl ?? ''),
    db,
    stores,
  };
  runBootSteps(db, bootSteps(s));
  return s;
}

async function doctor(kiosk: boolean): Promise<void> {
  const results = await runDoctor({ config: loadConfig(), clock: systemClock, kiosk });
  const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;
  for (const r of results) console.log(`${MARK[r.verdict]} ${r.line}`);
  const failed = results.filter((r) => r.verdict === 'fail').length;
  if (failed > 0) {
    console.log(`${failed} 项检查未通过。`);
    process.exitCode = 1;
  }
}

const kekOf = (config: Config) => (config.kekFile ? readKek(config.kekFile) : null);

async function backupTo(dir: string | undefined): Promise<void> {
  if (!dir) throw new StartupError('用法: hallcast backup DIR（一个新的或空的目录）');
  const config = loadConfig();
  const { db } = openDatabase(config.dataDir);
  try {
    const kek = kekOf(config);
    const m = await backup(resolve(dir), {
      db,
      dataDir: config.dataDir,
      kek,
      suite: config.crypto,
      now: systemClock.now(),
      onFile: (done, total, path) =>
        process.stderr.write(`\r备份 ${done}/${total} ${path.slice(0, 60)}`.padEnd(80)),
    });
    process.stderr.write('\n');
    const bytes = m.files.reduce((n, f) => n + f.size, 0);
    console.log(
      `已备份到 ${resolve(dir)}：${m.files.length} 个文件，${(bytes / 1048576).toFixed(1)} MB，` +
        (m.sealed
          ? `已用${SUITE_NAMES[m.sealed]}加密（恢复时须用同一 KEK 文件）`
          : '未加密（未设置 HALLCAST_KEK_FILE）'),
    );
  } finally {
    db.close();
  }
}

async function restoreFrom(dir: string | undefined): Promise<void> {
  if (!dir) throw new StartupError('用法: hallcast restore DIR（hallcast backup 写出的目录）');
  const config = loadConfig();
  const m = await restore(resolve(dir), config.dataDir, {
    kek: kekOf(config),
    onFile: (done, total, path) =>
      process.stderr.write(`\r恢复 ${done}/${total} ${path.slice(0, 60)}`.padEnd(80)),
  });
  process.stderr.write('\n');
  console.log(
    `已恢复到 ${config.dataDir}：${m.files.length} 个文件（备份于 ${new Date(m.createdAt).toISOString()}）`,
  );
}

async function serve(flags: { demo?: boolean; 'build-if-stale'?: boolean }): Promise<void> {
  if (flags['build-if-stale']) buildWebIfStale(ROOT);
  const config = loadConfig(process.env, flags.demo ? { demo: true } : {});
  const hc = await startHallcast({ config });
  const base = config.publicUrl ?? hc.url.replace('127.0.0.1', 'localhost');
  const lines = [
    `HallCast ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version} 已启动（数据目录 ${config.dataDir}）`,
    `  管理后台: ${base}/admin/`,
    `  播放端:   ${base}/player/   （在大厅屏幕的浏览器中打开，显示配对码）`,
    `  健康检查: ${base}/api/health`,
  ];
  if (hc.demoLogins) {
    lines.push(`  演示账号（也保存在 ${join(config.dataDir, 'demo-logins.txt')}）:`);
    for (const l of hc.demoLogins)
      lines.push(`    ${l.username.padEnd(10)} ${l.role.padEnd(12)} ${l.password}`);
  }
  lines.push(`  日志: ${join(config.dataDir, 'logs', 'hallcast.log')}    按 Ctrl+C 停止`);
  console.log(lines.join('\n'));
  const shutdown = (signal: string) => {
    console.log(`收到 ${signal}，正在关闭…`);
    hc.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

async function user(args: string[], values: Record<string, string | boolean | undefined>): Promise<void> {
  const s = offline(loadConfig());
  const [sub, name] = args;
  if (sub === 'list') {
    for (const u of s.users.list()) {
      console.log(
        `${u.username.padEnd(16)} ${u.role.padEnd(12)} ${u.disabled ? '已停用' : '正常'}  ${u.displayName}`,
      );
    }
  } else if (sub === 'add' && name) {
    const role = Role.safeParse(values.role);
    if (!role.success) throw new StartupError(`请用 --role 指定角色：${Role.options.join(', ')}`);
    // The same schema as the admin: the display name normalised and masked, a refusal explained.
    const input = UserCreate.safeParse({
      username: name,
      displayName: String(values.name ?? name),
      role: role.data,
    });
    if (!input.success) throw new StartupError(input.error.issues.map((i) => i.message).join('；'));
    const r = await s.users.create(input.data, null);
    console.log(
      `已创建用户 ${r.user.username}（${r.user.role}），临时密码：${r.temporaryPassword}\n首次登录时须修改密码。`,
    );
  } else if (sub === 'passwd' && name) {
    if (values['password-stdin']) {
      const password = readFileSync(0, 'utf8').split('\n')[0] ?? '';
      if (password.length < 10) throw new StartupError('密码至少 10 位');
      await s.users.setPassword(name, password);
      console.log(`已设置 ${name} 的密码；下次登录时须修改。`);
    } else {
      const u = s.stores.users.getByUsername(name);
      if (!u) throw new StartupError(`用户 ${name} 不存在；用 hallcast user list 查看已有用户`);
      const r = await s.users.resetPassword(u.id, null);
      console.log(`已重置 ${name} 的密码，临时密码：${r.temporaryPassword}\n下次登录时须修改。`);
    }
  } else {
    throw new StartupError(USAGE);
  }
  s.db.close();
}

/** `hallcast import`: the same checks as the admin; --json prints one JSON object per data row. */
async function importFile(
  file: string | undefined,
  v: Record<string, string | boolean | undefined>,
): Promise<void> {
  if (!file || !v.unit || !v.category || (v.list !== 'red' && v.list !== 'black')) {
    throw new StartupError(
      '用法: hallcast import FILE --as 用户名 --unit 单位 --list red|black --category 类别 [--dry-run] [--json]',
    );
  }
  if (typeof v.as !== 'string' || !v.as)
    throw new StartupError('请用 --as 指定导入人（一位名单编辑的用户名）：批次记在其名下，并由审核员审核');
  const s = offline(loadConfig());
  const unit = s.stores.credit.unitByName(String(v.unit));
  const category = s.stores.credit.listCategories().find((c) => c.name === v.category);
  if (!unit)
    throw new StartupError(
      `成员单位「${v.unit}」不存在；已有：${s.stores.credit
        .listUnits()
        .map((u) => u.name)
        .join('、')}`,
    );
  if (!category || category.listType !== v.list) {
    throw new StartupError(
      `类别「${v.category}」不存在或不属于${v.list === 'red' ? '红' : '黑'}名单；已有：${s.stores.credit
        .listCategories()
        .filter((c) => c.listType === v.list)
        .map((c) => c.name)
        .join('、')}`,
    );
  }
  const importer = s.stores.users.getByUsername(v.as.toLowerCase());
  if (!importer || importer.disabled || !can(importer.role, 'edit-lists'))
    throw new StartupError(
      `用户「${v.as}」不存在、已停用或不能导入名单：--as 须为启用的名单编辑（${s.stores.users
        .list()
        .filter((u) => !u.disabled && can(u.role, 'edit-lists'))
        .map((u) => u.username)
        .join('、')}）`,
    );
  const actor = importer.id;
  const showProgress = !v.json && process.stderr.isTTY;
  const title = ImportConfirm.shape.title.safeParse(
    String(v.title ?? `${category.name} — ${safeFileName(file) || 'upload'}`),
  );
  if (!title.success) throw new StartupError(title.error.issues.map((i) => i.message).join('；'));
  const preview = await s.credit.imports.preview(
    readFileSync(file),
    { fileName: safeFileName(file) || 'upload', unitId: unit.id, categoryId: category.id, actor },
    ({ phase, done, total }) => {
      if (showProgress)
        process.stderr.write(`\r${phase === 'reading' ? '读取中' : '校验中'} ${done}/${total}`);
    },
  );
  if (showProgress) process.stderr.write('\n');
  const all = s.credit.imports.rows(preview.id, actor, '', 0, Number.MAX_SAFE_INTEGER).rows;
  if (v.json) {
    for (const r of all) {
      const strip = (x: { column: string; field: string; code: string; message: string }) => ({
        column: x.column,
        field: x.field,
        code: x.code,
        message: x.message,
      });
      console.log(
        JSON.stringify({
          row: r.row,
          status: r.status,
          errors: r.errors.map(strip),
          warnings: r.warnings.map(strip),
        }),
      );
    }
  } else {
    console.log(
      `共 ${preview.total} 行：正常 ${preview.ok}，警告 ${preview.warning}，错误 ${preview.error}；可导入 ${preview.importable} 行`,
    );
    for (const r of all.filter((x) => x.status !== 'ok').slice(0, 50)) {
      for (const e of [...r.errors, ...r.warnings])
        console.log(`  第 ${r.row} 行 列「${e.column}」：${e.message}`);
    }
  }
  if (!v['dry-run'] && preview.importable === 0) {
    s.credit.imports.abandon(preview.id, actor);
    await s.credit.imports.sweep();
    throw new StartupError('没有可导入的行，未写入任何内容');
  }
  if (!v['dry-run']) {
    const batch = s.credit.imports.confirm(preview.id, title.data, actor, (id) => s.credit.batches.get(id));
    if (!v.json) console.log(`已写入草稿批次「${batch.title}」（${batch.entries} 条），请在管理后台提交审核`);
  } else s.credit.imports.abandon(preview.id, actor);
  // The staged preview's rows leave the database before the command ends.
  await s.credit.imports.sweep();
  s.db.close();
}

async function main(): Promise<void> {
  // The hall box's launcher has its own options (hallcast kiosk --help).
  if (process.argv[2] === 'kiosk')
    return (await import('./kiosk/index.js')).kioskCommand(process.argv.slice(3));
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      'build-if-stale': { type: 'boolean' },
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      unit: { type: 'string' },
      list: { type: 'string' },
      category: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      title: { type: 'string' },
      as: { type: 'string' },
      kiosk: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, ...rest] = positionals;
  if (values.help || !cmd) {
    console.log(USAGE);
    return;
  }
  if (cmd === 'serve') return serve(values);
  if (cmd === 'build-if-stale') {
    if (!buildWebIfStale(ROOT)) console.log('网页构建是最新的。');
    return;
  }
  if (cmd === 'user') return user(rest, values);
  if (cmd === 'import') return importFile(rest[0], values);
  if (cmd === 'doctor') return doctor(Boolean(values.kiosk));
  if (cmd === 'backup') return backupTo(rest[0]);
  if (cmd === 'restore') return restoreFrom(rest[0]);
  if (cmd === 'audit' && rest[0] === 'verify') {
    const config = loadConfig();
    const s = offline(config);
    const r = verifyWithAnchors(
      s.audit,
      readAnchors([join(config.dataDir, ANCHOR_FILE), ...logFiles(join(config.dataDir, 'logs'))]),
    );
    s.db.close();
    if (!r.ok) throw new StartupError(r.lines.join('\n'));
    console.log(r.lines.join('\n'));
    return;
  }
  if (cmd === 'config') {
    console.log('| 环境变量 | 默认值 | 说明 |\n|---|---|---|');
    for (const spec of Object.values(CONFIG_SPEC)) {
      const def = spec.schema.safeParse(undefined);
      console.log(
        `| ${spec.env} | ${def.success && def.data !== undefined ? `\`${def.data}\`` : '—'} | ${spec.doc} |`,
      );
    }
    return;
  }
  throw new StartupError(USAGE);
}

main().catch((err) => {
  if (
    err instanceof StartupError ||
    err instanceof BackupError ||
    (err instanceof Error && err.message.startsWith('配置错误'))
  ) {
    console.error(err.message);
  } else {
    console.error(`启动失败：${(err as Error).message}`);
    pino().error({ err }, 'fatal');
  }
  process.exit(1);
});
