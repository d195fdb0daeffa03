import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MASK_POLICY, makeResidentId, makeUscc } from '../../core/credit/index.js';
import type { Item } from '../../core/manifest/types.js';
import type { Role } from '../../core/protocol/rest.js';
import { addDays, dateIn } from '../../core/time.js';
import { hashPassword, randomPassword } from '../services/access/authService.js';
import type { Wired as Services } from '../services/index.js';
import { seedDemoCampaigns } from './campaigns.js';
import { DEMO_CAMPAIGNS, DEMO_CATEGORIES, DEMO_ENTRIES, DEMO_UNITS } from './data.js';

export interface DemoLogin {
  username: string;
  role: Role;
  password: string;
}

const DEMO_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'sysadmin', displayName: '市信用办 系统管理员', role: 'sysadmin' },
  { username: 'secadmin', displayName: '市信用办 安全管理员', role: 'secadmin' },
  { username: 'auditor', displayName: '市信用办 审计管理员', role: 'auditor' },
  { username: 'editor', displayName: '市信用办 名单编辑', role: 'list-editor' },
  { username: 'reviewer', displayName: '市信用办 审核员', role: 'reviewer' },
  { username: 'publicity', displayName: '市委宣传部 宣传管理', role: 'publicity' },
  { username: 'operator', displayName: '政务服务中心 运维值守', role: 'operator' },
];

const BUILTIN_DIR = join(import.meta.dirname, '..', '..', 'media', 'builtin');
const LOGINS_FILE = 'demo-logins.txt';

function readLogins(dataDir: string): DemoLogin[] {
  const file = join(dataDir, LOGINS_FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 3 && !p[0]!.startsWith('#'))
    .map(([username, role, password]) => ({ username: username!, role: role as Role, password: password! }));
}

/** Copies the built-in posters into the media store; returns their hashes by file name. */
function importPosters(s: Services, dataDir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(BUILTIN_DIR)) return out;
  for (const name of readdirSync(BUILTIN_DIR).filter((f) => f.endsWith('.png'))) {
    const file = join(BUILTIN_DIR, name);
    const buf = readFileSync(file);
    const hash = createHash('sha256').update(buf).digest('hex');
    copyFileSync(file, join(dataDir, 'media', hash));
    s.stores.content.insertMedia({
      hash,
      type: 'image',
      mime: 'image/png',
      bytes: statSync(file).size,
      width: buf.readUInt32BE(16),
      height: buf.readUInt32BE(20),
      durationMs: null,
      originalName: name,
      builtin: true,
      createdAt: s.clock.now(),
    });
    out.set(name, hash);
  }
  return out;
}

