import { randomBytes, randomUUID } from 'node:crypto';
import type { Dataset } from '../../../core/credit/dataset.js';
import type {
  ApiKeyCreate,
  ApiKeyInfo,
  AuditRecord,
  AuditVerify,
  CalendarDay,
  CategoryInfo,
  CategoryInput,
  Unit,
} from '../../../core/protocol/credit.js';
import type { Role } from '../../../core/protocol/rest.js';
import { DEFAULT_TIMEZONE, dateIn, dayjs } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import { badRequest, conflict, notFound, notSignedIn, refused } from '../../errors.js';
import type { AuditStore } from '../../store/auditStore.js';
import type { Category, CreditStore } from '../../store/creditStore.js';
import type { DatasetStore } from '../../store/datasetStore.js';
import type { Db } from '../../store/db.js';
import type { ApiKeyRecord, ApiKeyStore, TakedownStore } from '../../store/takedownStore.js';
import type { UserStore } from '../../store/userStore.js';
import type { ChangeService } from '../delivery/changeService.js';
import type { AuditService } from '../shared/auditService.js';
import type { SecretHasher } from '../shared/secretHash.js';
import { csvField } from '../shared/spreadsheetSafe.js';
import type { BatchService } from './batchService.js';

type Deps = {
  hashes: SecretHasher;
  db: Db;
  credit: CreditStore;
  datasets: DatasetStore;
  takedowns: TakedownStore;
  apiKeys: ApiKeyStore;
  auditStore: AuditStore;
  users: UserStore;
  audit: AuditService;
  batchService: BatchService;
  changes: ChangeService;
  clock: Clock;
};

const toKey = (k: ApiKeyRecord): ApiKeyInfo => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes as ApiKeyInfo['scopes'],
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  revokedAt: k.revokedAt,
});
const toCategoryInfo = (c: Category): CategoryInfo => ({
  id: c.id,
  name: c.name,
  listType: c.listType,
  windowRules: c.windowRules as CategoryInfo['windowRules'],
  maskPolicy: c.maskPolicy as CategoryInfo['maskPolicy'],
  objectionPolicy: c.objectionPolicy,
  publishPersonName: c.publishPersonName,
  fields: c.fields,
});

/** Units, categories, the working-day calendar, API keys, the audit view and the published lists' feed. */
/** The audit export's columns. */
const AUDIT_CSV_HEADER = ['序号', '时间', '操作人', '操作', '对象', '摘要', '校验算法', 'MAC'];
/** Records read between two yields of the export. */
const AUDIT_CSV_CHUNK = 2_000;

