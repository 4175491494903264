/**
 * The places a report names, looked up in the dated gazetteer among the units in force on its
 * date (the two-level units from 1 July 2025): typed mentions ("xã Thượng Sơn (Vị Xuyên)",
 * "TP Hạ Long", "tỉnh Quảng Nam"), province names, and an untyped place opening the headline
 * ("Đầm Hà: …"). The headline weighs most, then the lead, then each further mention.
 */
import { findNamed, gazetteer, inForce, REFORM_DATE, spelled, todayOf, unitLabel, type LocalityInput, type Named, type Unit } from '../places/gazetteer.ts';
import { stripTypePrefix } from '../places/place-names.ts';
import { escapeRegExp, foldAscii, toneKey } from '../text/vi-text.ts';
import type { Block } from './parse-report.ts';

const TYPED = /(?<![\p{L}])([xX]ã|[pP]hường|[tT]hị trấn|[hH]uyện|[qQ]uận|[tT]hị xã|[tT]hành phố|TP\.?|[tT]ỉnh|[đĐ]ặc khu)\s+((?:\p{Lu}[\p{Ll}\d’']*)(?:[\s-](?:\p{Lu}[\p{Ll}\d’']*|\d+))*)(?:\s\(([^)]{2,40})\))?/gu;
const LEVEL_OF: Record<string, 'commune' | 'district' | 'province'> = {
  xã: 'commune', phường: 'commune', 'thị trấn': 'commune', 'đặc khu': 'commune', huyện: 'district', quận: 'district', 'thị xã': 'district', 'thành phố': 'district', tp: 'district', 'tp.': 'district', tỉnh: 'province',
};
const WEIGHT = { title: 3, lead: 2, body: 1 } as const;

interface Mention {
  unit: Unit;
  score: number;
  inTitle: boolean;
  inLead: boolean;
  count: number;
}

export interface FoundPlaces {
  /** Province id on the report's date → weight of the mentions inside it. */
  provinceScores: Map<string, number>;
  /** Province id → weight of names that could be a unit inside it (a name several provinces have). */
  possibleScores: Map<string, number>;
  /** A province of the three-level system (a paper's) as the province on the report's date. */
  provinceOn(code: string | undefined): string | undefined;
  provinceName(id: string): string;
  /** The province the text speaks of most, if any; `sure` when it clearly leads. */
  topProvince(): { code: string; sure: boolean; from: string } | undefined;
  /**
   * The place the report is about inside `province`, the other places it names, and whether the
   * place below the province rests on one passing mention only.
   */
  locality(province: string): { locality: LocalityInput; places: LocalityInput[]; unsure: boolean };
}

