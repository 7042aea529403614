export { AuditStore, type NewPhoto, type PendingSummary, type PhotoBytes } from './audit-store';
export { getDeviceId } from './device';
export { OutboxStore, type AttemptFailure } from './outbox-store';
export { ReferenceStore, type PulledData } from './reference-store';
export {
	closedReason,
	openShopwalkDb,
	type ClosedReason,
	type OpenShopwalkDbOptions
} from './open-db';
export type {
	AnswerRecord,
	AssignmentRecord,
	BinaryInput,
	NoteRecord,
	OutboxEntry,
	PhotoBytesRecord,
	PhotoKind,
	PhotoMeta,
	PhotoType,
	ReviewRecord,
	TemplateRecord
} from './records';
export { DB_VERSION, type ShopwalkDb, type ShopwalkSchema } from './schema';
export { StorageError, toStorageError, type StorageErrorReason } from './storage-errors';
export {
	checkRoomForPhoto,
	estimateFreeSpace,
	requestPersistentStorage,
	type RoomForPhoto,
	type SpaceEstimate,
	type StorageManagerLike
} from './storage-health';