export function createPlatformService(d: Deps) {
  return {
    units: (): Unit[] => d.credit.listUnits(),
    addUnit(name: string, actor: string): Unit {
      if (d.credit.unitByName(name)) throw conflict('unit_exists', `成员单位「${name}」已存在`);
      const id = randomUUID();
      d.db.transaction(() => {
        d.credit.insertUnit(id, name, d.clock.now());
        d.audit.record({ actor, action: 'unit.create', target: id, summary: { name } });
      })();
      return { id, name };
    },
    categories: () => d.credit.listCategories().map(toCategoryInfo),
    addCategory(input: CategoryInput, actor: string): CategoryInfo {
      if (d.credit.listCategories().some((c) => c.name === input.name))
        throw conflict('category_exists', `类别「${input.name}」已存在`);
      const id = randomUUID();
      d.db.transaction(() => {
        d.credit.insertCategory({ ...input, id, sort: 100 }, d.clock.now());
        d.audit.record({ actor, action: 'category.create', target: id, summary: { name: input.name } });
      })();
      return toCategoryInfo(d.credit.getCategory(id)!);
    },
    /** Masking, objection policy or fields alter what screens show: that is a change. */
    updateCategory(id: string, input: CategoryInput, actor: string): CategoryInfo {
      const before = d.credit.getCategory(id);
      if (!before) throw notFound('名单类别');
      if (before.listType !== input.listType)
        throw badRequest('list_type_fixed', '类别的名单类型（红/黑）创建后不能修改，请新建类别');
      const change = d.db.transaction(() => {
        d.credit.updateCategory({ ...input, id });
        d.audit.record({
          actor,
          action: 'category.update',
          target: id,
          summary: { before: toCategoryInfo(before), after: input },
        });
        return d.batchService.listsChanged('category', `类别「${input.name}」设置已修改`, actor);
      })();
      if (change) d.changes.publish(change);
      return toCategoryInfo(d.credit.getCategory(id)!);
    },
    calendar: (year: number): CalendarDay[] => d.takedowns.days(`${year}-01-01`, `${year}-12-31`),
    setCalendar(year: number, days: CalendarDay[], actor: string): CalendarDay[] {
      const wrong = days.find((x) => !x.date.startsWith(`${year}-`));
      if (wrong) throw badRequest('calendar_year', `日期 ${wrong.date} 不属于 ${year} 年`);
      d.db.transaction(() => {
        d.takedowns.replaceYear(String(year), days);
        d.audit.record({
          actor,
          action: 'calendar.replace',
          target: String(year),
          summary: { days: days.length },
        });
      })();
      return d.takedowns.days(`${year}-01-01`, `${year}-12-31`);
    },
    apiKeys: () => d.apiKeys.list().map(toKey),
    createApiKey(input: ApiKeyCreate, actor: string): { key: ApiKeyInfo; secret: string } {
      const secret = `hck_${randomBytes(32).toString('hex')}`;
      const id = randomUUID();
      d.db.transaction(() => {
        d.apiKeys.insert({
          id,
          name: input.name,
          prefix: secret.slice(0, 10),
          keyHash: d.hashes.hash(secret),
          scopes: input.scopes,
          createdBy: actor,
          createdAt: d.clock.now(),
        });
        d.audit.record({
          actor,
          action: 'apikey.create',
          target: id,
          summary: { name: input.name, scopes: input.scopes },
        });
      })();
      return { key: toKey(d.apiKeys.list().find((k) => k.id === id)!), secret };
    },
    revokeApiKey(id: string, actor: string): void {
      if (!d.apiKeys.revoke(id, d.clock.now())) throw notFound('API 密钥');
      d.audit.record({ actor, action: 'apikey.revoke', target: id, summary: {} });
    },
    /** The key behind an Authorization header, with the scope required. */
    checkApiKey(header: string, scope: string): ApiKeyRecord {
      const secret = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      // A key made before a switch of HALLCAST_CRYPTO is found by its old hash and rehashed: it keeps working.
      const key = secret
        ? d.hashes.find(
            secret,
            (h) => d.apiKeys.byHash(h),
            (k, h) => d.apiKeys.rehash(k.id, h),
          )
        : undefined;
      if (!key) throw notSignedIn('invalid_api_key', 'API 密钥无效或已吊销，请向系统管理员申请新的密钥');
      if (!key.scopes.includes(scope)) {
        throw refused('scope_missing', `该 API 密钥没有「${scope}」权限`);
      }
      d.apiKeys.touch(key.id, d.clock.now());
      return key;
    },
    /**
     * The audit log as `viewer` may read it: the audit administrator all of it; the security
     * administrator their own actions and the audit administrators'; everyone else their own.
     */
    /**
     * The whole audit log as CSV for the audit administrator: UTF-8 with a BOM (Excel and WPS open
     * it as such), times in Asia/Shanghai, summaries as stored (masked), every cell formula-safe.
     * Read a chunk at a time with a yield between, so a long log never stalls the server; the
     * export itself is recorded first.
     */
    auditCsvName: () => `审计日志-${dateIn(d.clock.now())}.csv`,
    async *auditCsv(actor: string): AsyncGenerator<string> {
      d.audit.record({ actor, action: 'audit.export', target: null, summary: {} });
      const names = new Map(d.users.list().map((u) => [u.id, u.displayName]));
      const last = d.auditStore.last()?.seq ?? 0;
      yield `\uFEFF${AUDIT_CSV_HEADER.map(csvField).join(',')}\r\n`;
      for (let from = 1; from <= last; ) {
        const rows = d.auditStore.range(from, last, AUDIT_CSV_CHUNK);
        if (rows.length === 0) break;
        yield rows
          .map((r) =>
            [
              r.seq,
              dayjs(r.at).tz(DEFAULT_TIMEZONE).format('YYYY-MM-DD HH:mm:ss'),
              r.actor ? (names.get(r.actor) ?? r.actor) : '系统',
              r.action,
              r.target ?? '',
              r.summary,
              r.suite === 'gm' ? 'HMAC-SM3' : 'HMAC-SHA256',
              r.mac,
            ]
              .map(csvField)
              .join(','),
          )
          .map((line) => `${line}\r\n`)
          .join('');
        from = rows.at(-1)!.seq + 1;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    /** The chain checked end to end, in chunks; the check is recorded with its outcome. */
    async verifyAudit(actor: string): Promise<AuditVerify> {
      const r = await d.audit.verifyAsync();
      const result: AuditVerify = r.ok
        ? { ok: true, records: r.records, brokenAt: null, head: r.head, suites: r.suites }
        : { ok: false, records: r.records, brokenAt: r.brokenAt, head: null, suites: [] };
      d.audit.record({
        actor,
        action: 'audit.verify',
        target: null,
        summary: { ok: result.ok, records: result.records, brokenAt: result.brokenAt },
      });
      return result;
    },
    audit(
      viewer: { id: string; role: Role },
      offset: number,
      limit: number,
    ): { total: number; records: AuditRecord[] } {
      const users = d.users.list();
      const names = new Map(users.map((u) => [u.id, u.displayName]));
      const page =
        viewer.role === 'auditor'
          ? { total: d.auditStore.last()?.seq ?? 0, rows: d.auditStore.page(limit, offset) }
          : d.auditStore.pageOf(
              viewer.role === 'secadmin'
                ? [viewer.id, ...users.filter((u) => u.role === 'auditor').map((u) => u.id)]
                : [viewer.id],
              limit,
              offset,
            );
      return {
        total: page.total,
        records: page.rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          actor: r.actor,
          actorName: r.actor
            ? (names.get(r.actor) ?? (r.actor.startsWith('apikey:') ? r.actor : null))
            : null,
          action: r.action,
          target: r.target,
          summary: JSON.parse(r.summary),
        })),
      };
    },
    /** The published lists exactly as screens get them (masked). */
    publishedLists: (): Dataset[] =>
      d.datasets.listCurrent().map((c) => JSON.parse(d.datasets.get(c.hash)!.body) as Dataset),
  };
}
export type PlatformService = ReturnType<typeof createPlatformService>;
