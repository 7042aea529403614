import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** Who this process is: its host, its pid, and the names it leaves on claims and temporary files. */
export interface InstanceIdentity {
	host: string;
	pid: number;
	/** `${host}:${pid}:${random}`: unique per process start; a report job's claim names it. */
	id: string;
	/** `${host}~${pid}` with the host made file-name safe: part of every temporary file it writes. */
	tempTag: string;
}

const safeHost = (host: string) => host.replace(/[^A-Za-z0-9-]/g, '_') || 'host';

/** The identity of a process on `host` with `pid` (this process by default). */
export function instanceIdentity(
	host: string = hostname(),
	pid: number = process.pid
): InstanceIdentity {
	return {
		host,
		pid,
		id: `${host}:${pid}:${randomUUID().slice(0, 8)}`,
		tempTag: `${safeHost(host)}~${pid}`
	};
}

/** The host and pid an instance id (`host:pid:random`) names, or null for any other string. */
export function parseInstanceId(id: string): { host: string; pid: number } | null {
	const parts = id.split(':');
	if (parts.length < 3) return null;
	const pid = Number(parts.at(-2));
	const host = parts.slice(0, -2).join(':');
	return Number.isSafeInteger(pid) && pid > 0 && host ? { host, pid } : null;
}

/** The host tag and pid in a temporary file's name (`….<host>~<pid>.tmp`), or null. */
export function parseTempTag(name: string): { host: string; pid: number } | null {
	const match = /\.([A-Za-z0-9_-]+)~(\d+)\.tmp$/.exec(name);
	return match ? { host: match[1]!, pid: Number(match[2]) } : null;
}

/** Whether a process with this pid exists on this machine (EPERM: it exists, owned by another user). */
export function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * True when `other` (host and pid) is a process of this host that no longer runs: only then is
 * it certainly dead. Another host's process, or a live pid (maybe reused), is never called dead —
 * those are left to the age or lease rules. Assumes hosts sharing a data folder or database have
 * distinct host names (containers do by default; pid namespaces make pids of another container
 * meaningless here).
 */
export function isDeadLocalProcess(
	other: { host: string; pid: number } | null,
	self: Pick<InstanceIdentity, 'host' | 'pid'>,
	alive: (pid: number) => boolean = processIsAlive
): boolean {
	if (!other) return false;
	const sameHost = other.host === self.host || other.host === safeHost(self.host);
	return sameHost && other.pid !== self.pid && !alive(other.pid);
}
