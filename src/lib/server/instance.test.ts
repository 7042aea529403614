import { describe, expect, it } from 'vitest';
import {
	instanceIdentity,
	isDeadLocalProcess,
	parseInstanceId,
	parseTempTag,
	processIsAlive
} from './instance';

describe('instance identity', () => {
	it('names claims host:pid:random and temporary files host~pid', () => {
		const me = instanceIdentity('box.example:1', 4242);
		expect(me.id).toMatch(/^box\.example:1:4242:[0-9a-f]{8}$/);
		expect(parseInstanceId(me.id)).toEqual({ host: 'box.example:1', pid: 4242 });
		expect(me.tempTag).toBe('box_example_1~4242');
		expect(parseTempTag(`x.jpg.${crypto.randomUUID()}.${me.tempTag}.tmp`)).toEqual({
			host: 'box_example_1',
			pid: 4242
		});
		expect(parseTempTag('old-style.0b8f7c1e.tmp')).toBeNull();
		expect(parseInstanceId('dead')).toBeNull();
	});

	it('calls a process dead only on this host, not itself, and when its pid does not run', () => {
		const self = { host: 'box', pid: 10 };
		const alive = (pid: number) => pid === 20;
		expect(isDeadLocalProcess({ host: 'box', pid: 30 }, self, alive)).toBe(true);
		expect(isDeadLocalProcess({ host: 'box', pid: 20 }, self, alive)).toBe(false);
		expect(isDeadLocalProcess({ host: 'box', pid: 10 }, self, alive)).toBe(false);
		expect(isDeadLocalProcess({ host: 'other', pid: 30 }, self, alive)).toBe(false);
		expect(isDeadLocalProcess(null, self, alive)).toBe(false);
		expect(processIsAlive(process.pid)).toBe(true);
	});
});
