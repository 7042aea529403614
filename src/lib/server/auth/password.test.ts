import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, TEST_SCRYPT, verifyPassword } from './password';

describe('password hashing', () => {
	it('stores the parameters, salt and 64-byte key with the hash', async () => {
		const stored = await hashPassword('hemmeligt', TEST_SCRYPT);
		const parts = stored.split('$');
		expect(parts.slice(0, 4)).toEqual(['scrypt', '10', '8', '1']);
		expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
		expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(64);
	});

	it('uses N=2^17, r=8, p=1 by default, which needs the raised maxmem', async () => {
		expect(DEFAULT_SCRYPT).toEqual({ logN: 17, r: 8, p: 1 });
		const stored = await hashPassword('production cost');
		expect(stored.startsWith('scrypt$17$8$1$')).toBe(true);
		expect(await verifyPassword('production cost', stored)).toBe(true);
	});

	it('accepts the right password and refuses a wrong one', async () => {
		const stored = await hashPassword('rigtig-kode', TEST_SCRYPT);
		expect(await verifyPassword('rigtig-kode', stored)).toBe(true);
		expect(await verifyPassword('rigtig-kodE', stored)).toBe(false);
		expect(await verifyPassword('', stored)).toBe(false);
	});

	it('salts every hash differently', async () => {
		const a = await hashPassword('same', TEST_SCRYPT);
		const b = await hashPassword('same', TEST_SCRYPT);
		expect(a).not.toBe(b);
	});

	it('verifies with the parameters stored in the hash, not the current default', async () => {
		const stored = await hashPassword('old cost', { logN: 11, r: 4, p: 2 });
		expect(stored.startsWith('scrypt$11$4$2$')).toBe(true);
		expect(await verifyPassword('old cost', stored)).toBe(true);
	});

	it('never matches a malformed or absurd stored hash', async () => {
		const stored = await hashPassword('x', TEST_SCRYPT);
		const [, , , , salt, key] = stored.split('$');
		expect(await verifyPassword('x', `bcrypt$10$8$1$${salt}$${key}`)).toBe(false);
		expect(await verifyPassword('x', `scrypt$30$8$1$${salt}$${key}`)).toBe(false);
		expect(await verifyPassword('x', `scrypt$10$8$1$${salt}`)).toBe(false);
		expect(await verifyPassword('x', '')).toBe(false);
	});
});
