/**
 * Vietnam's provincial reorganisation of 1 July 2025: the 63 provinces and centrally-run cities
 * became 34. Source: Nghị quyết số 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính
 * cấp tỉnh, adopted 12 June 2025, in force 1 July 2025 (the district level was abolished the same
 * day). Articles keep the units of their own time; this maps each old province to the new one.
 */

/** One of the 34 provincial units from 1 July 2025. */
export interface Province2025 {
  /** Name as the resolution gives it, without the type word. */
  name: string;
  /** "tỉnh" or "thành phố" (centrally-run city). */
  type: 'tỉnh' | 'thành phố';
  /** ASCII slug for URLs. */
  slug: string;
  /** GSO codes of the pre-2025 provinces it was formed from; the first gives its name. */
  from: readonly string[];
}

export const PROVINCES_2025: readonly Province2025[] = [
  { name: 'Hà Nội', type: 'thành phố', slug: 'ha-noi', from: ['01'] },
  { name: 'Huế', type: 'thành phố', slug: 'hue', from: ['46'] },
  { name: 'Lai Châu', type: 'tỉnh', slug: 'lai-chau', from: ['12'] },
  { name: 'Điện Biên', type: 'tỉnh', slug: 'dien-bien', from: ['11'] },
  { name: 'Sơn La', type: 'tỉnh', slug: 'son-la', from: ['14'] },
  { name: 'Lạng Sơn', type: 'tỉnh', slug: 'lang-son', from: ['20'] },
  { name: 'Quảng Ninh', type: 'tỉnh', slug: 'quang-ninh', from: ['22'] },
  { name: 'Thanh Hóa', type: 'tỉnh', slug: 'thanh-hoa', from: ['38'] },
  { name: 'Nghệ An', type: 'tỉnh', slug: 'nghe-an', from: ['40'] },
  { name: 'Hà Tĩnh', type: 'tỉnh', slug: 'ha-tinh', from: ['42'] },
  { name: 'Cao Bằng', type: 'tỉnh', slug: 'cao-bang', from: ['04'] },
  { name: 'Tuyên Quang', type: 'tỉnh', slug: 'tuyen-quang', from: ['08', '02'] },
  { name: 'Lào Cai', type: 'tỉnh', slug: 'lao-cai', from: ['10', '15'] },
  { name: 'Thái Nguyên', type: 'tỉnh', slug: 'thai-nguyen', from: ['19', '06'] },
  { name: 'Phú Thọ', type: 'tỉnh', slug: 'phu-tho', from: ['25', '26', '17'] },
  { name: 'Bắc Ninh', type: 'tỉnh', slug: 'bac-ninh', from: ['27', '24'] },
  { name: 'Hưng Yên', type: 'tỉnh', slug: 'hung-yen', from: ['33', '34'] },
  { name: 'Hải Phòng', type: 'thành phố', slug: 'hai-phong', from: ['31', '30'] },
  { name: 'Ninh Bình', type: 'tỉnh', slug: 'ninh-binh', from: ['37', '35', '36'] },
  { name: 'Quảng Trị', type: 'tỉnh', slug: 'quang-tri', from: ['45', '44'] },
  { name: 'Đà Nẵng', type: 'thành phố', slug: 'da-nang', from: ['48', '49'] },
  { name: 'Quảng Ngãi', type: 'tỉnh', slug: 'quang-ngai', from: ['51', '62'] },
  { name: 'Gia Lai', type: 'tỉnh', slug: 'gia-lai', from: ['64', '52'] },
  { name: 'Khánh Hòa', type: 'tỉnh', slug: 'khanh-hoa', from: ['56', '58'] },
  { name: 'Lâm Đồng', type: 'tỉnh', slug: 'lam-dong', from: ['68', '67', '60'] },
  { name: 'Đắk Lắk', type: 'tỉnh', slug: 'dak-lak', from: ['66', '54'] },
  { name: 'Hồ Chí Minh', type: 'thành phố', slug: 'ho-chi-minh', from: ['79', '74', '77'] },
  { name: 'Đồng Nai', type: 'tỉnh', slug: 'dong-nai', from: ['75', '70'] },
  { name: 'Tây Ninh', type: 'tỉnh', slug: 'tay-ninh', from: ['72', '80'] },
  { name: 'Cần Thơ', type: 'thành phố', slug: 'can-tho', from: ['92', '94', '93'] },
  { name: 'Vĩnh Long', type: 'tỉnh', slug: 'vinh-long', from: ['86', '83', '84'] },
  { name: 'Đồng Tháp', type: 'tỉnh', slug: 'dong-thap', from: ['87', '82'] },
  { name: 'Cà Mau', type: 'tỉnh', slug: 'ca-mau', from: ['96', '95'] },
  { name: 'An Giang', type: 'tỉnh', slug: 'an-giang', from: ['89', '91'] },
];

/** Legal source, for pages and data downloads. */
export const PROVINCES_2025_SOURCE = 'Nghị quyết số 202/2025/QH15 của Quốc hội (12/6/2025), hiệu lực từ 1/7/2025';

const byOldCode = new Map(PROVINCES_2025.flatMap((p) => p.from.map((code) => [code, p] as const)));

/** The 2025 province an old province (by GSO code) became part of. */
export function province2025(oldProvinceCode: string): Province2025 {
  const p = byOldCode.get(oldProvinceCode);
  if (!p) throw new Error(`no 2025 province for GSO province code ${oldProvinceCode}`);
  return p;
}

/** "tỉnh Tuyên Quang", "thành phố Hồ Chí Minh". */
export function province2025Label(p: Province2025): string {
  return `${p.type} ${p.name}`;
}
