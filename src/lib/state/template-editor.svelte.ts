import { saveDraft } from '$lib/client/api/template-api';
import { checkTemplate, type TemplateProblem } from '$lib/domain/template-check';
import { previewScoring, type StagePreview } from '$lib/domain/template-score-preview';
import type {
	Checkpoint,
	ChoiceOption,
	JourneyTemplate,
	ResponseSpec,
	ResponseType,
	Stage,
	VisibilityCondition
} from '$lib/domain/types';

/**
 * The journey builder's editor state: the draft being edited (deeply reactive, so fields bind
 * straight to it), its problems as the author types — the domain's `checkTemplate`, the very
 * function the server runs on publish — and autosave to the server, debounced, with a visible
 * state and the draft revision for conflicts. Components call only this class.
 */

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict';

export interface SaveResult {
	revision: number;
}

/** What the editor needs from the server: saving a draft made on a revision. */
export type SaveDraft = (revision: number, template: JourneyTemplate) => Promise<SaveResult>;

/** Thrown by a SaveDraft when someone else saved since `revision`. */
export function isConflict(error: unknown): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		(error as { code?: unknown }).code === 'draft_conflict'
	);
}

export const AUTOSAVE_DELAY_MS = 800;

/** Saving to `PUT /api/templates/{id}`. */
export function serverSave(templateId: string): SaveDraft {
	return (revision, template) => saveDraft(templateId, revision, template);
}

