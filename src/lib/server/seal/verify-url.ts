/**
 * The public verify page's address, as printed on reports: `PUBLIC_ORIGIN`, else `ORIGIN` (the
 * address tablets use), else `http://localhost:$PORT`. `url` carries the code for the QR code.
 */
export function verifyPageUrl(env: Record<string, string | undefined> = process.env): string {
	const origin = (
		env.PUBLIC_ORIGIN ||
		env.ORIGIN ||
		`http://localhost:${env.PORT || 3000}`
	).replace(/\/+$/, '');
	return `${origin}/verify`;
}

/** The verify page's address for one code (what the report's QR code holds). */
export function verifyCodeUrl(code: string, env?: Record<string, string | undefined>): string {
	return `${verifyPageUrl(env)}?code=${encodeURIComponent(code)}`;
}
