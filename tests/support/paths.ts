/** Paths tests share. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = `${ROOT}dist`;
export const CONTENT = `${ROOT}content/articles`;
export const SEEDS = `${ROOT}tests/fixtures/seeds`;
/** Scratch space for fixture builds; git-ignored. */
export const TMP = `${ROOT}tests/.tmp`;
