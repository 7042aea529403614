import type { Role } from '$lib/contract/auth';

/** The demo organisation's fixed id, so a start can tell whether the demo data is present. */
export const DEMO_ORGANISATION = { id: 'org-nordlys', name: 'Nordlys Elektronik' } as const;

/** The locations each demo report reader (viewer) may read. */
export const DEMO_READER_LOCATIONS: Readonly<Record<string, readonly string[]>> = {
	'store.copenhagen@nordlys.example': ['loc-own-copenhagen']
};

/** One demo sign-in. */
export interface DemoAccount {
	email: string;
	role: Role;
	/** Runs audits on a device (see `runsAudits`). */
	fieldWork: boolean;
	displayName: string;
	pseudonym: string;
}

/** The demo organisation's users; all share the demo password. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{
		email: 'manager@nordlys.example',
		role: 'manager',
		// Shops competitors herself: her browser syncs her own visits.
		fieldWork: true,
		displayName: 'Mette Holm',
		pseudonym: 'Reviewer 1'
	},
	{
		email: 'shopper17@nordlys.example',
		role: 'shopper',
		fieldWork: true,
		displayName: 'Sofie Lund',
		pseudonym: 'Shopper 17'
	},
	{
		email: 'shopper23@nordlys.example',
		role: 'shopper',
		fieldWork: true,
		displayName: 'Jonas Berg',
		pseudonym: 'Shopper 23'
	},
	{
		email: 'store.copenhagen@nordlys.example',
		role: 'viewer',
		fieldWork: false,
		displayName: 'Lars Winther',
		pseudonym: 'Store reader 1'
	},
	{
		email: 'admin@nordlys.example',
		role: 'admin',
		fieldWork: false,
		displayName: 'Anders Krogh',
		pseudonym: 'Admin 1'
	}
];

// Demo data, not a secret: it is printed at every start so people can try the app.
const DEFAULT_DEMO_PASSWORD = 'shopwalk-demo';

/** The demo accounts' password: `DEMO_PASSWORD` from the environment, or the documented default. */
export function demoPassword(env: Record<string, string | undefined>): string {
	return env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
}

/** The lines printed at start: each demo email with its role, and the password. */
export function formatDemoSignIns(password: string): string {
	const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
	return [
		`Demo sign-ins for ${DEMO_ORGANISATION.name} (password: ${password}):`,
		...DEMO_ACCOUNTS.map(
			(account) => `  ${account.email.padEnd(width)}  ${account.role} (${account.displayName})`
		)
	].join('\n');
}
