import type { ListField } from '../../core/credit/index.js';
import {
  BLACK_2026,
  BLACK_2026_SAFETY,
  COURT_DISHONEST_DEBTOR,
  DEFAULT_MASK_POLICY,
  RED_DEFAULT,
  type WindowRules,
} from '../../core/credit/index.js';

/** Member units named in the city's 2020 work plan (../shared/heihe-2020-credit-workplan.md). */
export const DEMO_UNITS = [
  '市营商环境局',
  '市市场监管局',
  '市公安局',
  '市税务局',
  '市应急管理局',
  '市生态环境局',
  '市中级人民法院',
  '市交通运输局',
  '市委宣传部（文明办）',
  '市发改委',
  '市财政局',
  '市商务局',
  '市民政局',
  '市人社局',
  '市住建局',
  '市教育局',
  '市文广旅局',
  '市统计局',
  '人民银行黑河中心支行',
  '黑河银保监分局',
];

/** Campaigns of the work plan; shown as notices until the programs issue makes them campaigns. */
export const DEMO_CAMPAIGNS = [
  {
    name: '诚信建设万里行',
    style: 'integrity',
    body: '守信光荣 失信可耻\n诚信建设万里行 —— 让诚信成为每个人的自觉追求',
  },
  { name: '诚信兴商宣传月', style: 'commerce', body: '诚信兴商 守法经营\n每年九月，与全市商户共建诚信市场' },
  { name: '信用交通宣传月', style: 'traffic', body: '诚实守信，一路畅行\n信用交通 让出行更安心' },
  { name: '诚信大讲堂', style: 'lecture', body: '讲好诚信故事\n诚信大讲堂走进政务服务大厅' },
  { name: '诚信黑河进大厅', style: 'integrity', body: '诚信黑河进大厅、进校园、进企业、进市场、进社区' },
] as const;

const RED_FIELDS: ListField[] = ['name', 'code', 'reason', 'authority', 'decisionDate', 'publishUntil'];
const BLACK_FIELDS: ListField[] = [
  'name',
  'code',
  'legalRep',
  'reason',
  'authority',
  'docNo',
  'publishUntil',
];

export interface DemoCategory {
  name: string;
  listType: 'red' | 'black';
  rules: WindowRules;
  publishPersonName: boolean;
  fields: ListField[];
}

/** The categories docs/DOMAIN.md names, with their window rules. */
export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    name: '纳税信用A级纳税人',
    listType: 'red',
    rules: RED_DEFAULT,
    publishPersonName: false,
    fields: RED_FIELDS,
  },
  { name: 'A级社会组织', listType: 'red', rules: RED_DEFAULT, publishPersonName: false, fields: RED_FIELDS },
  { name: '守信企业', listType: 'red', rules: RED_DEFAULT, publishPersonName: false, fields: RED_FIELDS },
  {
    name: '失信被执行人',
    listType: 'black',
    rules: COURT_DISHONEST_DEBTOR,
    publishPersonName: true,
    fields: BLACK_FIELDS,
  },
  {
    name: '重大税收违法失信主体',
    listType: 'black',
    rules: BLACK_2026,
    publishPersonName: false,
    fields: BLACK_FIELDS,
  },
  {
    name: '严重违法失信企业',
    listType: 'black',
    rules: BLACK_2026,
    publishPersonName: false,
    fields: BLACK_FIELDS,
  },
  {
    name: '安全生产失信',
    listType: 'black',
    rules: BLACK_2026_SAFETY,
    publishPersonName: false,
    fields: BLACK_FIELDS,
  },
  { name: '环保失信', listType: 'black', rules: BLACK_2026, publishPersonName: false, fields: BLACK_FIELDS },
];
export const DEMO_MASK_POLICY = DEFAULT_MASK_POLICY;

export interface DemoEntry {
  category: string;
  unit: string;
  subjectType: 'org' | 'sole-trader' | 'person';
  name: string;
  orgCode?: string;
  idBirth?: string;
  legalRep: string;
  reason: string;
  basis: string;
  authority: string;
  /** Days before today. */
  decidedDaysAgo: number;
  severity?: '一般' | '严重';
}

