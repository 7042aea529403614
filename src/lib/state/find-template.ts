import type { JourneyTemplate } from '$lib/domain/types';
import { getDeviceServices } from './app-services';

// Apart from ReferenceData (the home and new-audit screens' lists), so an open audit's screens
// find their template without carrying those lists' code.

/**
 * The built-in templates (about 12 KB gzip of text), loaded only when the device has no pulled
 * one: a separate chunk, precached by the service worker like every other, so it works offline.
 */
export const builtins = () => import('$lib/domain/builtin-templates');

/**
 * The journey templates a device may use: pulled from the server when it has them, the
 * built-in ones otherwise (a fresh tablet that never synced still works).
 */
export async function findTemplate(id: string, version: number): Promise<JourneyTemplate | null> {
	const { reference } = await getDeviceServices();
	const pulled = await reference.getTemplate(id, version);
	if (pulled) return pulled;
	return (await builtins()).getBuiltinTemplate(id, version) ?? null;
}
