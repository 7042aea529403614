import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';

// A fresh database server per test, so no test sees another's data.
beforeEach(() => {
	globalThis.indexedDB = new IDBFactory();
});
