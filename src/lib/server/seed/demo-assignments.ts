/** A planned demo visit: which shopper, template, location and brief, and its window in days from today. */
export interface DemoVisit {
	shopperEmail: string;
	templateId: string;
	locationId: string;
	/** Whole days from today's midnight (UTC) to the window's start, and the window's length. */
	startDay: number;
	days: number;
	brief: string;
}

// Danish first (the shops are Danish), then English for shoppers who read it better.
const brief = (da: string, en: string) => `${da}\n\nEN: ${en}`;

/** Three visits for each demo shopper (an own store, a competitor, a staged complaint), and the manager's own competitor visit. */
export const DEMO_VISITS: readonly DemoVisit[] = [
	{
		// The manager shops a competitor herself (field work): her own visit, synced from her browser.
		shopperEmail: 'manager@nordlys.example',
		templateId: 'competitor-visit',
		locationId: 'loc-comp-odense',
		startDay: 0,
		days: 7,
		brief: brief(
			'Se hvordan konkurrenten præsenterer bærbare til studerende, og spørg efter en demo.',
			'See how the competitor presents student laptops, and ask for a demo.'
		)
	},
	{
		shopperEmail: 'shopper17@nordlys.example',
		templateId: 'retail-store-visit',
		locationId: 'loc-own-copenhagen',
		startDay: -1,
		days: 3,
		brief: brief(
			'Spørg efter en bærbar til en studerende, budget 6000 kr., og spørg ind til garantien.',
			'Ask for a laptop for a student, budget 6000 DKK, and ask about the warranty.'
		)
	},
	{
		shopperEmail: 'shopper17@nordlys.example',
		templateId: 'competitor-visit',
		locationId: 'loc-comp-copenhagen',
		startDay: 0,
		days: 5,
		brief: brief(
			'Spørg efter en bærbar til en studerende, budget 6000 kr., og spørg ind til garantien. Sammenlign med vores tilbud.',
			'Ask for a laptop for a student, budget 6000 DKK, and ask about the warranty. Compare with our offer.'
		)
	},
	{
		shopperEmail: 'shopper17@nordlys.example',
		templateId: 'complaint-handling',
		locationId: 'loc-own-aarhus',
		startDay: 2,
		days: 7,
		brief: brief(
			'Returnér et par hovedtelefoner, hvor venstre side falder ud, købt for tre uger siden. Kvitteringen er med.',
			'Return a pair of headphones whose left side cuts out, bought three weeks ago. Bring the receipt.'
		)
	},
	{
		shopperEmail: 'shopper23@nordlys.example',
		templateId: 'retail-store-visit',
		locationId: 'loc-own-aarhus',
		startDay: 0,
		days: 4,
		brief: brief(
			'Du skal købe et fjernsyn på 55 tommer til stuen, budget 8000 kr. Spørg om levering og vægbeslag.',
			'You want a 55-inch TV for the living room, budget 8000 DKK. Ask about delivery and a wall mount.'
		)
	},
	{
		shopperEmail: 'shopper23@nordlys.example',
		templateId: 'competitor-visit',
		locationId: 'loc-comp-odense',
		startDay: 1,
		days: 5,
		brief: brief(
			'Spørg efter en robotstøvsuger til en lejlighed med kæledyr, budget 3000 kr. Spørg om reservedele.',
			'Ask for a robot vacuum for a flat with pets, budget 3000 DKK. Ask about spare parts.'
		)
	},
	{
		shopperEmail: 'shopper23@nordlys.example',
		templateId: 'complaint-handling',
		locationId: 'loc-comp-copenhagen',
		startDay: 3,
		days: 7,
		brief: brief(
			'Klag over en mobiloplader, der blev varm efter en uge. Bed om en løsning uden at vise kvittering først.',
			'Complain about a phone charger that got hot after a week. Ask for a solution before showing the receipt.'
		)
	}
];
