/**
 * Vietnamese number notation: "." groups thousands, "," is the decimal mark
 * ("1.100" = 1100, "10,4" = 10.4), and scale words multiply ("10,4 tỷ" = 10.4e9).
 */

/** Multipliers for number words that follow a numeral. */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  nghìn: 1e3,
  ngàn: 1e3,
  triệu: 1e6,
  tỷ: 1e9,
  tỉ: 1e9,
};

/**
 * Parses one Vietnamese numeral ("5.500", "10,4", "1.234.567,5", "90").
 * Returns null for anything that is not a well-formed numeral.
 */
export function parseViNumber(token: string): number | null {
  const t = token.trim();
  // Thousands groups must be exactly three digits, so "1.5" is not 15 and not 1.5.
  if (!/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(t) && !/^\d+(,\d+)?$/.test(t)) return null;
  const [int, frac] = t.split(',');
  const value = Number(int!.replace(/\./g, '') + (frac ? `.${frac}` : ''));
  return Number.isFinite(value) ? value : null;
}

/** Every numeric value a phrase states, with scale words applied: "trên 10,4 tỷ đồng" → [10400000000]. */
export function numbersInPhrase(phrase: string): number[] {
  const out: number[] = [];
  const re = /(\d[\d.,]*)(?:\s*(nghìn|ngàn|triệu|tỷ|tỉ)(?!\p{L}))?/gu;
  for (const m of phrase.matchAll(re)) {
    const raw = m[1]!.replace(/[.,]+$/, '');
    const value = parseViNumber(raw);
    if (value === null) continue;
    const scale = m[2] ? SCALE_WORDS[m[2]]! : 1;
    // Round away binary noise: 10.4 * 1e9 must equal 10400000000 exactly.
    out.push(Number((value * scale).toPrecision(12)));
  }
  return out;
}

/** Formats a number the Vietnamese way: 5500 → "5.500", 10.4 → "10,4". */
export function formatViNumber(value: number): string {
  return VI_NUMBER.format(value);
}

// One formatter for all calls: constructing one costs more than formatting with it
// (bench/results/design.md: number-formatter).
const VI_NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 });

/** Large values read the way articles write them: 10400000000 → "10,4 tỷ", 5500 → "5.500". */
export function formatViAmount(value: number): string {
  if (Math.abs(value) >= 1e9) return `${formatViNumber(Number((value / 1e9).toPrecision(12)))} tỷ`;
  if (Math.abs(value) >= 1e6) return `${formatViNumber(Number((value / 1e6).toPrecision(12)))} triệu`;
  return formatViNumber(value);
}

/** A figure as pages show it: "trên 79%", "2,8 tỷ đồng", "236 đảng viên". */
export function formatFigureAmount(f: { value: number; unit: string; qualifier?: string | undefined }): string {
  return `${f.qualifier ? `${f.qualifier} ` : ''}${formatViAmount(f.value)}${f.unit === '%' ? '%' : ` ${f.unit}`}`;
}
