import type { SessionUser } from '$lib/contract/auth';
import type { VisitInput, WaveInput } from '$lib/contract/office';
import { getLocation } from '../repos/locations';
import type { ServiceContext } from '../services/context';
import { parseVisitInput, parseWaveInput } from '../services/visits';
import { briefFromForm, field, instantFromForm, templateFromForm } from './programme-forms';

/**
 * The visit form as the API's VisitInput: the window's `datetime-local` values are read on the
 * chosen store's wall clock (its time zone), then validated by the same contract.
 */
export async function visitFromForm(
	ctx: ServiceContext,
	user: SessionUser,
	form: FormData
): Promise<VisitInput> {
	const locationId = field(form, 'locationId');
	const location = locationId
		? await getLocation(ctx.db, user.organisation.id, locationId)
		: undefined;
	const zone = location?.timeZone ?? 'UTC';
	return parseVisitInput({
		...templateFromForm(form),
		locationId,
		shopperId: field(form, 'shopperId'),
		windowStart: instantFromForm(form, 'windowStart', zone),
		windowEnd: instantFromForm(form, 'windowEnd', zone),
		brief: briefFromForm(form)
	});
}

/**
 * The wave form: a checkbox `visit:<locationId>` per chosen location with its shopper in
 * `shopper:<locationId>`. One window for the whole wave, read on the planner's wall clock
 * (`timeZone`, the office's zone for this request; the page names it).
 */
export function waveFromForm(form: FormData, timeZone: string): WaveInput {
	const visits = [...form.keys()]
		.filter((key) => key.startsWith('visit:'))
		.map((key) => key.slice('visit:'.length))
		.map((locationId) => ({ locationId, shopperId: field(form, `shopper:${locationId}`) }));
	return parseWaveInput({
		...templateFromForm(form),
		windowStart: instantFromForm(form, 'windowStart', timeZone),
		windowEnd: instantFromForm(form, 'windowEnd', timeZone),
		brief: briefFromForm(form),
		visits
	});
}
