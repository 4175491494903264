/**
 * Reads what a Pagefind bundle's files must hold, from its metadata file (`pagefind.*.pf_meta`),
 * so that files kept from a previous build can be checked before they are trusted
 * (src/integrations/pagefind.ts, `keepUnchanged`). Pagefind writes its files gzipped, after a
 * 12-byte signature, as CBOR (minicbor: a struct is an array of its fields, in field order).
 */
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** A Pagefind file's bytes: un-gzipped, without the signature. */
function pagefindBytes(file: Buffer): Buffer {
  const raw = file.subarray(0, SIGNATURE.length).toString('latin1') === SIGNATURE ? file : gunzipSync(file);
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error('not a Pagefind file (no signature)');
  return raw.subarray(SIGNATURE.length);
}

type Cbor = number | bigint | string | Buffer | boolean | null | undefined | Cbor[] | Map<Cbor, Cbor>;

/** Bytes that follow a head to hold its argument, by the head's additional information (24–27). */
const ARGUMENT_BYTES: Record<number, number> = { 24: 1, 25: 2, 26: 4, 27: 8 };

/**
 * The argument of a CBOR head whose additional information is `info`, read from `at` (just after
 * the head's byte): its value and the offset after it; undefined for an indefinite or reserved
 * length, or one past the end.
 */
function readArgument(bytes: Buffer, at: number, info: number): [number, number] | undefined {
  if (info < 24) return [info, at];
  const size = ARGUMENT_BYTES[info];
  if (size === undefined || at + size > bytes.length) return undefined;
  return [size === 8 ? Number(bytes.readBigUInt64BE(at)) : bytes.readUIntBE(at, size), at + size];
}

/**
 * The first text in a CBOR item, descending into first elements of arrays: an index chunk's first
 * word, without decoding the rest of the chunk.
 */
export function firstCborText(bytes: Buffer): string | undefined {
  let at = 0;
  while (at < bytes.length) {
    const head = bytes[at]!;
    const [major, info] = [head >> 5, head & 31];
    const argument = major === 3 || major === 4 ? readArgument(bytes, at + 1, info) : undefined;
    if (!argument) return undefined;
    const [n, next] = argument;
    at = next;
    if (major === 3) return at + n <= bytes.length ? bytes.toString('utf8', at, at + n) : undefined;
    if (n === 0) return undefined;
  }
  return undefined;
}

/** Decodes one CBOR item (RFC 8949, definite lengths: all minicbor writes). */
export function decodeCbor(bytes: Buffer): Cbor {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`CBOR: ${why} at byte ${at}`);
  };
  const need = (n: number) => {
    if (at + n > bytes.length) fail('unexpected end');
  };
  const length = (info: number): number => {
    const argument = readArgument(bytes, at, info) ?? fail(info > 27 ? `indefinite or reserved length ${info}` : 'unexpected end');
    at = argument[1];
    return argument[0];
  };
  const item = (): Cbor => {
    need(1);
    const head = bytes[at++]!;
    const [major, info] = [head >> 5, head & 31];
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const n = length(info);
        need(n);
        const part = bytes.subarray(at, (at += n));
        return major === 2 ? Buffer.from(part) : part.toString('utf8');
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5: {
        const map = new Map<Cbor, Cbor>();
        for (let n = length(info); n > 0; n--) map.set(item(), item());
        return map;
      }
      case 6:
        length(info);
        return item();
      default: {
        if (info === 20 || info === 21) return info === 21;
        if (info === 22) return null;
        if (info === 23) return undefined;
        const size = info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : fail(`simple value ${info}`);
        need(size);
        const value = size === 2 ? half(bytes.readUInt16BE(at)) : size === 4 ? bytes.readFloatBE(at) : bytes.readDoubleBE(at);
        at += size;
        return value;
      }
    }
  };
  const value = item();
  if (at !== bytes.length) fail('bytes after the item');
  return value;
}

