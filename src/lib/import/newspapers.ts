/**
 * Vietnam's provincial party newspapers (one per pre-2025 province), with their web domains and
 * the tags they put before a lead ("BHG -", "(QNO) -"). Domains not listed still resolve when they
 * follow the common `bao<province>` pattern (baoquangninh.com.vn → Quảng Ninh).
 */
import { gazetteer } from '../places/gazetteer.ts';
import { foldAscii, slugify } from '../text/vi-text.ts';

/** A newspaper and the province it belongs to (none for national papers). */
export interface Newspaper {
  name: string;
  provinceCode?: string;
  domains: readonly string[];
  /** Lead tags the paper uses, without punctuation: "BHG", "QNO". */
  tags: readonly string[];
  /** Other names the paper's pages print: "Tuổi Trẻ Online". */
  aliases?: readonly string[];
}

const P = (provinceCode: string, name: string, domains: string[], tags: string[] = []): Newspaper => ({ name, provinceCode, domains, tags });
const N = (name: string, domains: string[], tags: string[] = [], aliases: string[] = []): Newspaper => ({ name, domains, tags, aliases });

export const NEWSPAPERS: readonly Newspaper[] = [
  P('01', 'Báo Hànộimới', ['hanoimoi.vn', 'hanoimoi.com.vn'], ['HNM']),
  P('02', 'Báo Hà Giang', ['baohagiang.vn'], ['BHG']),
  P('04', 'Báo Cao Bằng', ['baocaobang.vn'], ['BCB']),
  P('06', 'Báo Bắc Kạn', ['baobackan.vn', 'baobackan.org.vn'], ['BBK']),
  P('08', 'Báo Tuyên Quang', ['baotuyenquang.com.vn'], ['BTQ']),
  P('10', 'Báo Lào Cai', ['baolaocai.vn'], ['BLC']),
  P('11', 'Báo Điện Biên Phủ', ['baodienbienphu.info.vn'], ['ĐBP']),
  P('12', 'Báo Lai Châu', ['baolaichau.vn'], ['BLC']),
  P('14', 'Báo Sơn La', ['baosonla.vn', 'baosonla.org.vn'], ['BSL']),
  P('15', 'Báo Yên Bái', ['baoyenbai.com.vn'], ['YBĐT']),
  P('17', 'Báo Hòa Bình', ['baohoabinh.com.vn'], ['BHB']),
  P('19', 'Báo Thái Nguyên', ['baothainguyen.vn'], ['BTN']),
  P('20', 'Báo Lạng Sơn', ['baolangson.vn'], ['LSO']),
  P('22', 'Báo Quảng Ninh', ['baoquangninh.vn', 'baoquangninh.com.vn'], ['BQN']),
  P('24', 'Báo Bắc Giang', ['baobacgiang.vn', 'baobacgiang.com.vn'], ['BBG']),
  P('25', 'Báo Phú Thọ', ['baophutho.vn'], ['BPT']),
  P('26', 'Báo Vĩnh Phúc', ['baovinhphuc.com.vn'], ['BVP']),
  P('27', 'Báo Bắc Ninh', ['baobacninh.vn', 'baobacninh.com.vn'], ['BBN']),
  P('30', 'Báo Hải Dương', ['baohaiduong.vn'], ['BHD']),
  P('31', 'Báo Hải Phòng', ['baohaiphong.vn', 'baohaiphong.com.vn'], ['BHP']),
  P('33', 'Báo Hưng Yên', ['baohungyen.vn'], ['BHY']),
  P('34', 'Báo Thái Bình', ['baothaibinh.com.vn'], ['BTB']),
  P('35', 'Báo Hà Nam', ['baohanam.com.vn'], ['BHN']),
  P('36', 'Báo Nam Định', ['baonamdinh.vn', 'baonamdinh.com.vn'], ['BNĐ']),
  P('37', 'Báo Ninh Bình', ['baoninhbinh.org.vn'], ['BNB']),
  P('38', 'Báo Thanh Hóa', ['baothanhhoa.vn'], ['BTH']),
  P('40', 'Báo Nghệ An', ['baonghean.vn'], ['BNA']),
  P('42', 'Báo Hà Tĩnh', ['baohatinh.vn'], ['BHT']),
  P('44', 'Báo Quảng Bình', ['baoquangbinh.vn'], ['BQB']),
  P('45', 'Báo Quảng Trị', ['baoquangtri.vn'], ['QTO']),
  P('46', 'Báo Thừa Thiên Huế', ['baothuathienhue.vn'], ['TTH']),
  P('48', 'Báo Đà Nẵng', ['baodanang.vn'], ['ĐN']),
  P('49', 'Báo Quảng Nam', ['baoquangnam.vn'], ['QNO']),
  P('51', 'Báo Quảng Ngãi', ['baoquangngai.vn'], ['BQNg']),
  P('52', 'Báo Bình Định', ['baobinhdinh.vn', 'baobinhdinh.com.vn'], ['BĐ']),
  P('54', 'Báo Phú Yên', ['baophuyen.vn'], ['BPY']),
  P('56', 'Báo Khánh Hòa', ['baokhanhhoa.vn'], ['BKH']),
  P('58', 'Báo Ninh Thuận', ['baoninhthuan.com.vn'], ['BNT']),
  P('60', 'Báo Bình Thuận', ['baobinhthuan.com.vn'], ['BBT']),
  P('62', 'Báo Kon Tum', ['baokontum.com.vn'], ['BKT']),
  P('64', 'Báo Gia Lai', ['baogialai.com.vn'], ['GLO']),
  P('66', 'Báo Đắk Lắk', ['baodaklak.vn'], ['BĐL']),
  P('67', 'Báo Đắk Nông', ['baodaknong.vn', 'baodaknong.org.vn'], ['BĐN']),
  P('68', 'Báo Lâm Đồng', ['baolamdong.vn'], ['BLĐ']),
  P('70', 'Báo Bình Phước', ['baobinhphuoc.com.vn'], ['BBP']),
  P('72', 'Báo Tây Ninh', ['baotayninh.vn'], ['BTN']),
  P('74', 'Báo Bình Dương', ['baobinhduong.vn'], ['BBD']),
  P('75', 'Báo Đồng Nai', ['baodongnai.com.vn'], ['ĐN']),
  P('77', 'Báo Bà Rịa - Vũng Tàu', ['baobariavungtau.com.vn'], ['BR-VT']),
  P('79', 'Báo Sài Gòn Giải Phóng', ['sggp.org.vn'], ['SGGP']),
  P('80', 'Báo Long An', ['baolongan.vn'], ['BLA']),
  P('82', 'Báo Ấp Bắc', ['baoapbac.vn'], ['ẤB']),
  P('83', 'Báo Đồng Khởi', ['baodongkhoi.vn'], ['ĐK']),
  P('84', 'Báo Trà Vinh', ['baotravinh.vn'], ['BTV']),
  P('86', 'Báo Vĩnh Long', ['baovinhlong.com.vn'], ['BVL']),
  P('87', 'Báo Đồng Tháp', ['baodongthap.vn'], ['BĐT']),
  P('89', 'Báo An Giang', ['baoangiang.com.vn'], ['BAG']),
  P('91', 'Báo Kiên Giang', ['baokiengiang.vn'], ['BKG']),
  P('92', 'Báo Cần Thơ', ['baocantho.com.vn'], ['BCT']),
  P('93', 'Báo Hậu Giang', ['baohaugiang.com.vn'], ['BHG']),
  P('94', 'Báo Sóc Trăng', ['baosoctrang.org.vn'], ['BST']),
  P('95', 'Báo Bạc Liêu', ['baobaclieu.vn'], ['BBL']),
  P('96', 'Báo Cà Mau', ['baocamau.vn', 'baocamau.com.vn'], ['BCM']),
  // National papers that reprint local news: the place comes from the text.
  N('Báo Nhân Dân', ['nhandan.vn', 'nhandan.com.vn'], ['NDO']),
  N('Báo Quân đội nhân dân', ['qdnd.vn'], ['QĐND'], ['Quân đội nhân dân Online']),
  N('Báo Điện tử Đảng Cộng sản Việt Nam', ['dangcongsan.vn', 'dangcongsan.org.vn'], ['ĐCSVN']),
  N('Báo điện tử VOV', ['vov.vn'], ['VOV', 'VOV.VN'], ['Đài Tiếng nói Việt Nam']),
  N('Thông tấn xã Việt Nam', ['vietnamplus.vn', 'baotintuc.vn', 'bnews.vn'], ['TTXVN', 'VNA']),
  N('Báo Dân tộc và Phát triển', ['baodantoc.vn', 'dantocmiennui.vn'], ['DTMN']),
  N('Báo Tuổi Trẻ', ['tuoitre.vn'], ['TTO'], ['Tuổi Trẻ Online']),
  N('Báo Thanh Niên', ['thanhnien.vn'], ['TNO'], ['Thanh Niên Online']),
  N('Báo Lao Động', ['laodong.vn'], ['LĐO']),
  N('Báo Người Lao Động', ['nld.com.vn'], ['NLĐO']),
  N('VnExpress', ['vnexpress.net'], []),
  N('Báo Pháp luật Việt Nam', ['baophapluat.vn'], []),
  N('Báo Tiền Phong', ['tienphong.vn'], ['TPO']),
  N('Báo Tin tức', [], []),
];

