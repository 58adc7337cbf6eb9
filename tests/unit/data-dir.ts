import path from 'node:path';

/**
 * The data folder the data tests read: data/, or a copy named by JZMAP_DATA_DIR (the correction
 * tests run these same tests on a temporary copy after applying a correction to it).
 */
export const dataDir = process.env.JZMAP_DATA_DIR ? path.resolve(process.env.JZMAP_DATA_DIR) : path.resolve(import.meta.dirname, '../../data');
