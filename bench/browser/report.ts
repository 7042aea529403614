import { commands } from 'vitest/browser';
import type { BenchRow } from '../stats';

export { median, percentile, type BenchRow } from '../stats';

/** Writes a benchmark's rows where bench/run.js collects them (bench/results/parts/<name>.json). */
export async function writeBenchRows(name: string, rows: BenchRow[]): Promise<void> {
	await commands.writeFile(`bench/results/parts/${name}.json`, JSON.stringify(rows, null, 2));
}
