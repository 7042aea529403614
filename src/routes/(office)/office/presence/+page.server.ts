import { redirect } from '@sveltejs/kit';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import {
	changePresenceCheck,
	changeStorePosition,
	getPresenceSettings,
	parseStorePosition
} from '$lib/server/services/presence-settings';
import type { Actions, PageServerLoad } from './$types';

const field = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.slice(0, 100) : '';
};

/** The presence setting (admins change it) and the store positions (managers and admins). */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const after = event.url.searchParams.get('after');
		return {
			settings: await getPresenceSettings(ctx, user, after ? after.slice(0, 100) : null),
			saved: event.url.searchParams.get('saved') === '1'
		};
	});

export const actions: Actions = {
	setting: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		try {
			const form = await event.request.formData();
			await changePresenceCheck(ctx, user, form.get('enabled') === 'on');
		} catch (caught) {
			return officeActionFailure(caught, 'setting');
		}
		redirect(303, '/office/presence?saved=1');
	},
	position: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		let back = '/office/presence?saved=1';
		try {
			const form = await event.request.formData();
			const after = field(form, 'after');
			if (after) back += `&after=${encodeURIComponent(after)}`;
			const position = parseStorePosition({
				latitude: field(form, 'latitude'),
				longitude: field(form, 'longitude'),
				radius: field(form, 'radius')
			});
			await changeStorePosition(ctx, user, field(form, 'locationId'), position, Date.now());
		} catch (caught) {
			return officeActionFailure(caught, 'position');
		}
		redirect(303, back);
	}
};
