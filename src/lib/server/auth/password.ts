import {
	randomBytes,
	scrypt as scryptCallback,
	timingSafeEqual,
	type ScryptOptions
} from 'node:crypto';

/** scrypt cost parameters; stored with every hash so verification always uses the hash's own. */
export interface ScryptParams {
	/** log2 of N, the CPU/memory cost. */
	logN: number;
	r: number;
	p: number;
}

/** The production cost: N=2^17, r=8, p=1 (OWASP's scrypt recommendation). */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };

/** A cheap cost for tests only: hashing at the production cost takes a few hundred ms each. */
export const TEST_SCRYPT: ScryptParams = { logN: 10, r: 8, p: 1 };

const KEY_BYTES = 64;
const SALT_BYTES = 16;
// Node's default maxmem (32 MiB) throws for N >= 2^15 at r=8; 128·N·r is 128 MiB at N=2^17.
const MAX_MEM = 256 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions) {
	return new Promise<Buffer>((resolve, reject) => {
		scryptCallback(password.normalize('NFC'), salt, keylen, options, (error, key) =>
			error ? reject(error) : resolve(key)
		);
	});
}

function options(params: ScryptParams): ScryptOptions {
	return { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: MAX_MEM };
}

/** Hashes a password as `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`; `params` is for tests. */
export async function hashPassword(
	password: string,
	params: ScryptParams = DEFAULT_SCRYPT
): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const key = await scrypt(password, salt, KEY_BYTES, options(params));
	return [
		'scrypt',
		params.logN,
		params.r,
		params.p,
		salt.toString('base64'),
		key.toString('base64')
	].join('$');
}

/**
 * True when `password` matches `stored`, compared in constant time with the parameters stored in
 * the hash. A malformed or out-of-range stored hash never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parseHash(stored);
	if (!parsed) return false;
	const key = await scrypt(password, parsed.salt, parsed.hash.length, options(parsed.params));
	return timingSafeEqual(key, parsed.hash);
}

function parseHash(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
	const [logN, r, p] = parts
		.slice(1, 4)
		.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
	// Bounds keep a tampered row from asking for gigabytes of memory or hours of CPU.
	if (logN === undefined || r === undefined || p === undefined) return null;
	if (!(logN >= 1 && logN <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16)) return null;
	if (128 * 2 ** logN * r > MAX_MEM) return null;
	const salt = Buffer.from(parts[4] ?? '', 'base64');
	const hash = Buffer.from(parts[5] ?? '', 'base64');
	if (salt.length < 8 || hash.length < 16) return null;
	return { params: { logN, r, p }, salt, hash };
}
