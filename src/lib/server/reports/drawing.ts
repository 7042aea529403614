import type { ReportMark } from '$lib/domain/report-model';

/** A pdfmake node as plain data. */
export type PdfNode = Record<string, unknown>;

export const COLOURS = {
	good: '#2e7d32',
	fair: '#ef8f00',
	bad: '#c62828',
	neutral: '#9e9e9e',
	track: '#e6e6e6',
	muted: '#6b6b6b'
};

const MARK_SIZE = 9;

/**
 * A small drawn mark (Roboto has no ✓ ✗ glyphs): a green tick for full points, an amber tick for
 * partial points, a red cross for a negative answer, a grey dash for everything else.
 */
export function markNode(mark: ReportMark): PdfNode {
	const s = MARK_SIZE;
	const stroke = { lineWidth: 1.6, lineCap: 'round' };
	const tick = (lineColor: string) => [
		{
			type: 'polyline',
			points: [
				{ x: 0.5, y: s * 0.55 },
				{ x: s * 0.38, y: s - 0.5 },
				{ x: s - 0.5, y: 0.5 }
			],
			lineColor,
			...stroke
		}
	];
	const shapes = {
		full: tick(COLOURS.good),
		partial: tick(COLOURS.fair),
		negative: [
			{
				type: 'line',
				x1: 0.5,
				y1: 0.5,
				x2: s - 0.5,
				y2: s - 0.5,
				lineColor: COLOURS.bad,
				...stroke
			},
			{
				type: 'line',
				x1: 0.5,
				y1: s - 0.5,
				x2: s - 0.5,
				y2: 0.5,
				lineColor: COLOURS.bad,
				...stroke
			}
		],
		neutral: [
			{
				type: 'line',
				x1: 1,
				y1: s / 2,
				x2: s - 1,
				y2: s / 2,
				lineColor: COLOURS.neutral,
				...stroke
			}
		]
	}[mark];
	return { canvas: shapes, width: MARK_SIZE + 3, margin: [0, 2, 0, 0] };
}

/** The colour of a score: green from 80 %, amber from 50 %, red below. */
export function scoreColour(percent: number | null): string {
	if (percent === null) return COLOURS.neutral;
	if (percent >= 80) return COLOURS.good;
	return percent >= 50 ? COLOURS.fair : COLOURS.bad;
}

/** A horizontal bar of `width` points filled to `percent` (0..100; null draws the track only). */
export function barNode(percent: number | null, width: number, height = 10): PdfNode {
	const shapes: PdfNode[] = [
		{ type: 'rect', x: 0, y: 0, w: width, h: height, color: COLOURS.track }
	];
	const filled = percent === null ? 0 : (Math.max(0, Math.min(100, percent)) / 100) * width;
	if (filled > 0) {
		shapes.push({ type: 'rect', x: 0, y: 0, w: filled, h: height, color: scoreColour(percent) });
	}
	return { canvas: shapes, margin: [0, 1, 0, 0] };
}
