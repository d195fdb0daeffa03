import { isAbsolute, relative, resolve } from 'node:path';
import { z } from 'zod';
import { gmAvailable } from './services/shared/crypto/index.js';
import { assertKekOutside, readKek } from './services/shared/crypto/kek.js';

const bool = z
  .union([z.boolean(), z.string()])
  .transform((v) => (typeof v === 'boolean' ? v : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase())));
const int = (def: number) => z.coerce.number().int().positive().default(def);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Every setting the server reads, with its environment variable and default.
 * README's configuration table is generated from these descriptions (`hallcast config`).
 */
export const CONFIG_SPEC = {
  port: {
    env: 'HALLCAST_PORT',
    schema: z.coerce.number().int().min(0).max(65535).default(8080),
    doc: 'HTTP 端口（0 = 任意空闲端口）',
  },
  host: { env: 'HALLCAST_HOST', schema: z.string().default('0.0.0.0'), doc: '监听地址' },
  publicUrl: {
    env: 'HALLCAST_PUBLIC_URL',
    schema: z.string().url().optional(),
    doc: '屏幕与二维码使用的服务器地址（默认按监听地址推断）',
  },
  dataDir: {
    env: 'HALLCAST_DATA_DIR',
    schema: z.string().default('./data'),
    doc: '数据目录：数据库、媒体、密钥、日志',
  },
  demo: { env: 'HALLCAST_DEMO', schema: bool.default(false), doc: '新数据库时写入演示内容' },
  checkResponses: {
    env: 'HALLCAST_CHECK_RESPONSES',
    schema: bool.default(false),
    doc: '按路由表的应答结构校验每个 JSON 应答，不符即 500 并记录（测试与开发时开启）',
  },
  logMaxBytes: {
    env: 'HALLCAST_LOG_MAX_BYTES',
    schema: int(100 * 1024 * 1024),
    doc: '单个日志文件的上限（字节）：超过后当天另起一个文件（hallcast-日期.N.log）',
  },
  logRetentionDays: {
    env: 'HALLCAST_LOG_RETENTION_DAYS',
    schema: z.coerce
      .number()
      .int()
      .min(
        184,
        '日志至少保留 184 天（等保 2.0 要求留存不少于六个月）；请设为 184 或更大，需要更短请先与测评机构确认',
      )
      .default(184),
    doc: '服务器日志（数据目录 logs/ 下，每天零点按大厅时区轮转为 hallcast-YYYY-MM-DD.log）的保留天数，至少 184 天（等保要求不少于六个月），更短的设置拒绝启动；审计日志本身从不删除',
  },
  logLevel: {
    env: 'HALLCAST_LOG_LEVEL',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: '日志级别',
  },
  tlsCert: {
    env: 'HALLCAST_TLS_CERT',
    schema: z.string().optional(),
    doc: 'HTTPS 证书文件（PEM），与密钥同时设置时启用 HTTPS',
  },
  tlsKey: { env: 'HALLCAST_TLS_KEY', schema: z.string().optional(), doc: 'HTTPS 私钥文件（PEM）' },
  hstsMaxAgeS: {
    env: 'HALLCAST_HSTS_MAX_AGE_S',
    schema: int(180 * 24 * 3600),
    doc: '启用 HTTPS 时 Strict-Transport-Security 的有效期（秒）：浏览器在此期间只用 HTTPS 访问',
  },
  crypto: {
    env: 'HALLCAST_CRYPTO',
    schema: z
      .enum(['standard', 'gm'], { error: '须为 standard（国际算法）或 gm（国密算法）' })
      .default('standard')
      .refine(
        (v) => v !== 'gm' || gmAvailable(),
        '此 Node.js 所用的 OpenSSL 不提供 SM3/SM4（sm4-ctr、sm4-ecb），不能使用国密套件',
      ),
    doc: '密码套件：standard 为 SHA-256、HMAC-SHA256、AES-256-GCM；gm 为国密 SM3、HMAC-SM3、SM4-CTR（用于审计日志哈希链、证件号码的键控哈希、会话/设备令牌/API 密钥的存储哈希，及设置 HALLCAST_KEK_FILE 时密钥目录的加密）。数据集与媒体的内容地址始终是 SHA-256（不是安全控制）',
  },
  kekFile: {
    env: 'HALLCAST_KEK_FILE',
    schema: z.string().optional(),
    doc: '密钥加密密钥（KEK）文件：64 位十六进制（openssl rand -hex 32），须在数据目录之外、不随数据备份，并另行妥善保管（丢失即无法读出密钥）；设置后数据目录下 secrets/ 中的密钥加密保存，已有的明文密钥在首次启动时加密',
  },
  sessionTtlMs: {
    env: 'HALLCAST_SESSION_TTL_MS',
    schema: int(8 * HOUR),
    doc: '名单编辑、宣传管理、运维值守的会话空闲过期时间（后台刷新与实时更新不计为操作）',
  },
  privilegedSessionIdleMs: {
    env: 'HALLCAST_PRIVILEGED_SESSION_IDLE_MS',
    schema: int(30 * MINUTE),
    doc: '系统管理员与审核员的会话空闲过期时间（等保三级：默认 30 分钟；后台刷新与实时更新不计为操作）',
  },
  sessionMaxAgeMs: {
    env: 'HALLCAST_SESSION_MAX_AGE_MS',
    schema: int(12 * HOUR),
    doc: '管理会话的绝对有效期：自登录起算，无论是否操作，到期须重新登录',
  },
  loginMaxFailures: {
    env: 'HALLCAST_LOGIN_MAX_FAILURES',
    schema: int(5),
    doc: '登录失败多少次后锁定（按用户名或 IP；修改密码时核对当前密码也计入）',
  },
  loginWindowMs: {
    env: 'HALLCAST_LOGIN_WINDOW_MS',
    schema: int(15 * MINUTE),
    doc: '登录失败计数窗口与锁定时长',
  },
  passwordMinScore: {
    env: 'HALLCAST_PASSWORD_MIN_SCORE',
    schema: z.coerce.number().int().min(0).max(4).default(3),
    doc: '新密码的最低强度（zxcvbn 评分 0–4）；另拒绝常见密码、纯空格、同一字符重复和连续字母数字',
  },
  adminOrigins: {
    env: 'HALLCAST_ADMIN_ORIGINS',
    schema: z
      .string()
      .default('')
      .refine(
        (v) =>
          v
            .split(/[\s,]+/)
            .every((o) => o === '' || (URL.canParse(o) && /^https?:$/.test(new URL(o).protocol))),
        '每一项须是完整的 http(s) 来源，如 http://localhost:5173',
      ),
    doc: '另外允许连接管理端实时通道（/admin）的来源，逗号或空格分隔（如 http://localhost:5173）；默认只允许 HALLCAST_PUBLIC_URL 的来源，未设置时为请求自身的 Host',
  },
  pairingCodeTtlMs: { env: 'HALLCAST_PAIRING_CODE_TTL_MS', schema: int(10 * MINUTE), doc: '配对码有效期' },
  pairingRateMax: {
    env: 'HALLCAST_PAIRING_RATE_MAX',
    schema: int(30),
    doc: '每个 IP 每分钟最多的配对请求次数',
  },
  bootReportRateMax: {
    env: 'HALLCAST_BOOT_REPORT_RATE_MAX',
    schema: int(6),
    doc: '每个 IP 每个窗口最多接收的播放页启动报告数（无需令牌的接口）',
  },
  bootReportGlobalMax: {
    env: 'HALLCAST_BOOT_REPORT_GLOBAL_MAX',
    schema: int(600),
    doc: '全部来源每个窗口最多接收的播放页启动报告数',
  },
  bootReportWindowMs: {
    env: 'HALLCAST_BOOT_REPORT_WINDOW_MS',
    schema: int(60 * SECOND),
    doc: '播放页启动报告的限流窗口',
  },
  bootReportMaxBytes: {
    env: 'HALLCAST_BOOT_REPORT_MAX_BYTES',
    schema: int(4096),
    doc: '一份播放页启动报告的大小上限（字节）',
  },
  bootReportKeep: {
    env: 'HALLCAST_BOOT_REPORT_KEEP',
    schema: int(1000),
    doc: '保留最近多少份播放页启动报告',
  },
  heartbeatMs: { env: 'HALLCAST_HEARTBEAT_MS', schema: int(30 * SECOND), doc: '播放端心跳间隔' },
  offlineAfterMs: {
    env: 'HALLCAST_OFFLINE_AFTER_MS',
    schema: int(70 * SECOND),
    doc: '超过多久无心跳视为离线（默认：心跳间隔含 ±10% 抖动时连续错过两次）',
  },
  staleAfterMs: {
    env: 'HALLCAST_STALE_AFTER_MS',
    schema: int(24 * HOUR),
    doc: '播放端多久未与服务器联系即隐藏信用名单',
  },
  reconnectMaxMs: { env: 'HALLCAST_RECONNECT_MAX_MS', schema: int(60 * SECOND), doc: '播放端重连退避上限' },
  playsBatchMs: { env: 'HALLCAST_PLAYS_BATCH_MS', schema: int(60 * SECOND), doc: '播放记录上报间隔' },
  playerRenderStallMs: {
    env: 'HALLCAST_PLAYER_RENDER_STALL_MS',
    schema: int(60 * SECOND),
    doc: '播放端渲染循环停滞多久后自动刷新页面（仅当 Service Worker 已缓存页面且服务器可达）',
  },
  playerSocketStallMs: {
    env: 'HALLCAST_PLAYER_SOCKET_STALL_MS',
    schema: int(10 * MINUTE),
    doc: '服务器可达而播放端实时连接断开多久后自动刷新页面（条件同上）',
  },
  playerReloadHour: {
    env: 'HALLCAST_PLAYER_RELOAD_HOUR',
    schema: z.coerce.number().int().min(-1).max(23).default(3),
    doc: '播放端每日自动刷新页面的时刻（屏幕所在时区的小时，0–23；-1 为不刷新）',
  },
  playSegmentMs: {
    env: 'HALLCAST_PLAY_SEGMENT_MS',
    schema: int(5 * MINUTE),
    doc: '长时间播放按此时长分段记录（断电最多丢失一段）',
  },
  scheduleDays: { env: 'HALLCAST_SCHEDULE_DAYS', schema: int(8), doc: '清单携带的排期天数（至少 7）' },
  listShare: {
    env: 'HALLCAST_LIST_SHARE',
    schema: z.coerce.number().min(0).max(1).default(0.3),
    doc: '信用名单每小时保底播放比例',
  },
  cycleMs: { env: 'HALLCAST_CYCLE_MS', schema: int(5 * MINUTE), doc: '播放周期长度（整除一小时）' },
  expiryCheckMs: { env: 'HALLCAST_EXPIRY_CHECK_MS', schema: int(MINUTE), doc: '检查公示到期的间隔' },
  auditAnchorMs: {
    env: 'HALLCAST_AUDIT_ANCHOR_MS',
    schema: int(24 * HOUR),
    doc: '把审计链末端（head）写入日志的间隔：日志另存一处，可对照发现整条链被重写',
  },
  presenceFlushMs: {
    env: 'HALLCAST_PRESENCE_FLUSH_MS',
    schema: int(10 * SECOND),
    doc: '在线状态写入数据库的间隔',
  },
  maxImportBytes: {
    env: 'HALLCAST_MAX_IMPORT_BYTES',
    schema: int(20 * 1024 * 1024),
    doc: '名单导入文件大小上限（字节）',
  },
  maxImportRows: { env: 'HALLCAST_MAX_IMPORT_ROWS', schema: int(200_000), doc: '名单导入行数上限' },
  maxCellChars: { env: 'HALLCAST_MAX_CELL_CHARS', schema: int(2000), doc: '单元格文字长度上限' },
  maxImportInflatedBytes: {
    env: 'HALLCAST_MAX_IMPORT_INFLATED_BYTES',
    schema: int(256 * 1024 * 1024),
    doc: '名单导入文件解压后的总字节数上限（xlsx 边解压边计数，超过即停止并拒绝，防压缩炸弹；读出的文字总字符数不超过其四分之一；解压上限另不超过文件大小上限的 50 倍）',
  },
  importTtlMs: { env: 'HALLCAST_IMPORT_TTL_MS', schema: int(30 * MINUTE), doc: '导入预览保留时间（确认前）' },
  importProgressMs: {
    env: 'HALLCAST_IMPORT_PROGRESS_MS',
    schema: int(200),
    doc: '导入检查时向上传者推送读取、校验进度的最短间隔',
  },
  importSliceMs: {
    env: 'HALLCAST_IMPORT_SLICE_MS',
    schema: int(10),
    doc: '导入校验、暂存与清理每段最多连续占用的时间（毫秒），之后让出给其他请求',
  },
  importReaders: {
    env: 'HALLCAST_IMPORT_READERS',
    schema: int(1),
    doc: '同时读取、校验的导入文件数（其余排队；读取占用 CPU 与内存，排队不慢于并行）',
  },
  importQueueMax: {
    env: 'HALLCAST_IMPORT_QUEUE_MAX',
    schema: int(4),
    doc: '排队等待读取的导入文件数上限（超出时答 429，请稍后再上传）',
  },
  maxStagedRowsPerUser: {
    env: 'HALLCAST_MAX_STAGED_ROWS_PER_USER',
    schema: int(400_000),
    doc: '每个用户待确认的导入预览合计行数上限（超出时须先确认或放弃已有预览）',
  },
  maxStagedRows: {
    env: 'HALLCAST_MAX_STAGED_ROWS',
    schema: int(1_000_000),
    doc: '全部用户待确认的导入预览合计行数上限',
  },
  maxJsonBytes: { env: 'HALLCAST_MAX_JSON_BYTES', schema: int(1024 * 1024), doc: 'JSON 请求体上限（字节）' },
  datasetCacheBytes: {
    env: 'HALLCAST_DATASET_CACHE_BYTES',
    schema: int(64 * 1024 * 1024),
    doc: '内存中缓存的名单数据集上限（字节，按最近使用保留；发布后各屏拉取同一数据集只读库一次）',
  },
  maxSnapshotBytes: {
    env: 'HALLCAST_MAX_SNAPSHOT_BYTES',
    schema: int(8 * 1024 * 1024),
    doc: 'kiosk 代理上传的单张截屏上限（字节）',
  },
  maxMediaBytes: {
    env: 'HALLCAST_MAX_MEDIA_BYTES',
    schema: int(500 * 1024 * 1024),
    doc: '单个媒体文件（图片、视频）上限（字节）',
  },
  maxMediaTotalBytes: {
    env: 'HALLCAST_MAX_MEDIA_TOTAL_BYTES',
    schema: int(20 * 1024 * 1024 * 1024),
    doc: '媒体库总容量上限（字节，不含自带海报）',
  },
  emergencyDefaultMs: {
    env: 'HALLCAST_EMERGENCY_DEFAULT_MS',
    schema: int(2 * HOUR),
    doc: '紧急通知默认显示时长，到期自动撤下',
  },
  emergencyMaxMs: { env: 'HALLCAST_EMERGENCY_MAX_MS', schema: int(24 * HOUR), doc: '紧急通知最长显示时长' },
  shutdownGraceMs: {
    env: 'HALLCAST_SHUTDOWN_GRACE_MS',
    schema: int(5 * SECOND),
    doc: '关闭时等待连接结束的时间',
  },
  manifestInlineMaxBytes: {
    env: 'HALLCAST_MANIFEST_INLINE_MAX_BYTES',
    schema: z.coerce
      .number()
      .int()
      .min(0)
      .default(32 * 1024),
    doc: '清单不超过此大小（字节）时随 manifest:updated 推送，否则播放端按 HTTP 获取',
  },
  manifestCacheMs: {
    env: 'HALLCAST_MANIFEST_CACHE_MS',
    schema: int(30 * SECOND),
    doc: '相同输入（大厅、分组、版式、尺寸）的屏幕共用清单构建结果的最长时间',
  },
  convergenceTimeoutMs: {
    env: 'HALLCAST_CONVERGENCE_TIMEOUT_MS',
    schema: int(2 * MINUTE),
    doc: '变更发出后在线屏幕多久未确认显示即记为超时',
  },
  commandTimeoutMs: {
    env: 'HALLCAST_COMMAND_TIMEOUT_MS',
    schema: int(20 * SECOND),
    doc: '远程指令等待屏幕应答的时间（截屏含代理截图与上传）',
  },
  adminPushMs: {
    env: 'HALLCAST_ADMIN_PUSH_MS',
    schema: int(200),
    doc: '向管理端合并推送屏幕状态与变更进度的间隔',
  },
  adminSessionCheckMs: {
    env: 'HALLCAST_ADMIN_SESSION_CHECK_MS',
    schema: int(30 * SECOND),
    doc: '管理端实时连接重新校验登录会话的间隔（会话过期、账号停用或角色变更后断开连接）',
  },
  socketRateScale: {
    env: 'HALLCAST_SOCKET_RATE_SCALE',
    schema: z.coerce.number().positive().default(1),
    doc: '播放端事件限速的倍数（心跳、上报、状态、错误；1 = 默认限额）',
  },
  alertWebhooks: {
    env: 'HALLCAST_ALERT_WEBHOOKS',
    schema: z.string().default(''),
    doc: '离线告警 Webhook，逗号或空格分隔；前缀 wecom= 或 dingtalk= 使用企业微信/钉钉机器人格式，否则为通用 JSON',
  },
  backupDir: {
    env: 'HALLCAST_BACKUP_DIR',
    schema: z.string().optional(),
    doc: '定时备份的目录（数据目录之外；设置后按 HALLCAST_BACKUP_INTERVAL_MS 自动备份，设置 HALLCAST_KEK_FILE 时加密）',
  },
  backupIntervalMs: {
    env: 'HALLCAST_BACKUP_INTERVAL_MS',
    schema: int(24 * 3_600_000),
    doc: '定时备份的间隔（默认每天一次）',
  },
  backupKeep: {
    env: 'HALLCAST_BACKUP_KEEP',
    schema: int(14),
    doc: '定时备份保留的份数（更早的自动删除）',
  },
  backupCheckMs: {
    env: 'HALLCAST_BACKUP_CHECK_MS',
    schema: int(60_000),
    doc: '多久检查一次是否到了定时备份的时间',
  },
  doctorMinFreeMb: {
    env: 'HALLCAST_DOCTOR_MIN_FREE_MB',
    schema: int(2048),
    doc: 'hallcast doctor 要求数据目录所在磁盘至少剩余的空间（MB）；不足 4 倍时提示',
  },
  metricsToken: {
    env: 'HALLCAST_METRICS_TOKEN',
    schema: z.string().min(16, { error: '须至少 16 个字符（例如 openssl rand -hex 16）' }).optional(),
    doc: '/metrics（Prometheus）的访问令牌：请求须带 Authorization: Bearer <令牌>；未设置且不在 HALLCAST_METRICS_ALLOW 中的来源一律 401',
  },
  metricsAllow: {
    env: 'HALLCAST_METRICS_ALLOW',
    schema: z.string().default(''),
    doc: '无需令牌即可读取 /metrics 的来源 IP，逗号分隔（例如监控服务器的地址）；默认无',
  },
  alertDingtalkSecret: {
    env: 'HALLCAST_ALERT_DINGTALK_SECRET',
    schema: z.string().optional(),
    doc: '钉钉机器人“加签”密钥（可选）',
  },
  alertWebhookTimeoutMs: {
    env: 'HALLCAST_ALERT_WEBHOOK_TIMEOUT_MS',
    schema: int(5 * SECOND),
    doc: '告警 Webhook 单次请求超时（失败后重试 3 次）',
  },
  uptimeSampleMs: {
    env: 'HALLCAST_UPTIME_SAMPLE_MS',
    schema: int(MINUTE),
    doc: '开放时间内统计屏幕在线率的采样间隔',
  },
  retentionCheckMs: {
    env: 'HALLCAST_RETENTION_CHECK_MS',
    schema: int(6 * 3_600_000),
    doc: '多久清理一次超过保留期的记录（播放记录、在线率采样、指令与告警）',
  },
  playRetentionDays: {
    env: 'HALLCAST_PLAY_RETENTION_DAYS',
    schema: int(2000),
    doc: '播放记录（播放证明、名单展示证明）的保留天数；默认约 5.5 年，长于最长的公示期（失信被执行人 5 年）',
  },
  operationsRetentionDays: {
    env: 'HALLCAST_OPERATIONS_RETENTION_DAYS',
    schema: int(400),
    doc: '在线率采样、远程指令记录与已恢复告警的保留天数',
  },
} as const;

