/**
 * The shape of the dated gazetteer (src/data/places.json, written by `npm run places:data`):
 * every administrative unit with the dates its names were in force and where it went.
 */

/** Administrative level of a unit. */
export type Level = 'province' | 'district' | 'commune';

/**
 * When something happened: a day ("2025-07-01"), or a span when the data only bounds it —
 * after the first day, on or before the second (["2024-05-01", "2024-11-01"]).
 */
export type Bound = string | readonly [string, string];

/** What became of a unit: merged with others into one, split over several, or one-to-one. */
export type LinkKind = 'merged' | 'split' | 'renamed' | 'reclassified' | 'continued';

/**
 * One name a unit had, with its type, its parent and the time it was in force. Its source is the
 * snapshot dated latest(from) (the oldest snapshot when absent), or the reform's data for "2025-" units.
 */
export interface VersionRecord {
  /** tinh, thanh-pho, huyen, quan, thi-xa, xa, phuong, thi-tran, dac-khu. */
  type: string;
  /** Official name without the type word, NFC; with `ascii`, the source's folded key ("haitrach"). */
  name: string;
  /** The source gives the name only folded to ASCII (the legacy tables): an editor's spelling names it. */
  ascii?: true;
  /** Id of the parent unit. */
  parent?: string;
  /** In force from (absent: before the oldest source). */
  from?: Bound;
  /** In force until, exclusive (absent: still in force). */
  to?: Bound;
}

/** A successor of a unit. */
export interface LinkRecord {
  id: string;
  kind: LinkKind;
  /** Absent: the reform's day, REFORM_DATE. */
  date?: Bound;
  /** Id of the source that gives the link; absent: the reform's data. */
  src?: string;
  /** The page or resolution the source cites for this change (a URL), where it gives one. */
  ref?: string;
}

/**
 * One unit through time. Ids: the GSO code for units of the three-level system (1976–2025);
 * "2025-" and the code for the two-level units from 1 July 2025 (codes were reused).
 */
export interface PlaceRecord {
  id: string;
  level: Level;
  /** Its names, oldest first. */
  v: VersionRecord[];
  next?: LinkRecord[];
}

/** A dataset the gazetteer was built from. */
export interface SourceRecord {
  id: string;
  name: string;
  version: string;
  /** The day the data describes. */
  date: string;
  licence: string;
  what: string;
}

/** The file as written. */
export interface PlacesFile {
  sources: SourceRecord[];
  places: PlaceRecord[];
}

/** Legal source of the reform, for pages and data downloads. */
export const REFORM_SOURCE = 'Nghị quyết số 202/2025/QH15 của Quốc hội (12/6/2025) và các nghị quyết sắp xếp đơn vị hành chính cấp xã, hiệu lực từ 1/7/2025';

/** The day the district level was abolished and 63 provinces became 34 (Nghị quyết 202/2025/QH15). */
export const REFORM_DATE = '2025-07-01';

/** The earliest day a bound allows. */
export const earliest = (b: Bound): string => (typeof b === 'string' ? b : b[0]);
/** The latest day a bound allows. */
export const latest = (b: Bound): string => (typeof b === 'string' ? b : b[1]);