/** Fictitious subjects: no real company or person. */
export const DEMO_ENTRIES: DemoEntry[] = [
  {
    category: '纳税信用A级纳税人',
    unit: '市税务局',
    subjectType: 'org',
    name: '黑河北疆粮油贸易有限公司',
    orgCode: 'HB000101',
    legalRep: '王建国',
    reason: '2025年度纳税信用评价为A级',
    basis: '《纳税信用管理办法》',
    authority: '国家税务总局黑河市税务局',
    decidedDaysAgo: 40,
  },
  {
    category: '纳税信用A级纳税人',
    unit: '市税务局',
    subjectType: 'org',
    name: '黑河龙江口岸物流股份有限公司',
    orgCode: 'HB000102',
    legalRep: '李春华',
    reason: '2025年度纳税信用评价为A级',
    basis: '《纳税信用管理办法》',
    authority: '国家税务总局黑河市税务局',
    decidedDaysAgo: 40,
  },
  {
    category: '纳税信用A级纳税人',
    unit: '市税务局',
    subjectType: 'org',
    name: '黑河寒地大豆科技开发有限公司',
    orgCode: 'HB000103',
    legalRep: '赵丽',
    reason: '2025年度纳税信用评价为A级',
    basis: '《纳税信用管理办法》',
    authority: '国家税务总局黑河市税务局',
    decidedDaysAgo: 40,
  },
  {
    category: '守信企业',
    unit: '市市场监管局',
    subjectType: 'org',
    name: '黑河五大连池矿泉饮品有限公司',
    orgCode: 'HB000104',
    legalRep: '孙宏伟',
    reason: '连续三年守合同重信用',
    basis: '《黑河市守信联合激励实施办法》',
    authority: '黑河市市场监督管理局',
    decidedDaysAgo: 75,
  },
  {
    category: '守信企业',
    unit: '市市场监管局',
    subjectType: 'sole-trader',
    name: '爱辉区诚实百货商店',
    orgCode: 'HB000105',
    legalRep: '周立',
    reason: '诚信经营示范店',
    basis: '《黑河市守信联合激励实施办法》',
    authority: '黑河市市场监督管理局',
    decidedDaysAgo: 75,
  },
  {
    category: 'A级社会组织',
    unit: '市民政局',
    subjectType: 'org',
    name: '黑河市诚信促进会',
    orgCode: 'HB000106',
    legalRep: '吴文静',
    reason: '社会组织评估等级5A',
    basis: '《社会组织评估管理办法》',
    authority: '黑河市民政局',
    decidedDaysAgo: 120,
  },
  {
    category: '失信被执行人',
    unit: '市中级人民法院',
    subjectType: 'person',
    name: '郑某强',
    idBirth: '1978-03-15',
    legalRep: '',
    reason: '有履行能力而拒不履行生效法律文书确定的义务',
    basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
    authority: '黑河市中级人民法院',
    decidedDaysAgo: 30,
  },
  {
    category: '失信被执行人',
    unit: '市中级人民法院',
    subjectType: 'org',
    name: '黑河远东建材销售有限公司',
    orgCode: 'HB000201',
    legalRep: '钱志勇',
    reason: '违反财产报告制度',
    basis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》',
    authority: '黑河市中级人民法院',
    decidedDaysAgo: 55,
  },
  {
    category: '严重违法失信企业',
    unit: '市市场监管局',
    subjectType: 'org',
    name: '黑河兴隆食品加工有限公司',
    orgCode: 'HB000202',
    legalRep: '冯德才',
    reason: '提交虚假材料取得公司登记',
    basis: '《市场监督管理严重违法失信名单管理办法》',
    authority: '黑河市市场监督管理局',
    decidedDaysAgo: 20,
    severity: '严重',
  },
  {
    category: '重大税收违法失信主体',
    unit: '市税务局',
    subjectType: 'org',
    name: '黑河鑫源煤炭经销有限公司',
    orgCode: 'HB000203',
    legalRep: '陈国庆',
    reason: '虚开增值税专用发票',
    basis: '《重大税收违法失信主体信息公布管理办法》',
    authority: '国家税务总局黑河市税务局',
    decidedDaysAgo: 45,
    severity: '严重',
  },
  {
    category: '安全生产失信',
    unit: '市应急管理局',
    subjectType: 'org',
    name: '黑河北方烟花爆竹经营有限公司',
    orgCode: 'HB000204',
    legalRep: '褚立新',
    reason: '发生生产安全责任事故且隐瞒不报',
    basis: '《安全生产严重失信主体名单管理办法》',
    authority: '黑河市应急管理局',
    decidedDaysAgo: 60,
    severity: '一般',
  },
];