type Spec = typeof CONFIG_SPEC;
export type Config = { [K in keyof Spec]: z.output<Spec[K]['schema']> } & { dataDir: string };

/** Parses settings from the environment; overrides win (tests use them to shrink time). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const shape = Object.fromEntries(Object.entries(CONFIG_SPEC).map(([k, v]) => [k, v.schema]));
  const raw = Object.fromEntries(Object.entries(CONFIG_SPEC).map(([k, v]) => [k, env[v.env] || undefined]));
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const key = String(first?.path[0] ?? '');
    const envName = CONFIG_SPEC[key as keyof Spec]?.env ?? key;
    throw new Error(`配置错误 ${envName}: ${first?.message ?? '无效'}`);
  }
  const config = { ...(parsed.data as Config), ...overrides };
  config.dataDir = resolve(config.dataDir);
  if (config.kekFile) {
    config.kekFile = resolve(config.kekFile);
    assertKekOutside(config.kekFile, config.dataDir);
    readKek(config.kekFile); // read again where the secrets are loaded; checked here so a bad file stops the start
  }
  if (config.backupDir) {
    config.backupDir = resolve(config.backupDir);
    const inside = relative(config.dataDir, config.backupDir);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
      throw new Error(
        `配置错误 HALLCAST_BACKUP_DIR: 备份目录 ${config.backupDir} 在数据目录之内；请放到数据目录之外（最好是另一块磁盘）`,
      );
  }
  return config;
}
