import { ServiceError } from '../service-error';

/** A span of received times `[receivedFrom, receivedBefore)`, epoch ms; an absent side is open. */
export interface ReceivedSpan {
	receivedFrom?: number;
	receivedBefore?: number;
}

/**
 * Refuses a span the audit list or the export cannot filter by: 400 `invalid_query` when a side
 * is not a non-negative whole number of epoch ms, or when the span is empty or reversed. With
 * `echoBounds` the reversed refusal carries both bounds in its details (the list API's answer);
 * without, it carries none (the export's).
 */
export function checkReceivedSpan(span: ReceivedSpan, options: { echoBounds: boolean }): void {
	for (const name of ['receivedFrom', 'receivedBefore'] as const) {
		const value = span[name];
		if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
			throw new ServiceError(
				'bad_request',
				'invalid_query',
				`${name} must be a time in epoch milliseconds.`
			);
		}
	}
	if (
		span.receivedFrom !== undefined &&
		span.receivedBefore !== undefined &&
		span.receivedFrom >= span.receivedBefore
	) {
		throw new ServiceError(
			'bad_request',
			'invalid_query',
			'receivedFrom must be earlier than receivedBefore.',
			options.echoBounds
				? { receivedFrom: span.receivedFrom, receivedBefore: span.receivedBefore }
				: undefined
		);
	}
}