function seedListConfig(s: Services, now: number): void {
  const credit = s.stores.credit;
  for (const unit of DEMO_UNITS) credit.insertUnit(randomUUID(), unit, now);
  DEMO_CATEGORIES.forEach((c, i) => {
    credit.insertCategory(
      {
        id: randomUUID(),
        name: c.name,
        listType: c.listType,
        windowRules: c.rules,
        maskPolicy: DEFAULT_MASK_POLICY,
        objectionPolicy: 'keep',
        publishPersonName: c.publishPersonName,
        fields: c.fields,
        sort: i,
      },
      now,
    );
  });
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const SUBJECT_LABELS = { org: '法人及非法人组织', 'sole-trader': '个体工商户', person: '自然人' } as const;

/**
 * The demo lists go through the real pipeline: a csv per category is imported by the list
 * editor, submitted, then approved and published by the reviewer (four eyes).
 */
async function seedLists(s: Services, today: string, users: Map<string, string>): Promise<void> {
  const editor = users.get('list-editor')!;
  const reviewer = users.get('reviewer')!;
  const categories = new Map(s.stores.credit.listCategories().map((c) => [c.name, c]));
  const groups = new Map<string, typeof DEMO_ENTRIES>();
  for (const e of DEMO_ENTRIES) groups.set(e.category, [...(groups.get(e.category) ?? []), e]);
  let seq = 0;
  for (const [name, entries] of groups) {
    const header =
      '主体类型,主体名称,统一社会信用代码/证件号码,法定代表人,事由,认定依据,决定书文号,认定部门,认定日期,严重程度';
    const lines = entries.map((e) => {
      seq++;
      // The full ID number exists only in this csv in memory: the import keeps its mask and keyed hash.
      const code =
        e.subjectType === 'person'
          ? makeResidentId('231102', e.idBirth!, `0${String(seq).padStart(2, '0')}`)
          : makeUscc({ region: '231100', orgCode: e.orgCode! });
      const docNo = `黑${e.unit.replace(/^市/, '').slice(0, 2)}决字〔${today.slice(0, 4)}〕${100 + seq}号`;
      return [
        SUBJECT_LABELS[e.subjectType],
        e.name,
        code,
        e.legalRep,
        e.reason,
        e.basis,
        docNo,
        e.authority,
        addDays(today, -e.decidedDaysAgo),
        e.severity ?? '',
      ]
        .map(csvCell)
        .join(',');
    });
    const unitId = s.stores.credit.unitByName(entries[0]!.unit)!.id;
    const preview = await s.credit.imports.preview(Buffer.from([header, ...lines].join('\r\n'), 'utf8'), {
      fileName: `演示-${name}.csv`,
      unitId,
      categoryId: categories.get(name)!.id,
      actor: editor,
    });
    if (preview.importable !== entries.length)
      throw new Error(`demo import of ${name}: ${JSON.stringify(preview.sample)}`);
    const batch = s.credit.imports.confirm(preview.id, `演示数据 — ${name}`, editor, (id) =>
      s.credit.batches.get(id),
    );
    s.credit.batches.submit(batch.id, editor);
    s.credit.batches.approve(batch.id, reviewer, '演示数据，核对无误');
    s.credit.batches.publish(batch.id, reviewer);
  }
}

function seedContent(s: Services, posters: Map<string, string>, now: number): { defaultId: string } {
  const c = s.stores.content;
  const items: Item[] = [
    {
      id: randomUUID(),
      name: '诚信红榜',
      kind: 'list-board',
      durationMs: 60_000,
      selector: { listType: 'red', categoryIds: 'all' },
      mode: 'paged',
      rowsPerPage: 8,
      dwellSec: 12,
      fields: ['name', 'code', 'reason', 'authority', 'publishUntil'],
    },
    {
      id: randomUUID(),
      name: '失信黑榜',
      kind: 'list-board',
      durationMs: 60_000,
      selector: { listType: 'black', categoryIds: 'all' },
      mode: 'paged',
      rowsPerPage: 8,
      dwellSec: 12,
      fields: ['name', 'code', 'legalRep', 'reason', 'publishUntil'],
    },
  ];
  const [red, black] = items as [Item, Item];
  const content: Item[] = [];
  for (const [file, name] of [
    ['chengxin-wanlixing.png', '诚信建设万里行 海报'],
    ['chengxin-xingshang.png', '诚信兴商宣传月 海报'],
  ] as const) {
    const hash = posters.get(file);
    if (hash)
      content.push({ id: randomUUID(), name, kind: 'image', durationMs: 15_000, media: hash, fit: 'cover' });
  }
  for (const camp of DEMO_CAMPAIGNS) {
    content.push({
      id: randomUUID(),
      name: camp.name,
      kind: 'notice',
      durationMs: 15_000,
      title: camp.name,
      body: camp.body,
      style: camp.style,
    });
  }
  for (const item of [...items, ...content]) c.insertItem(item, now);
  const listsId = randomUUID();
  c.insertPlaylist(
    {
      id: listsId,
      name: '信用名单轮播',
      role: 'lists',
      entries: [red, black].map((i) => ({ itemId: i.id, durationMs: i.durationMs })),
    },
    now,
  );
  const defaultId = randomUUID();
  const defaultEntries = [content[0], red, ...content.slice(1, 3), black, ...content.slice(3)]
    .filter((i): i is Item => i !== undefined)
    .map((i) => ({ itemId: i.id, durationMs: i.durationMs }));
  c.insertPlaylist({ id: defaultId, name: '默认节目单', role: 'content', entries: defaultEntries }, now);
  return { defaultId };
}

/**
 * Seeds demo content once into a new database: the hall, member units, categories, a small
 * red and black list with dates relative to today, posters, playlists and one user per role.
 */
export async function seedDemo(s: Services, dataDir: string, fresh: boolean): Promise<DemoLogin[]> {
  if (!fresh || s.stores.settings.get('demo') === '1') return readLogins(dataDir);
  const now = s.clock.now();
  const today = dateIn(now);
  const logins: DemoLogin[] = [];
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const password = randomPassword();
    logins.push({ username: u.username, role: u.role, password });
    hashes.set(u.username, await hashPassword(password));
  }
  const posters = importPosters(s, dataDir);
  const userIds = new Map<string, string>();
  s.db.transaction(() => {
    for (const u of DEMO_USERS) {
      const id = randomUUID();
      userIds.set(u.role, id);
      s.stores.users.insert({ id, ...u, passwordHash: hashes.get(u.username)!, createdAt: now });
      // Demo accounts keep their printed passwords; real accounts must change theirs at first login.
      s.stores.users.setPassword(id, hashes.get(u.username)!, false);
    }
    const hallId = randomUUID();
    s.stores.halls.insertHall(
      hallId,
      {
        name: '黑河市政务服务中心',
        timezone: 'Asia/Shanghai',
        openingHours: [
          { weekdays: [1, 2, 3, 4, 5], open: '08:30', close: '17:00' },
          { weekdays: [6], open: '09:00', close: '12:00' },
        ],
        repairWindowText: '黑河市政务服务中心一楼 信用修复窗口（市营商环境局）',
      },
      now,
    );
    seedListConfig(s, now);
    const { defaultId } = seedContent(s, posters, now);
    s.stores.halls.insertGroup(randomUUID(), { name: '一楼大厅', hallId, defaultPlaylistId: defaultId }, now);
    s.audit.record({
      actor: null,
      action: 'demo.seed',
      target: null,
      summary: { users: DEMO_USERS.length, entries: DEMO_ENTRIES.length },
    });
  })();
  await seedLists(s, today, userIds);
  seedDemoCampaigns(s, userIds, today);
  s.stores.settings.set('demo', '1');
  const text = [
    '# HallCast 演示账号（仅演示用，请勿用于生产）',
    '# 用户名 角色 密码',
    ...logins.map((l) => `${l.username} ${l.role} ${l.password}`),
    '',
  ].join('\n');
  writeFileSync(join(dataDir, LOGINS_FILE), text, { mode: 0o600 });
  return logins;
}
