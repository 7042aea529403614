import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/require-user';
import { respond } from '$lib/server/http/api-error';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => respond(async () => json(requireUser(locals)));
