import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	type KeyObject
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/connect';
import { saveSealKey } from '../repos/seals';

/** An organisation's signing key in hand: the private key and the public key's fingerprint. */
export interface SigningKey {
	keyId: string;
	privateKey: KeyObject;
	publicKeyDer: Buffer;
}

const cache = new Map<string, Promise<SigningKey>>();

/**
 * Where the organisations' private keys are kept: `SEAL_KEY_DIR` when set (a secrets mount, say),
 * else `seal-keys/` in the data folder. One PEM file per organisation, made on first use with
 * mode 0600 and never overwritten. Keep the folder in backups: without it new seals get a new key
 * (old seals stay verifiable, since the public keys are in the database).
 */
export function sealKeyDir(
	dataDir: string,
	env: Record<string, string | undefined> = process.env
): string {
	return env.SEAL_KEY_DIR || join(dataDir, 'seal-keys');
}

/**
 * The organisation's Ed25519 signing key: read from its file, or made and written there when
 * there is none (exclusive create: of two instances starting at once, one writes and both then
 * read the same key). Its public key is recorded in `seal_keys` so verification needs no file.
 */
export function organisationSigningKey(
	db: Db,
	keyDir: string,
	organisationId: string
): Promise<SigningKey> {
	const cacheKey = `${keyDir}\u0000${organisationId}`;
	let key = cache.get(cacheKey);
	if (!key) {
		key = loadOrCreate(db, keyDir, organisationId);
		cache.set(cacheKey, key);
		key.catch(() => cache.delete(cacheKey));
	}
	return key;
}

async function loadOrCreate(db: Db, keyDir: string, organisationId: string): Promise<SigningKey> {
	// The organisation id named as a hash: any id is a safe file name.
	const file = join(
		keyDir,
		`${createHash('sha256').update(organisationId).digest('hex').slice(0, 32)}.pem`
	);
	await mkdir(keyDir, { recursive: true, mode: 0o700 });
	let pem: string;
	try {
		pem = await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		const { privateKey } = generateKeyPairSync('ed25519');
		const made = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		try {
			await writeFile(file, made, { flag: 'wx', mode: 0o600 });
			pem = made;
		} catch (raced) {
			if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
			pem = await readFile(file, 'utf8');
		}
	}
	const privateKey = createPrivateKey(pem);
	if (privateKey.asymmetricKeyType !== 'ed25519') {
		throw new Error(`The seal key in ${file} is not an Ed25519 key`);
	}
	const publicKeyDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
	const keyId = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
	await saveSealKey(db, {
		id: keyId,
		organisation_id: organisationId,
		public_key: publicKeyDer.toString('base64'),
		created_at: Date.now()
	});
	return { keyId, privateKey, publicKeyDer };
}

/** Forgets cached keys (tests that change the key folder). */
export function forgetSigningKeys(): void {
	cache.clear();
}

/**
 * Makes (or reads) the signing key of every organisation at start, so keys exist before the first
 * seal; an organisation created later gets its key on first use. Bounded: past 10,000
 * organisations the rest are made lazily too.
 */
export async function ensureSigningKeys(db: Db, keyDir: string): Promise<number> {
	const organisations = await db
		.selectFrom('organisations')
		.select('id')
		.orderBy('id')
		.limit(10_000)
		.execute();
	for (const { id } of organisations) await organisationSigningKey(db, keyDir, id);
	return organisations.length;
}
