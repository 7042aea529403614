import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { WaveInputSchema } from '$lib/contract/office';
import { requireReviewer } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { planWave } from '$lib/server/services/visits';
import type { RequestHandler } from './$types';

/** Plans a wave in one transaction: every visit, or none (422 `invalid_wave` with every problem). */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireReviewer(locals);
		const input = await readJson(request, WaveInputSchema, MAX_JSON_BODY_BYTES);
		return json(await planWave(await getServerContext(), user, input, Date.now()), {
			status: 201
		});
	});
