// Registration authorities (position 1) and the organisation types under each (position 2),
// GB 32100-2015 and its later additions. The registries may be ahead of this table, so a pair
// missing here is only a warning.

type AuthorityEntry = { label: string; types: Record<string, string> };

export const USCC_AUTHORITIES: Readonly<Record<string, AuthorityEntry>> = {
  '1': { label: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '群众团体', '9': '其他' } },
  '2': { label: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    label: '司法行政',
    types: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { label: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { label: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    label: '旅游',
    types: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { label: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { label: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { label: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { label: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: {
    label: '农业',
    types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { label: '其他', types: { '1': '其他' } },
};

/** Provinces (11-65), Taiwan (71), Hong Kong (81), Macao (82): the first two digits of a region. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

/** '登记管理部门 / 机构类别' for a known pair, e.g. ('9', '1') -> '工商 / 企业'; undefined otherwise. */
export function usccTypeLabel(authority: string, orgType: string): string | undefined {
  const entry = Object.hasOwn(USCC_AUTHORITIES, authority) ? USCC_AUTHORITIES[authority] : undefined;
  const type = entry && Object.hasOwn(entry.types, orgType) ? entry.types[orgType] : undefined;
  return entry && type ? `${entry.label} / ${type}` : undefined;
}

/** True for 100000 (national bodies) or six digits starting with a known province code. */
export function isPlausibleRegion(region: string): boolean {
  if (!/^\d{6}$/.test(region)) return false;
  return region === '100000' || PROVINCE_CODES.has(region.slice(0, 2));
}
