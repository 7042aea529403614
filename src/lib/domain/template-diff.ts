import type { Checkpoint, JourneyTemplate, Stage } from './types';

/**
 * What changed between two versions of a template, stage by stage and checkpoint by checkpoint,
 * matched by their keys (a renamed stage is the same stage). Pure: the office's diff view and
 * `GET /api/templates/{id}/diff` both show this list.
 */
export type TemplateChange =
	| { kind: 'template_changed'; fields: string[] }
	| { kind: 'stage_added'; stageId: string; title: string }
	| { kind: 'stage_removed'; stageId: string; title: string }
	| { kind: 'stage_moved'; stageId: string; title: string; from: number; to: number }
	| { kind: 'stage_changed'; stageId: string; title: string; fields: string[] }
	| { kind: 'checkpoint_added'; stageId: string; checkpointId: string; prompt: string }
	| { kind: 'checkpoint_removed'; stageId: string; checkpointId: string; prompt: string }
	| {
			kind: 'checkpoint_moved';
			stageId: string;
			checkpointId: string;
			prompt: string;
			fromStageId: string;
	  }
	| {
			kind: 'checkpoint_changed';
			stageId: string;
			checkpointId: string;
			prompt: string;
			fields: string[];
	  };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function changedFields<T extends object>(a: T, b: T, keys: (keyof T)[]): string[] {
	return keys.filter((key) => !same(a[key], b[key])).map(String);
}

const CHECKPOINT_FIELDS: (keyof Checkpoint)[] = [
	'prompt',
	'guidance',
	'response',
	'weight',
	'critical',
	'required',
	'evidence',
	'visibleWhen'
];

/** The changes that turn `before` into `after`, in the order of `after` (removals last). */
export function diffTemplates(before: JourneyTemplate, after: JourneyTemplate): TemplateChange[] {
	const changes: TemplateChange[] = [];
	const fields = changedFields(before, after, [
		'name',
		'description',
		'locationKind',
		'criticalFailCap'
	]);
	if (fields.length > 0) changes.push({ kind: 'template_changed', fields });

	const oldStages = new Map(before.stages.map((stage, index) => [stage.id, { stage, index }]));
	const newStageIds = new Set(after.stages.map((stage) => stage.id));
	const oldCheckpoints = new Map<string, { checkpoint: Checkpoint; stageId: string }>();
	for (const stage of before.stages) {
		for (const checkpoint of stage.checkpoints) {
			oldCheckpoints.set(checkpoint.id, { checkpoint, stageId: stage.id });
		}
	}
	const newCheckpointIds = new Set(
		after.stages.flatMap((stage) => stage.checkpoints.map((c) => c.id))
	);
	// Positions among the stages both versions have, so one insertion does not "move" the rest.
	const keptOld = before.stages.filter((s) => newStageIds.has(s.id)).map((s) => s.id);
	const keptNew = after.stages.filter((s) => oldStages.has(s.id)).map((s) => s.id);

	for (const stage of after.stages) {
		const old = oldStages.get(stage.id);
		if (!old) {
			changes.push({ kind: 'stage_added', stageId: stage.id, title: stage.title.en });
		} else {
			const from = keptOld.indexOf(stage.id);
			const to = keptNew.indexOf(stage.id);
			if (from !== to) {
				changes.push({ kind: 'stage_moved', stageId: stage.id, title: stage.title.en, from, to });
			}
			const stageFields = changedFields<Stage>(old.stage, stage, [
				'title',
				'description',
				'weight'
			]);
			const order = (s: Stage) =>
				s.checkpoints
					.map((c) => c.id)
					.filter((id) => oldCheckpoints.has(id) && newCheckpointIds.has(id));
			if (
				!same(
					order(old.stage).filter((id) => order(stage).includes(id)),
					order(stage).filter((id) => order(old.stage).includes(id))
				)
			) {
				stageFields.push('checkpoint order');
			}
			if (stageFields.length > 0) {
				changes.push({
					kind: 'stage_changed',
					stageId: stage.id,
					title: stage.title.en,
					fields: stageFields
				});
			}
		}
		for (const checkpoint of stage.checkpoints) {
			const previous = oldCheckpoints.get(checkpoint.id);
			const base = { stageId: stage.id, checkpointId: checkpoint.id, prompt: checkpoint.prompt.en };
			if (!previous) {
				changes.push({ kind: 'checkpoint_added', ...base });
				continue;
			}
			if (previous.stageId !== stage.id) {
				changes.push({ kind: 'checkpoint_moved', ...base, fromStageId: previous.stageId });
			}
			const cpFields = changedFields(previous.checkpoint, checkpoint, CHECKPOINT_FIELDS);
			if (cpFields.length > 0)
				changes.push({ kind: 'checkpoint_changed', ...base, fields: cpFields });
		}
	}
	for (const [id, { checkpoint, stageId }] of oldCheckpoints) {
		if (!newCheckpointIds.has(id)) {
			changes.push({
				kind: 'checkpoint_removed',
				stageId,
				checkpointId: id,
				prompt: checkpoint.prompt.en
			});
		}
	}
	for (const stage of before.stages) {
		if (!newStageIds.has(stage.id)) {
			changes.push({ kind: 'stage_removed', stageId: stage.id, title: stage.title.en });
		}
	}
	return changes;
}
