import type { Page } from '@playwright/test';

/** Reads an audit's records straight from the page's IndexedDB, bypassing the app. */
export async function readStoredAudit(page: Page, auditId: string) {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('shopwalk');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const all = <T>(store: string, index?: string) =>
			new Promise<T[]>((resolve, reject) => {
				const source = db.transaction(store).objectStore(store);
				const request = index ? source.index(index).getAll(id) : source.getAll();
				request.onsuccess = () => resolve(request.result as T[]);
				request.onerror = () => reject(request.error);
			});
		const audit = (await all<Record<string, unknown>>('audits')).find((a) => a.id === id);
		const answers = await all<{ checkpointId: string; value: unknown }>('answers', 'by-audit');
		const notes = await all<{ checkpointId: string; text: string }>('notes', 'by-audit');
		db.close();
		return {
			audit: audit as {
				timeIn: number;
				timeOut: number | null;
				stageTimeMs: Record<string, number>;
				status: string;
			},
			answers,
			notes
		};
	}, auditId);
}

/** Facts about every stored photo of an audit, decoded by the browser itself. */
export async function readStoredPhotoFacts(page: Page, auditId: string) {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('shopwalk');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).index('by-audit').getAll(id);
				request.onsuccess = () => resolve(request.result as T[]);
				request.onerror = () => reject(request.error);
			});
		const metas = await all<{ id: string; checkpointId: string | null }>('photos');
		const bytes = await all<{ photoId: string; bytes: ArrayBuffer; type: string }>('photoBytes');
		db.close();
		const facts = [];
		for (const stored of bytes) {
			const view = new Uint8Array(stored.bytes);
			// An APP1 segment (FF E1) carries EXIF; GPS tags would sit inside it.
			let hasExif = false;
			for (let i = 2; i + 3 < view.length && view[i] === 0xff;) {
				const marker = view[i + 1]!;
				if (marker === 0xda) break;
				if (marker === 0xe1) hasExif = true;
				i += 2 + ((view[i + 2]! << 8) | view[i + 3]!);
			}
			const text = new TextDecoder('latin1').decode(view.subarray(0, 4096));
			const bitmap = await createImageBitmap(new Blob([stored.bytes], { type: stored.type }));
			facts.push({
				checkpointId: metas.find((m) => m.id === stored.photoId)?.checkpointId ?? null,
				type: stored.type,
				startsWithJpegMagic: view[0] === 0xff && view[1] === 0xd8 && view[2] === 0xff,
				hasExif,
				containsGps: text.includes('GPS') || text.includes('Exif'),
				decodedWidth: bitmap.width,
				decodedHeight: bitmap.height
			});
			bitmap.close();
		}
		return facts;
	}, auditId);
}
