import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import * as v from 'valibot';
import type { SessionUser } from '$lib/contract/auth';
import { problemOfIssue } from '$lib/contract/form-problem';
import {
	LOCATION_IMPORT_MAX_ROWS,
	LOCATION_LIST_MAX_LIMIT,
	LocationInputSchema,
	type ImportProblem,
	type LocationInput,
	type OfficeLocation
} from '$lib/contract/office';
import {
	getLocation,
	pageLocations,
	saveLocation,
	setLocationArchived,
	type LocationRecord
} from '../repos/locations';
import { ServiceError } from '../service-error';
import { requireReviewWork } from './audit-access';
import type { ServiceContext } from './context';

/** What the office's location list asks for. */
export interface LocationListQuery {
	/** Words to find in name, brand or region. */
	q?: string;
	kind?: 'own' | 'competitor' | null;
	includeArchived?: boolean;
	cursor?: string | null;
	limit?: number;
}

export interface LocationPage {
	items: OfficeLocation[];
	nextCursor: string | null;
}

/** The office's view of a stored location. */
export function toOfficeLocation(record: LocationRecord): OfficeLocation {
	return {
		id: record.id,
		name: record.name,
		kind: record.kind,
		brand: record.brand,
		address: record.address,
		region: record.region,
		timeZone: record.timeZone,
		archivedAt: record.archivedAt,
		updatedAt: record.updatedAt
	};
}

function encodeNameCursor(name: string, id: string): string {
	return Buffer.from(JSON.stringify([name, id])).toString('base64url');
}

function decodeNameCursor(cursor: string): { name: string; id: string } {
	try {
		const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (
			Array.isArray(value) &&
			value.length === 2 &&
			typeof value[0] === 'string' &&
			typeof value[1] === 'string'
		) {
			return { name: value[0], id: value[1] };
		}
	} catch {
		// Reported below.
	}
	throw new ServiceError(
		'bad_request',
		'invalid_cursor',
		'The cursor is not one this API gave out.'
	);
}

/** A page of the organisation's locations by name. Managers and admins. */
export async function listLocationPage(
	ctx: ServiceContext,
	user: SessionUser,
	query: LocationListQuery
): Promise<LocationPage> {
	requireReviewWork(user);
	const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 50)), LOCATION_LIST_MAX_LIMIT);
	const words = (query.q ?? '')
		.toLocaleLowerCase('en')
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, 5)
		.map((word) => word.slice(0, 100));
	const rows = await pageLocations(ctx.db, user.organisation.id, {
		words,
		kind: query.kind ?? null,
		includeArchived: query.includeArchived ?? false,
		after: query.cursor ? decodeNameCursor(query.cursor) : null,
		limit: limit + 1
	});
	const items = rows.slice(0, limit).map(toOfficeLocation);
	const last = items.at(-1);
	return {
		items,
		nextCursor: rows.length > limit && last ? encodeNameCursor(last.name, last.id) : null
	};
}

/** One location of the organisation; not_found for another organisation's id. */
export async function readLocation(
	ctx: ServiceContext,
	user: SessionUser,
	id: string
): Promise<OfficeLocation> {
	requireReviewWork(user);
	const found = await getLocation(ctx.db, user.organisation.id, id);
	if (!found) throw locationNotFound();
	return toOfficeLocation(found);
}

/** Parses a location form or body with the contract; invalid `invalid_location` naming the field. */
export function parseLocationInput(input: unknown): LocationInput {
	const parsed = v.safeParse(LocationInputSchema, input);
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const field = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
		const coded = issue ? problemOfIssue(issue) : { code: 'invalid_value' };
		throw new ServiceError('invalid', 'invalid_location', issue?.message ?? 'Invalid location.', {
			field,
			...coded
		});
	}
	return parsed.output;
}

/** Creates a location. Managers and admins. */
export async function createLocation(
	ctx: ServiceContext,
	user: SessionUser,
	input: LocationInput,
	now: number
): Promise<OfficeLocation> {
	requireReviewWork(user);
	const { timeZone, ...location } = input;
	const saved = await saveLocation(
		ctx.db,
		user.organisation.id,
		{ id: randomUUID(), ...location },
		now,
		timeZone
	);
	return toOfficeLocation(saved);
}

/** Changes a location of the organisation (its archive mark stays). */
export async function updateLocation(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	input: LocationInput,
	now: number
): Promise<OfficeLocation> {
	requireReviewWork(user);
	if (!(await getLocation(ctx.db, user.organisation.id, id))) throw locationNotFound();
	const { timeZone, ...location } = input;
	return toOfficeLocation(
		await saveLocation(ctx.db, user.organisation.id, { id, ...location }, now, timeZone)
	);
}

/** Archives a location (no new visits; its audits and reports stay), or restores it. */
export async function archiveLocation(
	ctx: ServiceContext,
	user: SessionUser,
	id: string,
	archived: boolean,
	now: number
): Promise<OfficeLocation> {
	requireReviewWork(user);
	if (!(await setLocationArchived(ctx.db, user.organisation.id, id, archived ? now : null, now))) {
		throw locationNotFound();
	}
	return readLocation(ctx, user, id);
}

