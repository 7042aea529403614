import { applyEdits } from '$lib/client/photos/edit-photo';
import type { PhotoEdit } from '$lib/domain/photo-edits';

/**
 * Draws `edits` over the photo already on an editor's canvas, exactly as the photo worker will
 * flatten them (`applyEdits`), so what the shopper sees while editing is what gets uploaded.
 * `random` drives the pixelation noise; the editor passes a seeded one so redraws do not flicker.
 */
export function drawEditPreview(
	ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
	width: number,
	height: number,
	edits: readonly PhotoEdit[],
	random?: () => number
): void {
	applyEdits(ctx, width, height, edits, random);
}
