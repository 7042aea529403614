import * as v from 'valibot';
import {
	ApproveRequestSchema,
	ReturnRequestSchema,
	type ApproveRequest,
	type ReturnRequest
} from '$lib/contract/office';
import { ServiceError } from '../service-error';

/** Field names of the review forms (the page's inputs use the same). */
export const REVIEW_FIELDS = {
	expectedState: 'expectedState',
	expectedRevision: 'expectedRevision',
	comment: 'comment',
	/** A reusable comment picked for the overall comment (its id). */
	commentSaved: 'commentSaved',
	/** Checked: keep the overall comment in the library. */
	saveToLibrary: 'saveToLibrary',
	/** `checkpoint:<id>`: a comment on one checkpoint. */
	checkpointPrefix: 'checkpoint:',
	/** `checkpointSaved:<id>`: a reusable comment picked for one checkpoint. */
	checkpointSavedPrefix: 'checkpointSaved:'
} as const;

/** The approve form as the API's request, validated by the same contract. */
export function approveRequestOf(form: FormData): ApproveRequest {
	return parse(ApproveRequestSchema, expectationOf(form));
}

/**
 * The return form as the API's request: the typed comment joined with a picked reusable one
 * (by id, from `library`), for the audit and for each checkpoint; empty checkpoint comments are
 * left out. Validated by the same contract as `POST /api/audits/{id}/return`.
 */
export function returnRequestOf(
	form: FormData,
	library: readonly { id: string; body: string }[]
): ReturnRequest {
	const saved = (id: FormDataEntryValue | null) =>
		typeof id === 'string' ? (library.find((entry) => entry.id === id)?.body ?? '') : '';
	const join = (...parts: string[]) =>
		parts
			.map((part) => part.trim())
			.filter(Boolean)
			.join('\n\n');
	const checkpointIds = new Set<string>();
	for (const key of form.keys()) {
		for (const prefix of [REVIEW_FIELDS.checkpointPrefix, REVIEW_FIELDS.checkpointSavedPrefix]) {
			if (key.startsWith(prefix)) checkpointIds.add(key.slice(prefix.length));
		}
	}
	const checkpointComments = [...checkpointIds].flatMap((checkpointId) => {
		const body = join(
			saved(form.get(REVIEW_FIELDS.checkpointSavedPrefix + checkpointId)),
			text(form, REVIEW_FIELDS.checkpointPrefix + checkpointId)
		);
		return body ? [{ checkpointId, body }] : [];
	});
	return parse(ReturnRequestSchema, {
		...expectationOf(form),
		comment: join(saved(form.get(REVIEW_FIELDS.commentSaved)), text(form, REVIEW_FIELDS.comment)),
		checkpointComments
	});
}

function expectationOf(form: FormData): Record<string, unknown> {
	return {
		expectedState: text(form, REVIEW_FIELDS.expectedState),
		expectedRevision: Number(text(form, REVIEW_FIELDS.expectedRevision))
	};
}

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

function parse<T extends v.GenericSchema>(schema: T, input: unknown): v.InferOutput<T> {
	const result = v.safeParse(schema, input);
	if (result.success) return result.output;
	throw new ServiceError('invalid', 'invalid_form', result.issues[0]?.message ?? 'Invalid form.', {
		issues: result.issues.map((issue) => ({
			path: issue.path?.map((item) => String(item.key)).join('.') ?? '',
			message: issue.message
		}))
	});
}
