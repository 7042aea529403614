import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { CreateTemplateSchema } from '$lib/contract/templates';
import { BUILTIN_TEMPLATES } from '$lib/domain/builtin-templates';
import { LOCALES, type LocalizedText } from '$lib/domain/types';
import { getServerContext } from '$lib/server/context';
import { officeActionFailure, officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { ServiceError } from '$lib/server/service-error';
import {
	createTemplate,
	requireTemplateWork,
	importTemplateDocument,
	importTemplateSpreadsheet,
	listTemplatesPage
} from '$lib/server/services/template-builder';
import type { Actions, PageServerLoad } from './$types';

/** The journey builder's list: the organisation's templates, newest change first, keyset pages. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const page = await listTemplatesPage(ctx, user, event.url.searchParams.get('cursor'));
		return {
			...page,
			builtins: BUILTIN_TEMPLATES.map((t) => ({ id: t.id, name: t.name }))
		};
	});

const text = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

async function fileText(form: FormData, name: string): Promise<string> {
	const file = form.get(name);
	if (!(file instanceof File) || file.size === 0) {
		throw new ServiceError('invalid', 'file_missing', 'Choose a file to import.');
	}
	return file.text();
}

/** Import refusals carry every problem; the page lists them. */
function importFailure(caught: unknown, action: string) {
	if (caught instanceof ServiceError && caught.code === 'import_invalid') {
		const details = caught.details as { problems: unknown[] };
		return fail(422, {
			action,
			code: caught.code,
			message: caught.message,
			details: null,
			problems: details.problems as Record<string, unknown>[]
		});
	}
	return officeActionFailure(caught, action);
}

export const actions: Actions = {
	/** A new draft from scratch, a copy, a built-in or a linked competitor template. */
	create: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		let id: string;
		try {
			requireTemplateWork(user);
			const form = await event.request.formData();
			const from = text(form, 'from');
			const source = text(form, 'source');
			const candidate =
				from === 'blank'
					? { from, name: text(form, 'name') }
					: from === 'builtin'
						? { from, builtinId: source }
						: { from, templateId: source };
			const parsed = v.safeParse(CreateTemplateSchema, candidate);
			if (!parsed.success) {
				throw new ServiceError('invalid', 'invalid_form', parsed.issues[0]?.message ?? '');
			}
			id = (await createTemplate(ctx, user, parsed.output, Date.now())).id;
		} catch (caught) {
			return officeActionFailure(caught, 'create');
		}
		redirect(303, `/office/templates/${encodeURIComponent(id)}`);
	},
	/** A template document (JSON) as a new draft. */
	importJson: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		let id: string;
		try {
			requireTemplateWork(user);
			const form = await event.request.formData();
			const body = await fileText(form, 'file');
			let document: unknown;
			try {
				document = JSON.parse(body);
			} catch {
				throw new ServiceError('invalid', 'import_invalid', 'The file is not JSON.', {
					problems: [{ path: '(file)', message: 'The file is not JSON.' }]
				});
			}
			id = (await importTemplateDocument(ctx, user, document, Date.now())).id;
		} catch (caught) {
			return importFailure(caught, 'importJson');
		}
		redirect(303, `/office/templates/${encodeURIComponent(id)}`);
	},
	/** A spreadsheet (CSV), one row per checkpoint, as a new draft. */
	importCsv: async (event) => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		let id: string;
		try {
			requireTemplateWork(user);
			const form = await event.request.formData();
			const csv = await fileText(form, 'file');
			const name: LocalizedText = { en: text(form, 'name_en').trim() };
			for (const locale of LOCALES) {
				const value = text(form, `name_${locale}`).trim();
				if (locale !== 'en' && value !== '') name[locale] = value;
			}
			id = (await importTemplateSpreadsheet(ctx, user, { csv, name }, Date.now())).id;
		} catch (caught) {
			return importFailure(caught, 'importCsv');
		}
		redirect(303, `/office/templates/${encodeURIComponent(id)}`);
	}
};
