import type { JourneyTemplate } from '$lib/domain/types';
import type { Db } from '../db/connect';
import { ServiceError } from '../service-error';

/** A published template version with its publication time. */
export interface PublishedTemplate {
	template: JourneyTemplate;
	publishedAt: number;
}

/**
 * Publishes `template` (its own id and version) for an organisation. Versions are immutable: an
 * existing id+version is refused with 409 and left unchanged.
 */
export async function publishTemplate(
	db: Db,
	organisationId: string,
	template: JourneyTemplate,
	now: number
): Promise<PublishedTemplate> {
	const row = await db
		.insertInto('templates')
		.values({
			organisation_id: organisationId,
			id: template.id,
			version: template.version,
			definition: JSON.stringify(template),
			published_at: now
		})
		.onConflict((oc) => oc.columns(['organisation_id', 'id', 'version']).doNothing())
		.returning('id')
		.executeTakeFirst();
	if (!row) {
		throw new ServiceError(
			'conflict',
			'template_version_exists',
			`Version ${template.version} of template ${template.id} is already published.`
		);
	}
	return { template, publishedAt: now };
}

/** The organisation's template versions published after `since` (all with 0), oldest first. */
export async function listTemplates(
	db: Db,
	organisationId: string,
	since = 0
): Promise<PublishedTemplate[]> {
	const rows = await db
		.selectFrom('templates')
		.select(['definition', 'published_at'])
		.where('organisation_id', '=', organisationId)
		.where('published_at', '>', since)
		.orderBy('published_at')
		.orderBy('id')
		.orderBy('version')
		.execute();
	return rows.map((row) => ({
		template: JSON.parse(row.definition) as JourneyTemplate,
		publishedAt: Number(row.published_at)
	}));
}

/** One published version of the organisation's template, or undefined. */
export async function getTemplate(
	db: Db,
	organisationId: string,
	id: string,
	version: number
): Promise<JourneyTemplate | undefined> {
	const row = await db
		.selectFrom('templates')
		.select('definition')
		.where('organisation_id', '=', organisationId)
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return row && (JSON.parse(row.definition) as JourneyTemplate);
}