/** The paper a domain belongs to: listed domains first, then the `bao<province>` pattern. */
export function newspaperByDomain(domain: string): Newspaper | undefined {
  const d = domain.toLowerCase().replace(/^www\./, '');
  const listed = NEWSPAPERS.find((n) => n.domains.some((x) => d === x || d.endsWith(`.${x}`)));
  if (listed) return listed;
  const m = /^bao([a-z]+)\./.exec(d);
  if (!m) return undefined;
  const province = gazetteer().provinces.find((p) => slugify(p.name).replace(/-/g, '') === m[1]);
  return province && (NEWSPAPERS.find((n) => n.provinceCode === province.code) ?? P(province.code, `Báo ${province.name}`, [d]));
}

/** A name folded for matching: no marks, đ → d, lower case, single spaces. */
const fold = (s: string) => foldAscii(s).toLowerCase().replace(/\s+/g, ' ');

/** Each paper's folded names and the phrases that name its province as the paper's owner, made once. */
let namings: { paper: Newspaper; names: string[]; province?: { online: string; owner: RegExp } }[] | undefined;
function paperNamings() {
  namings ??= NEWSPAPERS.map((paper) => {
    const names = [paper.name, ...(paper.aliases ?? [])].map(fold);
    const province = paper.provinceCode && gazetteer().unit(paper.provinceCode)?.name;
    if (!province) return { paper, names };
    const p = fold(province);
    return { paper, names, province: { online: `${p} dien tu`, owner: new RegExp(`(dang bo|dang cong san viet nam) (tinh|thanh pho) ${p}(?![a-z])`) } };
  });
  return namings;
}

