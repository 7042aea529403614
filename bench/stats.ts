// Shared by the browser and the server benchmarks: the row format and the statistics. Pure, so
// it runs in either environment.

/** One row of bench/results/latest.json, in the format of shared/design/testing.md. */
export interface BenchRow {
	id: string;
	value: number;
	unit: string;
	peer?: string;
	peerValue?: number;
	ratio?: number;
	budget?: string;
	pass: boolean;
	note?: string;
}

/** Median of a sample. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile, p in 0..100. */
export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1]!;
}