/** An IEEE 754 half-precision float. */
function half(bits: number): number {
  const exp = (bits >> 10) & 31;
  const frac = bits & 1023;
  const sign = bits >> 15 ? -1 : 1;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/** What a bundle's metadata says of its files: each named by its hash. */
export interface PagefindMeta {
  version: string;
  /** Fragments, one per page, with the page's word count. */
  pages: { hash: string; wordCount: number }[];
  /** Index chunks: the first word each holds starts with `from`, the last with `to` (the shortest prefixes that set them apart). */
  chunks: { hash: string; from: string; to: string }[];
  /** Filter files, with the filter each is for. */
  filters: { hash: string; filter: string }[];
}

/** Reads a `pagefind.*.pf_meta` file (as written: gzipped). Throws if its layout is not Pagefind 1.x's. */
export function readPagefindMeta(file: Buffer): PagefindMeta {
  const meta = decodeCbor(pagefindBytes(file));
  const list = (v: Cbor, what: string): Cbor[][] => {
    if (!Array.isArray(v) || !v.every(Array.isArray)) throw new Error(`Pagefind metadata: ${what} is not a list`);
    return v as Cbor[][];
  };
  const text = (v: Cbor, what: string): string => {
    if (typeof v !== 'string') throw new Error(`Pagefind metadata: ${what} is not text`);
    return v;
  };
  if (!Array.isArray(meta) || meta.length < 4) throw new Error('Pagefind metadata: not the list of fields Pagefind 1.x writes');
  return {
    version: text(meta[0], 'version'),
    pages: list(meta[1], 'pages').map((p) => {
      if (typeof p[1] !== 'number') throw new Error('Pagefind metadata: a page has no word count');
      return { hash: text(p[0], 'a page hash'), wordCount: p[1] };
    }),
    chunks: list(meta[2], 'index chunks').map((c) => ({ from: text(c[0], 'a chunk start'), to: text(c[1], 'a chunk end'), hash: text(c[2], 'a chunk hash') })),
    filters: list(meta[3], 'filters').map((f) => ({ filter: text(f[0], 'a filter name'), hash: text(f[1], 'a filter hash') })),
  };
}

/** A string as CBOR text: how it appears inside the file that holds it. */
function cborText(s: string): Buffer {
  const body = Buffer.from(s, 'utf8');
  const n = body.length;
  const head = n < 24 ? [0x60 | n] : n < 256 ? [0x78, n] : n < 65536 ? [0x79, n >> 8, n & 255] : [0x7a, n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  return Buffer.concat([Buffer.from(head), body]);
}

/**
 * Every file a bundle's metadata names (its path in the bundle), with a check that a file's bytes
 * are plausibly that file: a fragment with the page's word count, an index chunk whose first word
 * starts with `from` and which holds `to` (the start of its last word), a filter file holding its
 * filter's name. Names are 7 hex digits of a hash, so two contents can share one, and a file kept
 * from an earlier build would then be taken for the new one.
 */
export function bundleFiles(meta: PagefindMeta): Map<string, (file: Buffer) => boolean> {
  const fits = (test: (body: Buffer) => boolean) => (file: Buffer) => {
    try {
      return test(pagefindBytes(file));
    } catch {
      return false;
    }
  };
  return new Map([
    // The field as serde_json writes it: quotes inside the page's text are escaped, so only the field matches.
    ...meta.pages.map((p) => [`fragment/${p.hash}.pf_fragment`, fits((b) => b.includes(`"word_count":${p.wordCount},`) || b.includes(`"word_count":${p.wordCount}}`))] as const),
    ...meta.chunks.map((c) => [`index/${c.hash}.pf_index`, fits((b) => Boolean(firstCborText(b)?.startsWith(c.from)) && b.includes(Buffer.from(c.to, 'utf8')))] as const),
    ...meta.filters.map((f) => [`filter/${f.hash}.pf_filter`, fits((b) => b.includes(cborText(f.filter)))] as const),
  ]);
}
