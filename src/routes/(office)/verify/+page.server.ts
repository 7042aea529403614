import { getServerContext } from '$lib/server/context';
import { verifyTypedCode, verifyUploadedReport } from '$lib/server/seal/verify-request';
import type { Actions, PageServerLoad } from './$types';

function clientAddress(getClientAddress: () => string): string | null {
	try {
		return getClientAddress();
	} catch {
		return null;
	}
}

/**
 * The public verify page (no sign-in): `?code=` checks a typed or scanned code. It answers only
 * whether the code is genuine, which version it is and whether a newer one exists.
 */
export const load: PageServerLoad = async (event) => {
	const code = event.url.searchParams.get('code');
	if (code === null || code.trim() === '') return { code: '', outcome: null };
	const { db } = await getServerContext();
	const outcome = await verifyTypedCode(
		db,
		clientAddress(event.getClientAddress),
		code,
		Date.now()
	);
	return { code: code.slice(0, 64), outcome };
};

/** Upload a report PDF (a plain multipart form post; enhanced with JavaScript). */
export const actions: Actions = {
	upload: async (event) => {
		const form = await event.request.formData();
		const { db } = await getServerContext();
		const outcome = await verifyUploadedReport(
			db,
			clientAddress(event.getClientAddress),
			form.get('report'),
			Date.now()
		);
		return { outcome };
	}
};