/** A key made once for a new stage, checkpoint or option: never derived from its text. */
export function newKey(prefix: 'st' | 'cp' | 'op'): string {
	const bytes = new Uint8Array(5);
	crypto.getRandomValues(bytes);
	return `${prefix}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A fresh response spec of a type, keeping the options when switching between choices. */
export function responseOfType(type: ResponseType, previous?: ResponseSpec): ResponseSpec {
	const options =
		previous && (previous.type === 'single_choice' || previous.type === 'multiple_choice')
			? previous.options
			: null;
	switch (type) {
		case 'scale':
			return { type, min: 1, max: 5 };
		case 'single_choice':
		case 'multiple_choice':
			return {
				type,
				options: options ?? [
					{ id: newKey('op'), label: { en: '' }, score: 1 },
					{ id: newKey('op'), label: { en: '' }, score: 0 }
				]
			};
		case 'number':
			return { type };
		default:
			return { type } as ResponseSpec;
	}
}

const SCORED_BY_DEFAULT: ReadonlySet<ResponseType> = new Set([
	'yes_no',
	'yes_no_na',
	'scale',
	'single_choice',
	'multiple_choice'
]);

export function newCheckpoint(type: ResponseType): Checkpoint {
	return {
		id: newKey('cp'),
		prompt: { en: '' },
		response: responseOfType(type),
		weight: SCORED_BY_DEFAULT.has(type) ? 1 : 0,
		critical: false,
		required: true,
		evidence: { photo: 'none', noteOnNegative: false }
	};
}

function move<T>(list: T[], from: number, to: number): void {
	if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return;
	const [item] = list.splice(from, 1);
	list.splice(to, 0, item!);
}

export class TemplateEditor {
	template = $state<JourneyTemplate>() as JourneyTemplate;
	#revision = $state(1);
	#saveState = $state<SaveState>('saved');
	#saveError = $state<string | null>(null);
	linkedStageKeys: readonly string[] = [];
	#save: SaveDraft;
	#savedJson: string;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#inFlight: Promise<void> | null = null;
	#delay: number;

	readonly problems: TemplateProblem[] = $derived(
		checkTemplate(this.template, { linkedStageKeys: this.linkedStageKeys })
	);
	readonly scoring: StagePreview[] = $derived(previewScoring(this.template));

	constructor(options: {
		template: JourneyTemplate;
		revision: number;
		linkedStageKeys?: readonly string[];
		save: SaveDraft;
		delayMs?: number;
	}) {
		this.template = structuredClone(options.template);
		this.#revision = options.revision;
		this.linkedStageKeys = options.linkedStageKeys ?? [];
		this.#save = options.save;
		this.#savedJson = JSON.stringify(options.template);
		this.#delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
	}

	get revision(): number {
		return this.#revision;
	}

	get saveState(): SaveState {
		return this.#saveState;
	}

	get saveError(): string | null {
		return this.#saveError;
	}

	/** The draft as plain data (what is saved and published). */
	snapshot(): JourneyTemplate {
		return $state.snapshot(this.template) as JourneyTemplate;
	}

	/**
	 * Call from an effect: reads the whole draft (so any edit re-runs it) and schedules a save
	 * when it differs from what the server has.
	 */
	track(): void {
		const json = JSON.stringify(this.template);
		if (this.#saveState === 'conflict') return;
		if (json === this.#savedJson) {
			// Changed back to what the server has: nothing to save.
			if (this.#saveState === 'pending') {
				clearTimeout(this.#timer);
				this.#saveState = 'saved';
			}
			return;
		}
		if (this.#saveState !== 'saving') this.#saveState = 'pending';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#delay);
	}

	/** Saves now if anything is unsaved; resolves when the server has it (or refused it). */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#inFlight) await this.#inFlight;
		const draft = this.snapshot();
		const json = JSON.stringify(draft);
		if (this.#saveState === 'conflict') return;
		if (json === this.#savedJson) {
			if (this.#saveState === 'pending') this.#saveState = 'saved';
			return;
		}
		this.#saveState = 'saving';
		this.#inFlight = (async () => {
			try {
				const result = await this.#save(this.#revision, draft);
				this.#revision = result.revision;
				this.#savedJson = json;
				this.#saveError = null;
				this.#saveState = JSON.stringify(this.template) === json ? 'saved' : 'pending';
				if (this.#saveState === 'pending') {
					this.#timer = setTimeout(() => void this.flush(), this.#delay);
				}
			} catch (error) {
				this.#saveState = isConflict(error) ? 'conflict' : 'failed';
				this.#saveError = error instanceof Error ? error.message : String(error);
			}
		})();
		await this.#inFlight;
		this.#inFlight = null;
	}

	/** Retries a failed save. */
	retry(): Promise<void> {
		if (this.#saveState === 'failed') this.#saveState = 'pending';
		return this.flush();
	}

	/** The problems of one stage or checkpoint (for marking it in the editor). */
	problemsAt(stageId: string, checkpointId: string | null = null): TemplateProblem[] {
		return this.problems.filter(
			(p) => p.stageId === stageId && (checkpointId === null || p.checkpointId === checkpointId)
		);
	}

	addStage(): Stage {
		const stage: Stage = { id: newKey('st'), title: { en: '' }, weight: 1, checkpoints: [] };
		this.template.stages.push(stage);
		return this.template.stages.at(-1)!;
	}

	removeStage(index: number): void {
		this.template.stages.splice(index, 1);
	}

	moveStage(from: number, to: number): void {
		move(this.template.stages, from, to);
	}

	addCheckpoint(stageIndex: number, type: ResponseType): Checkpoint {
		const stage = this.template.stages[stageIndex]!;
		stage.checkpoints.push(newCheckpoint(type));
		return stage.checkpoints.at(-1)!;
	}

	removeCheckpoint(stageIndex: number, index: number): void {
		const removed = this.template.stages[stageIndex]!.checkpoints.splice(index, 1)[0];
		// A condition on a removed checkpoint would be refused; drop it with its target.
		if (!removed) return;
		for (const stage of this.template.stages) {
			for (const checkpoint of stage.checkpoints) {
				if (checkpoint.visibleWhen?.checkpointId === removed.id) delete checkpoint.visibleWhen;
			}
		}
	}

	moveCheckpoint(stageIndex: number, from: number, to: number): void {
		move(this.template.stages[stageIndex]!.checkpoints, from, to);
	}

	setResponseType(checkpoint: Checkpoint, type: ResponseType): void {
		checkpoint.response = responseOfType(type, checkpoint.response);
		if (!SCORED_BY_DEFAULT.has(type)) {
			checkpoint.weight = 0;
			checkpoint.critical = false;
			checkpoint.evidence.noteOnNegative = false;
		} else if (checkpoint.weight === 0) checkpoint.weight = 1;
	}

	addOption(checkpoint: Checkpoint): void {
		const response = checkpoint.response;
		if (response.type !== 'single_choice' && response.type !== 'multiple_choice') return;
		const option: ChoiceOption = { id: newKey('op'), label: { en: '' }, score: 0 };
		response.options.push(option);
	}

	removeOption(checkpoint: Checkpoint, index: number): void {
		const response = checkpoint.response;
		if (response.type !== 'single_choice' && response.type !== 'multiple_choice') return;
		response.options.splice(index, 1);
	}

	/** The checkpoints before `checkpointId` in template order: what a condition may refer to. */
	earlierCheckpoints(checkpointId: string): Checkpoint[] {
		const earlier: Checkpoint[] = [];
		for (const stage of this.template.stages) {
			for (const checkpoint of stage.checkpoints) {
				if (checkpoint.id === checkpointId) return earlier;
				earlier.push(checkpoint);
			}
		}
		return earlier;
	}

	setCondition(checkpoint: Checkpoint, condition: VisibilityCondition | undefined): void {
		if (condition === undefined) delete checkpoint.visibleWhen;
		else checkpoint.visibleWhen = condition;
	}
}
