import type { LocalizedText } from '$lib/domain/types';

/** A planned demo visit: which shopper, template, location and brief, and its window in days from today. */
export interface DemoVisit {
	shopperEmail: string;
	templateId: string;
	locationId: string;
	/** Whole days from today's midnight (UTC) to the window's start, and the window's length. */
	startDay: number;
	days: number;
	/** The scenario in each of the four languages; the shopper reads it in theirs. */
	brief: LocalizedText;
}

const brief = (en: string, da: string, nb: string, pl: string): LocalizedText => ({
	en,
	da,
	nb,
	pl
});

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
			'See how the competitor presents student laptops, and ask for a demo.',
			'Se hvordan konkurrenten præsenterer bærbare til studerende, og spørg efter en demo.',
			'Se hvordan konkurrenten presenterer bærbare PC-er for studenter, og be om en demonstrasjon.',
			'Zobacz, jak konkurencja prezentuje laptopy dla studentów, i poproś o pokaz.'
		)
	},
	{
		shopperEmail: 'shopper17@nordlys.example',
		templateId: 'retail-store-visit',
		locationId: 'loc-own-copenhagen',
		startDay: -1,
		days: 3,
		brief: brief(
			'Ask for a laptop for a student, budget 6000 DKK, and ask about the warranty.',
			'Spørg efter en bærbar til en studerende, budget 6000 kr., og spørg ind til garantien.',
			'Spør etter en bærbar PC til en student, budsjett 6000 danske kroner, og spør om garantien.',
			'Zapytaj o laptopa dla studenta z budżetem 6000 koron duńskich i dopytaj o gwarancję.'
		)
	},
	{
		shopperEmail: 'shopper17@nordlys.example',
		templateId: 'competitor-visit',
		locationId: 'loc-comp-copenhagen',
		startDay: 0,
		days: 5,
		brief: brief(
			'Ask for a laptop for a student, budget 6000 DKK, and ask about the warranty. Compare with our offer.',
			'Spørg efter en bærbar til en studerende, budget 6000 kr., og spørg ind til garantien. Sammenlign med vores tilbud.',
			'Spør etter en bærbar PC til en student, budsjett 6000 danske kroner, og spør om garantien. Sammenlign med vårt tilbud.',
			'Zapytaj o laptopa dla studenta z budżetem 6000 koron duńskich i dopytaj o gwarancję. Porównaj z naszą ofertą.'
		)
	},
	{
		shopperEmail: 'shopper17@nordlys.example',
		templateId: 'complaint-handling',
		locationId: 'loc-own-aarhus',
		startDay: 2,
		days: 7,
		brief: brief(
			'Return a pair of headphones whose left side cuts out, bought three weeks ago. Bring the receipt.',
			'Returnér et par hovedtelefoner, hvor venstre side falder ud, købt for tre uger siden. Kvitteringen er med.',
			'Lever tilbake et par hodetelefoner der venstre side faller ut, kjøpt for tre uker siden. Ta med kvitteringen.',
			'Zwróć słuchawki, w których co chwilę milknie lewa strona, kupione trzy tygodnie temu. Weź ze sobą paragon.'
		)
	},
	{
		shopperEmail: 'shopper23@nordlys.example',
		templateId: 'retail-store-visit',
		locationId: 'loc-own-aarhus',
		startDay: 0,
		days: 4,
		brief: brief(
			'You want a 55-inch TV for the living room, budget 8000 DKK. Ask about delivery and a wall mount.',
			'Du skal købe et fjernsyn på 55 tommer til stuen, budget 8000 kr. Spørg om levering og vægbeslag.',
			'Du skal kjøpe en 55-tommers TV til stuen, budsjett 8000 danske kroner. Spør om levering og veggfeste.',
			'Chcesz kupić 55-calowy telewizor do salonu, budżet 8000 koron duńskich. Zapytaj o dostawę i uchwyt ścienny.'
		)
	},
	{
		shopperEmail: 'shopper23@nordlys.example',
		templateId: 'competitor-visit',
		locationId: 'loc-comp-odense',
		startDay: 1,
		days: 5,
		brief: brief(
			'Ask for a robot vacuum for a flat with pets, budget 3000 DKK. Ask about spare parts.',
			'Spørg efter en robotstøvsuger til en lejlighed med kæledyr, budget 3000 kr. Spørg om reservedele.',
			'Spør etter en robotstøvsuger til en leilighet med kjæledyr, budsjett 3000 danske kroner. Spør om reservedeler.',
			'Zapytaj o robota sprzątającego do mieszkania ze zwierzętami, budżet 3000 koron duńskich. Zapytaj o części zamienne.'
		)
	},
	{
		shopperEmail: 'shopper23@nordlys.example',
		templateId: 'complaint-handling',
		locationId: 'loc-comp-copenhagen',
		startDay: 3,
		days: 7,
		brief: brief(
			'Complain about a phone charger that got hot after a week. Ask for a solution before showing the receipt.',
			'Klag over en mobiloplader, der blev varm efter en uge. Bed om en løsning uden at vise kvittering først.',
			'Klag på en mobillader som ble varm etter en uke. Be om en løsning før du viser kvitteringen.',
			'Złóż reklamację ładowarki do telefonu, która po tygodniu zaczęła się nagrzewać. Poproś o rozwiązanie, zanim pokażesz paragon.'
		)
	}
];
