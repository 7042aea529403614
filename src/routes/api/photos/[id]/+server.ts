import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readPhoto } from '$lib/server/services/photo-read';
import type { RequestHandler } from './$types';

/** The JPEG of a stored photo, for readers of its audit. The bytes of an id never change. */
export const GET: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		const photo = await readPhoto(ctx, user, params.id);
		const headers = {
			'content-type': 'image/jpeg',
			'cache-control': 'private, max-age=31536000, immutable',
			etag: `"${photo.sha256}"`,
			'x-content-type-options': 'nosniff',
			'content-disposition': 'inline'
		};
		if (request.headers.get('if-none-match') === headers.etag) {
			return new Response(null, { status: 304, headers });
		}
		return new Response(photo.bytes, {
			headers: { ...headers, 'content-length': String(photo.bytes.byteLength) }
		});
	});
