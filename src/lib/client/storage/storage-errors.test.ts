import { describe, expect, it } from 'vitest';
import { StorageError, toStorageError } from './storage-errors';

describe('toStorageError', () => {
	it.each([
		['QuotaExceededError', 'quota_exceeded'],
		['ConstraintError', 'conflict'],
		['InvalidStateError', 'unavailable'],
		['NotFoundError', 'unavailable'],
		['SecurityError', 'unavailable'],
		['VersionError', 'unavailable'],
		['DataError', 'unknown'],
		['UnknownError', 'unknown']
	])('maps a DOMException %s to %s and keeps it as the cause', (name, reason) => {
		const cause = new DOMException('boom', name);
		const error = toStorageError(cause);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe(reason);
		expect(error.cause).toBe(cause);
		expect(error.message).toContain(name);
	});

	it('passes a StorageError through unchanged', () => {
		const original = new StorageError('read_only', 'locked');
		expect(toStorageError(original)).toBe(original);
	});

	it('maps anything else to unknown', () => {
		expect(toStorageError(new TypeError('bad')).reason).toBe('unknown');
		expect(toStorageError('text').reason).toBe('unknown');
		expect(toStorageError(null).message).toBe('null');
	});
});