export function findPlaces(title: string, blocks: Block[], day: string): FoundPlaces {
  const g = gazetteer();
  const reform = day >= REFORM_DATE;
  const live = (u: Unit) => u.versions.some((v) => inForce(v, day));
  const provinces = reform ? g.provinces2025 : g.provinces.filter(live);
  const levels = {
    province: provinces,
    district: reform ? [] : g.byLevel.district.filter(live),
    commune: reform ? g.provinces2025.flatMap((p) => g.childrenOf(p.id)) : g.byLevel.commune.filter(live),
  };
  const accept = (v: { from?: unknown; to?: unknown }) => reform || inForce(v as Parameters<typeof inForce>[0], day);
  // A unit's parent on the report's date, and the province it lay in.
  const parentOf = (u: Unit) => g.unit(u.versions.findLast((v) => accept(v))?.parent ?? u.parentCode ?? '');
  const provinceOf = (u: Unit): string => {
    let x: Unit | undefined = u;
    while (x && x.level !== 'province') x = parentOf(x);
    return x?.id ?? '';
  };

  // Units the data names only in ASCII (the legacy tables) take the report's spelling.
  const spellings = new Map<Unit, string>();
  const units = (found: Named[]) => {
    for (const n of found) if (n.version.fold !== undefined) spellings.set(n.unit, n.version.name);
    return found.map((n) => n.unit);
  };
  // A unit's name on the report's date.
  const name = (id: string) => {
    const u = g.unit(id);
    return (u && spellings.get(u)) ?? (u?.versions.findLast((v) => accept(v)) ?? u?.versions.at(-1))?.name ?? id;
  };

  const mentions = new Map<string, Mention>();
  const note = (unit: Unit, where: keyof typeof WEIGHT) => {
    const m = mentions.get(unit.id) ?? { unit, score: 0, inTitle: false, inLead: false, count: 0 };
    m.score += WEIGHT[where];
    m.count++;
    m.inTitle ||= where === 'title';
    m.inLead ||= where === 'lead';
    mentions.set(unit.id, m);
  };
  const provinceNames = provinces.map((p) => [p, new RegExp(`(?<![\\p{L}])${escapeRegExp(name(p.id))}(?![\\p{L}])`, 'u')] as const);
  const texts: [string, keyof typeof WEIGHT][] = [[title, 'title'], ...blocks.map((b, i): [string, keyof typeof WEIGHT] => [b.text, i === 0 ? 'lead' : 'body'])];
  const ambiguous: { found: Unit[]; where: keyof typeof WEIGHT }[] = [];
  for (const [text, where] of texts) {
    for (const m of text.matchAll(TYPED)) {
      const word = m[1]!.toLowerCase();
      let level = LEVEL_OF[word]!;
      // "thành phố Hà Nội" is a province; "thành phố Hạ Long" a district (a commune from the reform on).
      let found = units(findNamed(levels[level], `${m[1]} ${m[2]}`, accept));
      if (found.length === 0 && (word === 'thành phố' || word.startsWith('tp'))) found = units(findNamed((level = 'province', levels.province), m[2]!, accept));
      if (found.length === 0 && reform && level === 'district') continue;
      if (found.length > 1 && m[3]) {
        const hint = foldAscii(stripTypePrefix(m[3])).toLowerCase();
        const narrowed = found.filter((u) => {
          const parent = g.unit(u.versions.findLast((v) => accept(v))?.parent ?? u.parentCode ?? '');
          return parent && foldAscii(parent.name).toLowerCase() === hint;
        });
        if (narrowed.length) found = narrowed;
      }
      if (found.length === 1) {
        note(found[0]!, where);
        // Where the lead says it happened ("Ngày 17/6, tại thành phố Điện Biên Phủ, …") weighs as a headline.
        if (where === 'lead' && /\btại\s$/u.test(text.slice(Math.max(0, m.index - 4), m.index))) mentions.get(found[0]!.id)!.score += WEIGHT.title - WEIGHT.lead + 1;
      }
      else if (found.length > 1) ambiguous.push({ found, where });
    }
    // Province names without a type word: "Huyện ủy Cẩm Xuyên (Hà Tĩnh)", "Đồng Nai, Bình Dương".
    for (const [p, re] of provinceNames) if (re.test(text)) note(p, where);
  }
  // A name several units share counts where it is the only one in a province already named.
  const scores = () => {
    const s = new Map<string, number>();
    for (const m of mentions.values()) s.set(provinceOf(m.unit), (s.get(provinceOf(m.unit)) ?? 0) + m.score);
    return s;
  };
  const named = scores();
  for (const { found, where } of ambiguous) {
    const inNamed = found.filter((u) => named.has(provinceOf(u)));
    if (inNamed.length === 1) note(inNamed[0]!, where);
  }
  // An untyped place opening the headline ("Đầm Hà: …", "Thượng Sơn nâng cao …"), inside a province named.
  const headlinePlace = (province: string): Unit | undefined => {
    const headText = /^([^:]{2,30}):/.exec(title)?.[1] ?? title.split(' ').slice(0, 3).join(' ');
    const inside = [...levels.district, ...levels.commune].filter((u) => provinceOf(u) === province);
    for (let n = 3; n >= 1; n--) {
      const found = units(findNamed(inside, stripTypePrefix(headText.split(' ').slice(0, n).join(' ')), accept));
      if (found.length) return found.find((u) => mentions.has(u.id)) ?? found.find((u) => u.level === 'district') ?? found[0];
    }
    return undefined;
  };
  const provinceScores = scores();
  const possibleScores = new Map<string, number>();
  for (const { found, where } of ambiguous) for (const id of new Set(found.map(provinceOf))) possibleScores.set(id, (possibleScores.get(id) ?? 0) + WEIGHT[where]);
  const byScore = [...provinceScores].filter(([id]) => id).sort((a, b) => b[1] - a[1]);

  const about = (province: string) => {
    const local = [...mentions.values()].filter((m) => m.unit.level !== 'province' && provinceOf(m.unit) === province);
    const head = headlinePlace(province);
    if (head && !local.some((m) => m.unit === head)) local.push({ unit: head, score: WEIGHT.title, inTitle: true, inLead: false, count: 1 });
    else if (head) local.find((m) => m.unit === head)!.inTitle = true;
    const rank = (m: Mention) => (m.inTitle ? 1000 : 0) + (m.inTitle ? (m.unit.level === 'commune' ? 20 : 10) : 0) + m.score;
    let best = local.sort((a, b) => rank(b) - rank(a))[0];
    // "Văn Lãng: …" over a lead about "xã Hoàng Việt, huyện Văn Lãng": the commune, inside the district.
    if (best?.unit.level === 'district') {
      const district = best.unit;
      const inside = (u: Unit) => u.level === 'commune' && parentOf(u)?.id === district.id;
      const named = local.filter((m) => inside(m.unit) && (m.inTitle || m.inLead));
      const shared = ambiguous.filter((a) => a.where !== 'body').map((a) => a.found.filter(inside)).filter((f) => f.length === 1).map((f) => f[0]!);
      const pick = named.length === 1 ? named[0] : named.length === 0 && new Set(shared).size === 1 ? { unit: shared[0]!, score: 0, inTitle: false, inLead: true, count: 1 } : undefined;
      if (pick) best = pick;
    }
    return { local, best };
  };
  const labelled = (u: Unit) => {
    const twins = g.childrenOf(u.parentCode ?? '').filter((s) => s !== u && toneKey(s.name) === toneKey(u.name));
    const found = u.versions.findLast((x) => accept(x)) ?? u.versions.at(-1)!;
    const v = spellings.has(u) ? spelled(found, spellings.get(u)!) : found;
    return twins.length ? unitLabel(v) : v.name;
  };
  const chain = (u: Unit, province: string): LocalityInput => {
    if (reform) return { province: name(province), ...(u.level === 'commune' && { commune: labelled(u) }) };
    const d = u.level === 'commune' ? parentOf(u) : u.level === 'district' ? u : undefined;
    return { province: name(province), ...(d && { district: labelled(d) }), ...(u.level === 'commune' && { commune: labelled(u) }) };
  };

  return {
    provinceScores,
    possibleScores,
    provinceOn(code) {
      if (!code) return undefined;
      const old = g.unit(code);
      if (!old) return undefined;
      return reform ? todayOf(old).province.id : old.id;
    },
    provinceName: name,
    topProvince() {
      const [first, second] = byScore;
      if (!first) return undefined;
      // Clearly ahead: twice the next, or half again as much and named in the headline or lead.
      const headed = [...mentions.values()].some((m) => provinceOf(m.unit) === first[0] && (m.inTitle || m.inLead));
      const sure = first[1] >= 3 && (!second || second[1] * 2 <= first[1] || (headed && second[1] * 1.5 <= first[1]));
      const from = [...mentions.values()]
        .filter((m) => provinceOf(m.unit) === first[0])
        .sort((a, b) => b.score - a.score)
        .slice(0, 3)
        .map((m) => `${unitLabel({ type: m.unit.versions.at(-1)!.type, name: spellings.get(m.unit) ?? m.unit.versions.at(-1)!.name })}${m.count > 1 ? ` ×${m.count}` : ''}`)
        .join(', ');
      return { code: first[0], sure, from };
    },
    locality(province) {
      const { local, best } = about(province);
      const locality = best ? chain(best.unit, province) : { province: name(province) };
      const key = (l: LocalityInput) => JSON.stringify(l);
      const seen = new Set([key(locality)]);
      const places: LocalityInput[] = [];
      const add = (l: LocalityInput) => {
        if (!seen.has(key(l))) places.push(l);
        seen.add(key(l));
      };
      for (const m of local) if (m !== best && m.unit.level === 'commune') add(chain(m.unit, province));
      // A report about several provinces: each other province it speaks of more than in passing.
      for (const [id, score] of byScore) if (id !== province && score >= 3) add({ province: name(id) });
      // The place below the province rests on one passing mention only.
      const unsure = best !== undefined && !best.inTitle && !best.inLead && best.count === 1;
      return { locality, places, unsure };
    },
  };
}

