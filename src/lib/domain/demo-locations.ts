import type { Location } from './types';

/**
 * Stores the device offers before it has synced any locations from the server: the demo
 * organisation's own shops and two competitors, so a visit can be walked on a fresh tablet.
 */
export const DEMO_LOCATIONS: Location[] = [
	{
		id: 'loc-own-copenhagen',
		name: 'Nordlys Elektronik Strøget',
		kind: 'own',
		brand: 'Nordlys Elektronik',
		address: 'Strøget 42, 1160 København K',
		region: 'Hovedstaden'
	},
	{
		id: 'loc-own-aarhus',
		name: 'Nordlys Elektronik Aarhus C',
		kind: 'own',
		brand: 'Nordlys Elektronik',
		address: 'Søndergade 18, 8000 Aarhus C',
		region: 'Midtjylland'
	},
	{
		id: 'loc-comp-copenhagen',
		name: 'ByteHuset Fisketorvet',
		kind: 'competitor',
		brand: 'ByteHuset',
		address: 'Kalvebod Brygge 59, 1560 København V',
		region: 'Hovedstaden'
	},
	{
		id: 'loc-comp-odense',
		name: 'TechMarked Odense',
		kind: 'competitor',
		brand: 'TechMarked',
		address: 'Vestergade 72, 5000 Odense C',
		region: 'Syddanmark'
	}
];
