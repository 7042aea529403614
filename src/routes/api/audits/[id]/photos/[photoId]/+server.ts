import { json } from '@sveltejs/kit';
import { CONTENT_SHA256_HEADER, MAX_PHOTO_UPLOAD_BYTES } from '$lib/contract/api-paths';
import { requireFieldWorker } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { ApiFailure, respond } from '$lib/server/http/api-error';
import { readBytes } from '$lib/server/http/read-body';
import { uploadPhoto } from '$lib/server/services/photo-upload';
import type { RequestHandler } from './$types';

/** One photo's bytes, raw `image/jpeg`, with their SHA-256 in `x-content-sha256`. */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireFieldWorker(locals);
		const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
		if (type !== 'image/jpeg') {
			throw new ApiFailure(415, 'unsupported_media_type', 'Send the photo as image/jpeg.');
		}
		const bytes = await readBytes(request, MAX_PHOTO_UPLOAD_BYTES);
		const ctx = await getServerContext();
		const result = await uploadPhoto(
			ctx,
			user,
			{
				auditId: params.id,
				photoId: params.photoId,
				bytes,
				declaredSha256: request.headers.get(CONTENT_SHA256_HEADER)
			},
			Date.now()
		);
		return json(result);
	});
