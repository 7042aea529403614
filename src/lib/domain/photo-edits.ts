/**
 * Annotations and redactions a shopper draws on a photo, as plain data. Coordinates are
 * fractions of the photo's width and height (0..1), so one list of edits renders the same at
 * the editor's screen size and at the stored size. The tablet keeps the unedited original and
 * this list while the audit is editable; what it uploads is always the flattened JPEG rendered
 * from both (see `client/photos/edit-photo.ts`).
 */

/** A point on the photo: x and y as fractions of its width and height. */
export interface EditPoint {
	x: number;
	y: number;
}

/** The tools, in the editor's toolbar order. */
export const PHOTO_EDIT_TOOLS = [
	'arrow',
	'circle',
	'freehand',
	'text',
	'pixelate-box',
	'pixelate-brush'
] as const;
export type PhotoEditTool = (typeof PHOTO_EDIT_TOOLS)[number];

/** One drawn edit. `from`/`to` of a circle or box are opposite corners of its bounding box. */
export type PhotoEdit =
	| { kind: 'arrow'; from: EditPoint; to: EditPoint }
	| { kind: 'circle'; from: EditPoint; to: EditPoint }
	| { kind: 'freehand'; points: EditPoint[] }
	| { kind: 'text'; at: EditPoint; text: string }
	| { kind: 'pixelate-box'; from: EditPoint; to: EditPoint }
	/** `radius` is a fraction of the photo's longer edge. */
	| { kind: 'pixelate-brush'; points: EditPoint[]; radius: number };

export type RedactionEdit = Extract<PhotoEdit, { kind: 'pixelate-box' | 'pixelate-brush' }>;

/** The longest label a text edit may carry. */
export const MAX_EDIT_LABEL = 60;
/** At most this many edits on one photo, and points in one stroke. */
export const MAX_PHOTO_EDITS = 200;
export const MAX_STROKE_POINTS = 2000;
/** The brush radius the editor uses, as a fraction of the photo's longer edge. */
export const DEFAULT_BRUSH_RADIUS = 0.035;

/** Whether an edit hides what is under it (applied before any annotation). */
export function isRedaction(edit: PhotoEdit): edit is RedactionEdit {
	return edit.kind === 'pixelate-box' || edit.kind === 'pixelate-brush';
}

/**
 * The side of a pixelation block in px for a photo of this size: about 1/24 of the longer edge
 * and never under 16 px, so a face or a name badge becomes a few flat tiles.
 */
export function pixelBlockSize(width: number, height: number): number {
	return Math.max(16, Math.round(Math.max(width, height) / 24));
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

function point(value: unknown): EditPoint | null {
	if (typeof value !== 'object' || value === null) return null;
	const { x, y } = value as Record<string, unknown>;
	if (typeof x !== 'number' || typeof y !== 'number') return null;
	if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
	return { x: clamp01(x), y: clamp01(y) };
}

function points(value: unknown): EditPoint[] | null {
	if (!Array.isArray(value) || value.length === 0 || value.length > MAX_STROKE_POINTS) return null;
	const out: EditPoint[] = [];
	for (const item of value) {
		const p = point(item);
		if (!p) return null;
		out.push(p);
	}
	return out;
}

/**
 * The edit as the renderer may trust it (points clamped to the photo, a label trimmed and cut
 * to {@link MAX_EDIT_LABEL}), or null when it is not an edit at all or draws nothing.
 */
export function normaliseEdit(value: unknown): PhotoEdit | null {
	if (typeof value !== 'object' || value === null) return null;
	const edit = value as Record<string, unknown>;
	switch (edit.kind) {
		case 'arrow':
		case 'circle':
		case 'pixelate-box': {
			const from = point(edit.from);
			const to = point(edit.to);
			if (!from || !to) return null;
			return { kind: edit.kind, from, to };
		}
		case 'freehand': {
			const list = points(edit.points);
			return list ? { kind: 'freehand', points: list } : null;
		}
		case 'pixelate-brush': {
			const list = points(edit.points);
			const radius = typeof edit.radius === 'number' ? edit.radius : DEFAULT_BRUSH_RADIUS;
			if (!list || !Number.isFinite(radius) || radius <= 0) return null;
			return { kind: 'pixelate-brush', points: list, radius: Math.min(0.25, radius) };
		}
		case 'text': {
			const at = point(edit.at);
			const text = typeof edit.text === 'string' ? edit.text.trim().slice(0, MAX_EDIT_LABEL) : '';
			if (!at || text === '') return null;
			return { kind: 'text', at, text };
		}
		default:
			return null;
	}
}

/** Every valid edit of `value`, at most {@link MAX_PHOTO_EDITS}; anything else is dropped. */
export function normaliseEdits(value: unknown): PhotoEdit[] {
	if (!Array.isArray(value)) return [];
	return value
		.map(normaliseEdit)
		.filter((edit): edit is PhotoEdit => edit !== null)
		.slice(0, MAX_PHOTO_EDITS);
}

/**
 * The pixel blocks (column, row on a grid of `block`-px squares from the top-left corner) that
 * a redaction touches on a `width`×`height` photo. Whole blocks are flattened, so what is
 * averaged always reaches beyond the drawn shape: nothing at its edge keeps its detail.
 */
export function redactedBlocks(
	edits: readonly PhotoEdit[],
	width: number,
	height: number,
	block = pixelBlockSize(width, height)
): Set<number> {
	const columns = Math.ceil(width / block);
	const rows = Math.ceil(height / block);
	const blocks = new Set<number>();
	const mark = (x0: number, y0: number, x1: number, y1: number) => {
		const c0 = Math.max(0, Math.floor(Math.min(x0, x1) / block));
		const c1 = Math.min(columns - 1, Math.floor(Math.max(x0, x1) / block));
		const r0 = Math.max(0, Math.floor(Math.min(y0, y1) / block));
		const r1 = Math.min(rows - 1, Math.floor(Math.max(y0, y1) / block));
		for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) blocks.add(r * columns + c);
	};
	for (const edit of edits) {
		if (edit.kind === 'pixelate-box') {
			mark(edit.from.x * width, edit.from.y * height, edit.to.x * width, edit.to.y * height);
		} else if (edit.kind === 'pixelate-brush') {
			const r = edit.radius * Math.max(width, height);
			const step = Math.max(1, r / 2);
			const along = edit.points.map((p) => ({ x: p.x * width, y: p.y * height }));
			for (let i = 0; i < along.length; i++) {
				const a = along[i]!;
				const b = along[i + 1] ?? a;
				const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
				for (let k = 0; k <= n; k++) {
					const x = a.x + ((b.x - a.x) * k) / n;
					const y = a.y + ((b.y - a.y) * k) / n;
					mark(x - r, y - r, x + r, y + r);
				}
			}
		}
	}
	return blocks;
}
