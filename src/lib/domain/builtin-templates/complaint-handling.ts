import type { JourneyTemplate, Stage } from '../types';
import {
	checkpoint,
	MINUTES,
	multipleChoice,
	numberInput,
	option,
	scale,
	singleChoice,
	t,
	text,
	time,
	whenEquals,
	yesNo,
	yesNoNa
} from './builders';

/*
 * A staged complaint or return: the shopper brings back a product with a problem described in
 * the scenario brief and follows how the complaint is received, heard and resolved.
 */

const presenting: Stage = {
	id: 'presenting',
	title: t(
		'Presenting the complaint',
		'Fremførelse af klagen',
		'Fremføring av klagen',
		'Zgłoszenie reklamacji'
	),
	description: t(
		'Bring the product and the story from your scenario brief. Present the complaint calmly and clearly.',
		'Medbring produktet og historien fra dit scenariebrief. Fremfør klagen roligt og tydeligt.',
		'Ta med produktet og historien fra scenariobeskrivelsen din. Fremfør klagen rolig og tydelig.',
		'Zabierz ze sobą produkt i przygotuj historię z opisu scenariusza. Przedstaw reklamację spokojnie i jasno.'
	),
	weight: 15,
	checkpoints: [
		checkpoint({
			id: 'presenting.time-presented',
			prompt: t(
				'At what time did you present the complaint?',
				'Hvad var klokken, da du fremførte klagen?',
				'Hva var klokken da du fremførte klagen?',
				'O której godzinie zgłoszono reklamację?'
			),
			guidance: t(
				'Read the time off the tablet (HH:MM).',
				'Aflæs klokkeslættet på tabletten (TT:MM).',
				'Les av klokkeslettet på nettbrettet (TT:MM).',
				'Odczytaj godzinę z tabletu (GG:MM).'
			),
			response: time()
		}),
		checkpoint({
			id: 'presenting.easy-to-find',
			prompt: t(
				'Was it easy to find someone who could take your complaint?',
				'Var det let at finde en, der kunne tage imod din klage?',
				'Var det lett å finne noen som kunne ta imot klagen din?',
				'Czy łatwo było znaleźć kogoś, kto mógł przyjąć Twoją reklamację?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'presenting.minutes-to-staff',
			prompt: t(
				'How many minutes passed before an employee was ready to hear your complaint?',
				'Hvor mange minutter gik der, før en medarbejder var klar til at høre din klage?',
				'Hvor mange minutter gikk det før en ansatt var klar til å høre på klagen din?',
				'Ile minut minęło, zanim pracownik był gotowy wysłuchać Twojej reklamacji?'
			),
			guidance: t(
				'Three minutes or less passes.',
				'Tre minutter eller mindre er godkendt.',
				'Tre minutter eller mindre er godkjent.',
				'Trzy minuty lub mniej to wynik pozytywny.'
			),
			response: numberInput({ unit: MINUTES, min: 0, max: 120, pass: { max: 3 } }),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'presenting.first-reaction',
			prompt: t(
				'How did the employee first react when you said you had a complaint?',
				'Hvordan reagerede medarbejderen først, da du sagde, at du havde en klage?',
				'Hvordan reagerte den ansatte først da du sa at du hadde en klage?',
				'Jak pracownik zareagował na początku, gdy usłyszał, że masz reklamację?'
			),
			response: singleChoice([
				option(
					'welcoming',
					1,
					t(
						"Welcoming ('Good that you came back to us')",
						"Imødekommende ('Godt, at du kom tilbage til os')",
						"Imøtekommende ('Bra at du kom tilbake til oss')",
						"Życzliwie ('Dobrze, że zgłasza się Pan/Pani z tym do nas')"
					)
				),
				option(
					'neutral',
					0.5,
					t(
						'Neutral and matter-of-fact',
						'Neutral og saglig',
						'Nøytral og saklig',
						'Neutralnie i rzeczowo'
					)
				),
				option(
					'defensive',
					0,
					t(
						'Defensive or annoyed',
						'Defensiv eller irriteret',
						'Defensiv eller irritert',
						'Defensywnie lub z irytacją'
					)
				)
			]),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'presenting.discretion',
			prompt: t(
				'Were you offered to talk somewhere with more privacy, away from a queue?',
				'Blev du tilbudt at tale et sted med mere ro, væk fra en kø?',
				'Fikk du tilbud om å snakke et mer skjermet sted, unna køen?',
				'Czy zaproponowano Ci rozmowę w bardziej ustronnym miejscu, z dala od kolejki?'
			),
			guidance: t(
				'Answer N/A if nobody else was waiting and the counter was private enough.',
				'Svar "ikke relevant", hvis ingen andre ventede, og disken var diskret nok.',
				'Svar «Ikke relevant» hvis ingen andre ventet og disken var skjermet nok.',
				'Odpowiedz „Nie dotyczy”, jeśli nikt inny nie czekał, a przy ladzie było wystarczająco dyskretnie.'
			),
			response: yesNoNa()
		})
	]
};

const listening: Stage = {
	id: 'listening',
	title: t(
		'Listening and empathy',
		'Lytning og empati',
		'Lytting og empati',
		'Słuchanie i empatia'
	),
	description: t(
		'Watch whether the employee listens to the whole story and shows understanding before defending or explaining.',
		'Læg mærke til, om medarbejderen lytter til hele historien og viser forståelse, før der forsvares eller forklares.',
		'Legg merke til om den ansatte lytter til hele historien og viser forståelse før det kommer forsvar eller forklaringer.',
		'Zwróć uwagę, czy pracownik wysłuchuje całej historii i okazuje zrozumienie, zanim zacznie się bronić lub tłumaczyć.'
	),
	weight: 20,
	checkpoints: [
		checkpoint({
			id: 'listening.let-finish',
			prompt: t(
				'Did the employee let you tell the whole story without interrupting?',
				'Lod medarbejderen dig fortælle hele historien uden at afbryde?',
				'Lot den ansatte deg fortelle hele historien uten å avbryte?',
				'Czy pracownik pozwolił Ci opowiedzieć całą historię, nie przerywając?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'listening.clarifying-questions',
			prompt: t(
				'Did the employee ask questions to understand the problem?',
				'Stillede medarbejderen spørgsmål for at forstå problemet?',
				'Stilte den ansatte spørsmål for å forstå problemet?',
				'Czy pracownik zadawał pytania, żeby zrozumieć problem?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'listening.empathy',
			prompt: t(
				'How well did the employee show understanding of your situation?',
				'Hvor godt viste medarbejderen forståelse for din situation?',
				'Hvor godt viste den ansatte forståelse for situasjonen din?',
				'W jakim stopniu pracownik okazał zrozumienie dla Twojej sytuacji?'
			),
			guidance: t(
				'1 = indifferent or dismissive, 3 = polite, 5 = engaged and genuinely sorry that it happened.',
				'1 = ligeglad eller afvisende, 3 = høflig, 5 = engageret og oprigtigt ked af, at det var sket.',
				'1 = likegyldig eller avvisende, 3 = høflig, 5 = engasjert og oppriktig lei seg for at det hadde skjedd.',
				'1 = obojętny lub lekceważący, 3 = uprzejmy, 5 = zaangażowany i szczerze mu przykro, że tak się stało.'
			),
			response: scale(),
			weight: 2
		}),
		checkpoint({
			id: 'listening.apology',
			prompt: t(
				'Did the employee apologise for the inconvenience?',
				'Undskyldte medarbejderen ulejligheden?',
				'Ba den ansatte om unnskyldning for ulempen?',
				'Czy pracownik przeprosił za niedogodności?'
			),
			guidance: t(
				'An apology for the trouble counts even if the employee does not admit a fault.',
				'En undskyldning for besværet tæller, også selvom medarbejderen ikke indrømmer en fejl.',
				'En unnskyldning for bryet teller, selv om den ansatte ikke innrømmer en feil.',
				'Przeprosiny za kłopot się liczą, nawet jeśli pracownik nie przyznaje się do błędu.'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'listening.respectful',
			prompt: t(
				'Was the employee respectful throughout, without blaming you, colleagues or the supplier?',
				'Var medarbejderen respektfuld hele vejen igennem uden at give dig, kolleger eller leverandøren skylden?',
				'Var den ansatte respektfull hele veien, uten å gi deg, kolleger eller leverandøren skylden?',
				'Czy pracownik przez cały czas odnosił się z szacunkiem, nie obwiniając Ciebie, współpracowników ani dostawcy?'
			),
			guidance: t(
				'Blaming the customer, rudeness or sarcasm is a critical failure.',
				'At give kunden skylden, uhøflighed eller sarkasme er en kritisk fejl.',
				'Å gi kunden skylden, uhøflighet eller sarkasme er en kritisk feil.',
				'Obwinianie klienta, niegrzeczność lub sarkazm to błąd krytyczny.'
			),
			response: yesNo(),
			weight: 2,
			critical: true,
			noteOnNegative: true
		})
	]
};

const authority: Stage = {
	id: 'authority',
	title: t(
		'Authority to resolve',
		'Mandat til at løse sagen',
		'Myndighet til å løse saken',
		'Uprawnienia do rozwiązania sprawy'
	),
	description: t(
		'Could the first employee resolve the complaint at first contact, without escalation?',
		'Kunne den første medarbejder løse klagen ved første kontakt uden eskalering?',
		'Kunne den første ansatte løse klagen ved første kontakt, uten eskalering?',
		'Czy pierwszy pracownik mógł rozwiązać reklamację przy pierwszym kontakcie, bez przekazywania jej wyżej?'
	),
	weight: 25,
	checkpoints: [
		checkpoint({
			id: 'authority.first-contact-resolution',
			prompt: t(
				'Did the first employee you spoke to resolve the complaint without handing it on?',
				'Løste den første medarbejder, du talte med, klagen uden at give den videre?',
				'Løste den første ansatte du snakket med, klagen uten å sende den videre?',
				'Czy już pierwszy pracownik rozwiązał reklamację, bez przekazywania jej dalej?'
			),
			response: yesNo(),
			weight: 3,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'authority.escalation',
			prompt: t(
				'What happened instead?',
				'Hvad skete der i stedet?',
				'Hva skjedde i stedet?',
				'Co się stało zamiast tego?'
			),
			response: singleChoice([
				option(
					'manager-on-site',
					0.5,
					t(
						'A manager came and resolved it during the visit',
						'En leder kom og løste den under besøget',
						'En leder kom og løste den under besøket',
						'Przyszedł kierownik i rozwiązał sprawę podczas wizyty'
					)
				),
				option(
					'contact-later',
					0.25,
					t(
						'You were promised a call or e-mail later',
						'Du fik lovning på et opkald eller en e-mail senere',
						'Du ble lovet en telefon eller en e-post senere',
						'Obiecano Ci późniejszy telefon lub e-mail'
					)
				),
				option(
					'referred-away',
					0,
					t(
						'You were referred to customer service, the website or the manufacturer',
						'Du blev henvist til kundeservice, hjemmesiden eller producenten',
						'Du ble henvist til kundeservice, nettsiden eller produsenten',
						'Odesłano Cię do działu obsługi klienta, na stronę internetową lub do producenta'
					)
				)
			]),
			weight: 2,
			noteOnNegative: true,
			visibleWhen: whenEquals('authority.first-contact-resolution', 'no')
		}),
		checkpoint({
			id: 'authority.knew-rules',
			prompt: t(
				'Did the employee know the rules (complaint period, return policy) without looking them up?',
				'Kendte medarbejderen reglerne (reklamationsfrist, returpolitik) uden at slå dem op?',
				'Kjente den ansatte reglene (reklamasjonsfrist, returregler) uten å slå dem opp?',
				'Czy pracownik znał zasady (termin reklamacji, zasady zwrotów), nie musząc ich sprawdzać?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'authority.rights-correct',
			prompt: t(
				'Was everything you were told about your rights correct?',
				'Var alt, hvad du fik at vide om dine rettigheder, korrekt?',
				'Var alt du fikk vite om rettighetene dine, riktig?',
				'Czy wszystko, co powiedziano Ci o Twoich prawach, było poprawne?'
			),
			guidance: t(
				'Check against the statutory complaint rules after the visit. Wrong information about your rights is a critical failure.',
				'Tjek mod reglerne for reklamationsret efter besøget. Forkerte oplysninger om dine rettigheder er en kritisk fejl.',
				'Sjekk mot reglene for reklamasjonsrett etter besøket. Feil opplysninger om rettighetene dine er en kritisk feil.',
				'Po wizycie porównaj to z ustawowymi zasadami reklamacji. Błędne informacje o Twoich prawach to błąd krytyczny.'
			),
			response: yesNo(),
			weight: 2,
			critical: true,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'authority.minutes-to-answer',
			prompt: t(
				'How many minutes passed from presenting the complaint until you had a solution or a clear answer?',
				'Hvor mange minutter gik der, fra du fremførte klagen, til du havde en løsning eller et klart svar?',
				'Hvor mange minutter gikk det fra du fremførte klagen, til du hadde en løsning eller et klart svar?',
				'Ile minut minęło od zgłoszenia reklamacji do otrzymania rozwiązania lub jasnej odpowiedzi?'
			),
			guidance: t(
				'Fifteen minutes or less passes.',
				'Femten minutter eller mindre er godkendt.',
				'Femten minutter eller mindre er godkjent.',
				'Piętnaście minut lub mniej to wynik pozytywny.'
			),
			response: numberInput({ unit: MINUTES, min: 0, max: 240, pass: { max: 15 } }),
			noteOnNegative: true
		})
	]
};

const solution: Stage = {
	id: 'solution',
	title: t(
		'The solution offered',
		'Den tilbudte løsning',
		'Løsningen som ble tilbudt',
		'Zaproponowane rozwiązanie'
	),
	weight: 25,
	checkpoints: [
		checkpoint({
			id: 'solution.kind',
			prompt: t(
				'What solution were you offered?',
				'Hvilken løsning blev du tilbudt?',
				'Hvilken løsning ble du tilbudt?',
				'Jakie rozwiązanie Ci zaproponowano?'
			),
			response: singleChoice([
				option(
					'as-asked',
					1,
					t(
						'Repair, replacement or refund as you asked',
						'Reparation, ombytning eller pengene tilbage, som du bad om',
						'Reparasjon, bytte eller pengene tilbake, slik du ba om',
						'Naprawa, wymiana lub zwrot pieniędzy, zgodnie z Twoją prośbą'
					)
				),
				option(
					'alternative',
					0.75,
					t(
						'An alternative that met your needs',
						'Et alternativ, der dækkede dit behov',
						'Et alternativ som dekket behovet ditt',
						'Inne rozwiązanie, które odpowiadało Twoim potrzebom'
					)
				),
				option(
					'partial',
					0.25,
					t('A partial solution', 'En delvis løsning', 'En delvis løsning', 'Częściowe rozwiązanie')
				),
				option('none', 0, t('No solution', 'Ingen løsning', 'Ingen løsning', 'Brak rozwiązania'))
			]),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'solution.choice-given',
			prompt: t(
				'Were you given a choice between solutions?',
				'Fik du et valg mellem forskellige løsninger?',
				'Fikk du velge mellom ulike løsninger?',
				'Czy dano Ci wybór spośród kilku rozwiązań?'
			),
			response: yesNo()
		}),
		checkpoint({
			id: 'solution.next-steps',
			prompt: t(
				'Were the next steps and the timeline explained clearly?',
				'Blev de næste skridt og tidsplanen forklaret tydeligt?',
				'Ble de neste stegene og tidsplanen forklart tydelig?',
				'Czy jasno wyjaśniono dalsze kroki i terminy?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'solution.fairness',
			prompt: t(
				'How fair did the solution feel?',
				'Hvor fair føltes løsningen?',
				'Hvor rettferdig føltes løsningen?',
				'Na ile uczciwe wydało Ci się rozwiązanie?'
			),
			guidance: t(
				'1 = unfair or evasive, 3 = what the rules require, 5 = generous and easy.',
				'1 = urimelig eller undvigende, 3 = hvad reglerne kræver, 5 = generøs og nem.',
				'1 = urimelig eller unnvikende, 3 = det reglene krever, 5 = raus og enkel.',
				'1 = nieuczciwe lub wymijające, 3 = tyle, ile wymagają przepisy, 5 = hojne i proste.'
			),
			response: scale(),
			weight: 2
		}),
		checkpoint({
			id: 'solution.extras',
			prompt: t(
				'Did the employee offer anything beyond the minimum?',
				'Tilbød medarbejderen noget ud over minimum?',
				'Tilbød den ansatte noe utover minimum?',
				'Czy pracownik zaproponował coś ponad minimum?'
			),
			response: multipleChoice([
				option(
					'goodwill',
					0.5,
					t(
						'A goodwill gesture (voucher, discount)',
						'En goodwill-gestus (gavekort, rabat)',
						'En goodwill-gest (gavekort, rabatt)',
						'Gest dobrej woli (bon, rabat)'
					)
				),
				option(
					'loan',
					0.5,
					t(
						'A replacement product to borrow meanwhile',
						'Et erstatningsprodukt at låne i mellemtiden',
						'Et erstatningsprodukt å låne i mellomtiden',
						'Produkt zastępczy do używania w międzyczasie'
					)
				),
				option(
					'free-service',
					0.5,
					t(
						'Free service, check-up or delivery',
						'Gratis service, eftersyn eller levering',
						'Gratis service, ettersyn eller levering',
						'Bezpłatny serwis, przegląd lub dostawa'
					)
				),
				option(
					'none',
					0,
					t(
						'Nothing beyond the minimum',
						'Intet ud over minimum',
						'Ingenting utover minimum',
						'Nic ponad minimum'
					)
				)
			])
		}),
		checkpoint({
			id: 'solution.written-confirmation',
			prompt: t(
				'Did you get a written confirmation (receipt, case number or e-mail)?',
				'Fik du en skriftlig bekræftelse (kvittering, sagsnummer eller e-mail)?',
				'Fikk du en skriftlig bekreftelse (kvittering, saksnummer eller e-post)?',
				'Czy przekazano Ci pisemne potwierdzenie (pokwitowanie, numer sprawy lub e-mail)?'
			),
			guidance: t(
				'Photograph the confirmation if it is on paper.',
				'Tag et billede af bekræftelsen, hvis den er på papir.',
				'Ta bilde av bekreftelsen hvis den er på papir.',
				'Zrób zdjęcie potwierdzenia, jeśli jest papierowe.'
			),
			response: yesNo(),
			photo: 'optional',
			noteOnNegative: true
		})
	]
};

const followUp: Stage = {
	id: 'follow-up',
	title: t('Follow-up', 'Opfølgning', 'Oppfølging', 'Działania po zgłoszeniu'),
	weight: 15,
	checkpoints: [
		checkpoint({
			id: 'follow-up.agreed',
			prompt: t(
				'Was a follow-up agreed (when and how you would hear from the store)?',
				'Blev der aftalt en opfølgning (hvornår og hvordan du ville høre fra butikken)?',
				'Ble det avtalt en oppfølging (når og hvordan du ville høre fra butikken)?',
				'Czy ustalono dalszy kontakt (kiedy i jak sklep się z Tobą skontaktuje)?'
			),
			guidance: t(
				'Answer N/A if the complaint was fully resolved on the spot.',
				'Svar "ikke relevant", hvis klagen blev løst helt på stedet.',
				'Svar «Ikke relevant» hvis klagen ble helt løst på stedet.',
				'Odpowiedz „Nie dotyczy”, jeśli reklamację w pełni rozwiązano na miejscu.'
			),
			response: yesNoNa(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'follow-up.thanked',
			prompt: t(
				'Did the employee thank you for raising the complaint?',
				'Takkede medarbejderen dig for at sige til?',
				'Takket den ansatte deg for at du sa fra?',
				'Czy pracownik podziękował Ci za zgłoszenie sprawy?'
			),
			response: yesNo()
		}),
		checkpoint({
			id: 'follow-up.overall',
			prompt: t(
				'Overall, how well was the complaint handled?',
				'Hvor godt blev klagen samlet set håndteret?',
				'Hvor godt ble klagen håndtert, alt i alt?',
				'Ogólnie rzecz biorąc, jak dobrze obsłużono reklamację?'
			),
			response: scale(),
			weight: 3
		}),
		checkpoint({
			id: 'follow-up.trust',
			prompt: t(
				'After this, how do you feel about shopping here again?',
				'Hvordan har du det nu med at handle her igen?',
				'Hva tenker du nå om å handle her igjen?',
				'Co teraz myślisz o ponownych zakupach w tym sklepie?'
			),
			response: singleChoice([
				option(
					'more-positive',
					1,
					t(
						'More positive than before the complaint',
						'Mere positiv end før klagen',
						'Mer positiv enn før klagen',
						'Bardziej pozytywnie niż przed reklamacją'
					)
				),
				option(
					'as-before',
					0.75,
					t(
						'As positive as before',
						'Lige så positiv som før',
						'Like positiv som før',
						'Tak samo pozytywnie jak wcześniej'
					)
				),
				option(
					'less-positive',
					0.25,
					t('Less positive', 'Mindre positiv', 'Mindre positiv', 'Mniej pozytywnie')
				),
				option(
					'avoid',
					0,
					t(
						'I would avoid the store',
						'Jeg ville undgå butikken',
						'Jeg ville unngått butikken',
						'Będę unikać tego sklepu'
					)
				)
			]),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'follow-up.summary',
			prompt: t(
				'Describe how the complaint was handled in two or three sentences for the manager.',
				'Beskriv i to-tre sætninger til lederen, hvordan klagen blev håndteret.',
				'Beskriv i to–tre setninger til lederen hvordan klagen ble håndtert.',
				'Opisz dla kierownika w dwóch lub trzech zdaniach, jak obsłużono reklamację.'
			),
			guidance: t(
				'Name what went well as clearly as what went wrong.',
				'Nævn det, der gik godt, lige så tydeligt som det, der gik galt.',
				'Nevn det som gikk bra, like tydelig som det som gikk galt.',
				'Opisz to, co poszło dobrze, tak samo wyraźnie jak to, co poszło źle.'
			),
			response: text()
		}),
		checkpoint({
			id: 'follow-up.improvement',
			prompt: t(
				'What would have made the experience better?',
				'Hvad ville have gjort oplevelsen bedre?',
				'Hva ville ha gjort opplevelsen bedre?',
				'Co poprawiłoby Twoje wrażenia?'
			),
			response: text(),
			required: false
		})
	]
};

/** The built-in complaint-handling visit, version 1, for own and competitor stores. */
export const COMPLAINT_HANDLING: JourneyTemplate = {
	id: 'complaint-handling',
	version: 1,
	name: t('Complaint handling', 'Klagehåndtering', 'Klagehåndtering', 'Obsługa reklamacji'),
	description: t(
		'A staged complaint or return: is the customer heard, and can the first employee resolve it without escalation?',
		'En iscenesat klage eller returnering: Bliver kunden hørt, og kan den første medarbejder løse sagen uden eskalering?',
		'En iscenesatt klage eller retur: Blir kunden hørt, og kan den første ansatte løse saken uten eskalering?',
		'Zaaranżowana reklamacja lub zwrot: czy klient zostaje wysłuchany i czy pierwszy pracownik może rozwiązać sprawę bez przekazywania jej wyżej?'
	),
	locationKind: 'any',
	criticalFailCap: 60,
	stages: [presenting, listening, authority, solution, followUp]
};