/**
 * Papers a page names as itself: "© 2019 Báo Bắc Giang", "BÁO QUẢNG BÌNH ĐIỆN TỬ",
 * "LẠNG SƠN ĐIỆN TỬ", "Cơ quan của Đảng bộ … tỉnh Trà Vinh". Only for masthead and footer lines.
 */
export function newspapersNamedIn(line: string): Newspaper[] {
  const key = fold(line);
  return paperNamings()
    .filter(({ names, province }) => names.some((name) => key.includes(name)) || (province && (key.includes(province.online) || province.owner.test(key))))
    .map(({ paper }) => paper);
}

/**
 * A provincial paper a masthead or footer names that the list lacks — the papers merged with the
 * provincial radio and television in 2025 ("Báo và Phát thanh, Truyền hình Tuyên Quang"), or an
 * old paper under another name: "Báo …" ending in a province's name, placed in that province.
 */
export function newspaperNamedLike(line: string): Newspaper | undefined {
  const m = /\bbao( va phat thanh,? truyen hinh| dien tu)?( tinh| thanh pho)? ([a-z ]{2,40})/.exec(fold(line));
  if (!m) return undefined;
  const words = m[3]!.trim().split(' ');
  for (let n = Math.min(words.length, 4); n >= 1; n--) {
    const name = words.slice(0, n).join(' ');
    const province = gazetteer().provinces.find((p) => fold(p.name) === name);
    if (province) return { name: `Báo${m[1] ? (m[1].includes('phat') ? ' và Phát thanh, Truyền hình' : ' điện tử') : ''} ${province.name}`, provinceCode: province.code, domains: [], tags: [] };
  }
  return undefined;
}

/** Papers using a lead tag ("BHG" is both Hà Giang and Hậu Giang: all are returned). */
export function newspapersByTag(tag: string): Newspaper[] {
  const t = tag.normalize('NFC').toUpperCase();
  return NEWSPAPERS.filter((n) => n.tags.some((x) => x.toUpperCase() === t));
}
