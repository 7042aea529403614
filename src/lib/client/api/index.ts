export {
	createApiClient,
	type ApiClient,
	type ApiClientOptions,
	type PhotoUploadResponse
} from './api-client';
export {
	ApiRequestError,
	isRetryableReason,
	reasonForStatus,
	type ApiErrorReason
} from './api-error';
export type { FetchLike } from './request';
