import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sweepTempFiles, tempPathFor } from './temp-files';

describe('sweepTempFiles', () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('removes old temporary files and those of dead local writers, keeps live and foreign young ones', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-sweep-'));
		dirs.push(dataDir);
		const now = Date.now();
		const file = (folder: string, name: string, ageMs = 0) => {
			const dir = join(dataDir, folder, 'org-1', 'audit');
			mkdirSync(dir, { recursive: true });
			const path = join(dir, name);
			writeFileSync(path, 'x');
			const at = (now - ageMs) / 1000;
			utimesSync(path, at, at);
			return path;
		};
		const self = { host: 'box', pid: 10 };
		const alive = (pid: number) => pid === 10 || pid === 20;
		const oldForeign = file('photos', 'a.jpg.1.other~20.tmp', 11 * 60_000);
		const oldUntagged = file('reports', 'v1.pdf.0b8f.tmp', 11 * 60_000);
		const deadLocal = file('report-photos', 'p.jpg.2.box~30.tmp');
		const liveLocal = file('report-photos', 'q.jpg.3.box~20.tmp');
		const mine = file('reports', 'v2.pdf.4.box~10.tmp');
		const youngForeign = file('photos', '.b.5.other~30.tmp', 60_000);
		const stored = file('photos', 'c.jpg', 60 * 60_000);
		const outside = join(dataDir, 'shopwalk.sqlite.tmp');
		writeFileSync(outside, 'x');

		const removed = await sweepTempFiles(dataDir, { now, self, alive });
		expect(removed.sort()).toEqual([oldForeign, oldUntagged, deadLocal].sort());
		for (const kept of [liveLocal, mine, youngForeign, stored, outside]) {
			expect(existsSync(kept)).toBe(true);
		}
	});

	it('names temporary files after their writer', () => {
		expect(tempPathFor('/d/v1.pdf', 'box~10')).toMatch(
			/^\/d\/v1\.pdf\.[0-9a-f-]{36}\.box~10\.tmp$/
		);
	});

	it('copes with a data folder that has none of the folders yet', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-sweep-'));
		dirs.push(dataDir);
		expect(await sweepTempFiles(dataDir, { now: Date.now() })).toEqual([]);
	});
});