/** The CSV's columns: header names, in any order; `brand`, `region` and `address` may be absent. */
export const LOCATION_CSV_COLUMNS = ['name', 'kind', 'brand', 'region', 'address', 'time_zone'];
const REQUIRED_COLUMNS = ['name', 'kind', 'time_zone'];
const FIELD_OF_COLUMN: Record<string, keyof LocationInput> = {
	name: 'name',
	kind: 'kind',
	brand: 'brand',
	region: 'region',
	address: 'address',
	time_zone: 'timeZone'
};
const COLUMN_OF_FIELD = Object.fromEntries(
	Object.entries(FIELD_OF_COLUMN).map(([column, field]) => [field, column])
);

/**
 * Imports locations from a CSV (UTF-8, comma or semicolon separated, a header row naming the
 * columns). Every problem is collected with its row (1 is the header) and column; when there is
 * any, invalid `invalid_import` with `details.problems` and nothing is stored. Otherwise every
 * row is stored in one transaction. Managers and admins.
 */
export async function importLocations(
	ctx: ServiceContext,
	user: SessionUser,
	csv: string,
	now: number
): Promise<{ imported: number }> {
	requireReviewWork(user);
	const problems: ImportProblem[] = [];
	const refuse = () =>
		new ServiceError(
			'invalid',
			'invalid_import',
			`The file has ${problems.length} problem(s); nothing was imported.`,
			{ problems }
		);
	let records: string[][];
	try {
		const text = csv.replace(/^\uFEFF/, '');
		const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
		const delimiter =
			(firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
		records = parse(text, {
			delimiter,
			skip_empty_lines: true,
			relax_column_count: true,
			trim: true
		}) as string[][];
	} catch (caught) {
		const error = caught as { lines?: number; message?: string };
		problems.push({
			row: error.lines ?? 1,
			column: '',
			code: 'csv_unreadable',
			message: error.message ?? 'Not a CSV file.'
		});
		throw refuse();
	}
	const [header, ...rows] = records;
	if (!header) {
		problems.push({ row: 1, column: '', code: 'file_empty', message: 'The file is empty.' });
		throw refuse();
	}
	const columns = header.map((name) => name.trim().toLowerCase());
	columns.forEach((name, index) => {
		if (!LOCATION_CSV_COLUMNS.includes(name)) {
			problems.push({
				row: 1,
				column: name || `#${index + 1}`,
				code: 'unknown_column',
				message: 'Unknown column.'
			});
		} else if (columns.indexOf(name) !== index) {
			problems.push({
				row: 1,
				column: name,
				code: 'duplicate_column',
				message: 'This column appears twice.'
			});
		}
	});
	for (const required of REQUIRED_COLUMNS) {
		if (!columns.includes(required)) {
			problems.push({
				row: 1,
				column: required,
				code: 'missing_column',
				message: 'This column is missing.'
			});
		}
	}
	if (rows.length === 0)
		problems.push({
			row: 2,
			column: '',
			code: 'no_locations',
			message: 'The file has no locations.'
		});
	if (rows.length > LOCATION_IMPORT_MAX_ROWS) {
		problems.push({
			row: LOCATION_IMPORT_MAX_ROWS + 2,
			column: '',
			code: 'too_many_rows',
			params: { max: LOCATION_IMPORT_MAX_ROWS },
			message: `At most ${LOCATION_IMPORT_MAX_ROWS} locations per file.`
		});
	}
	if (problems.length > 0) throw refuse();

	const inputs: LocationInput[] = [];
	const seen = new Map<string, number>();
	rows.forEach((cells, index) => {
		const row = index + 2;
		if (cells.length > columns.length) {
			problems.push({
				row,
				column: '',
				code: 'too_many_cells',
				message: 'The row has more cells than the header.'
			});
		}
		const raw: Record<string, string> = { brand: '', region: '', address: '' };
		columns.forEach((name, i) => {
			const field = FIELD_OF_COLUMN[name];
			if (field) raw[field] = cells[i] ?? '';
		});
		raw.kind = (raw.kind ?? '').toLowerCase();
		for (const [field, schema] of Object.entries(LocationInputSchema.entries)) {
			const parsed = v.safeParse(schema, raw[field]);
			if (!parsed.success) {
				const issue = parsed.issues[0];
				problems.push({
					row,
					column: COLUMN_OF_FIELD[field] ?? field,
					...problemOfIssue(issue),
					message: issue.message
				});
			}
		}
		const key = `${(raw.name ?? '').trim().toLowerCase()}|${(raw.address ?? '').trim().toLowerCase()}`;
		const earlier = seen.get(key);
		if (earlier !== undefined && raw.name?.trim()) {
			problems.push({
				row,
				column: 'name',
				code: 'duplicate_location',
				params: { row: earlier },
				message: `The same location as row ${earlier}.`
			});
		} else seen.set(key, row);
		const parsed = v.safeParse(LocationInputSchema, raw);
		if (parsed.success) inputs.push(parsed.output);
	});
	if (problems.length > 0) throw refuse();
	await ctx.db.transaction().execute(async (trx) => {
		for (const { timeZone, ...location } of inputs) {
			await saveLocation(
				trx,
				user.organisation.id,
				{ id: randomUUID(), ...location },
				now,
				timeZone
			);
		}
	});
	return { imported: inputs.length };
}

function locationNotFound(): ServiceError {
	return new ServiceError('not_found', 'location_not_found', 'There is no such location.');
}

/** Every IANA time zone this server knows, for the location form (UTC first). */
export function timeZoneChoices(): string[] {
	const all = Intl.supportedValuesOf('timeZone');
	return all.includes('UTC') ? all : ['UTC', ...all];
}
