import type { Db } from '../db/connect';
import { createDiskPhotoStore, type PhotoStore } from '../files/photo-store';

/** What services need from the server: the database, the data folder, optionally a photo store. */
export interface ServiceContext {
	db: Db;
	dataDir: string;
	/** Defaults to photos on disk under `dataDir`. */
	photoStore?: PhotoStore;
}

/** The photo store of `ctx`: the one given, or the disk store in its data folder. */
export function photoStoreOf(ctx: ServiceContext): PhotoStore {
	return ctx.photoStore ?? createDiskPhotoStore(ctx.dataDir);
}
