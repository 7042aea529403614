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
 * The retail store visit: nine stages in the order a customer meets them. Stage ids and
 * checkpoint ids are shared with the competitor visit (see competitor-visit.ts), so never
 * rename them; publish a new version instead.
 */

const arrival: Stage = {
	id: 'arrival',
	title: t(
		'Arrival and store environment',
		'Ankomst og butiksmiljø',
		'Ankomst og butikkmiljø',
		'Przybycie i otoczenie sklepu'
	),
	description: t(
		'First impressions from the street, the entrance and the sales floor, before you talk to anyone.',
		'Det første indtryk fra gaden, indgangen og butiksgulvet, før du taler med nogen.',
		'Førsteinntrykket fra gaten, inngangen og butikklokalet, før du snakker med noen.',
		'Pierwsze wrażenie z ulicy, od wejścia i z sali sprzedaży, zanim z kimkolwiek porozmawiasz.'
	),
	weight: 10,
	checkpoints: [
		checkpoint({
			id: 'arrival.storefront-signage',
			prompt: t(
				'Was the storefront signage clean, lit and easy to see from the street?',
				'Var facadeskiltet rent, oplyst og let at se fra gaden?',
				'Var fasadeskiltet rent, opplyst og lett å se fra gaten?',
				'Czy szyld sklepu był czysty, podświetlony i dobrze widoczny z ulicy?'
			),
			guidance: t(
				'Before you go in, photograph the storefront and sign from across the street. Missing letters, unlit signs or dirty windows count as No.',
				'Tag et billede af facaden og skiltet fra den anden side af gaden, før du går ind. Manglende bogstaver, slukkede skilte eller beskidte ruder tæller som Nej.',
				'Ta bilde av fasaden og skiltet fra andre siden av gaten før du går inn. Manglende bokstaver, slukkede skilt eller skitne vinduer teller som Nei.',
				'Zanim wejdziesz, zrób zdjęcie witryny i szyldu z drugiej strony ulicy. Brakujące litery, niepodświetlony szyld lub brudne szyby oznaczają odpowiedź „Nie”.'
			),
			response: yesNo(),
			photo: 'required',
			noteOnNegative: true
		}),
		checkpoint({
			id: 'arrival.opening-hours-visible',
			prompt: t(
				'Were the opening hours clearly displayed at the entrance?',
				'Var åbningstiderne tydeligt skiltet ved indgangen?',
				'Var åpningstidene tydelig oppslått ved inngangen?',
				'Czy godziny otwarcia były wyraźnie podane przy wejściu?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'arrival.open-as-posted',
			prompt: t(
				'Was the store open and accessible during the posted opening hours?',
				'Var butikken åben og tilgængelig inden for de skiltede åbningstider?',
				'Var butikken åpen og tilgjengelig innenfor de oppslåtte åpningstidene?',
				'Czy sklep był otwarty i dostępny w podanych godzinach otwarcia?'
			),
			guidance: t(
				'If the door was locked, the lights were off or staff said they were closed during opening hours, answer No and describe what happened.',
				'Hvis døren var låst, lyset var slukket, eller personalet sagde, at der var lukket inden for åbningstiden, så svar Nej og beskriv, hvad der skete.',
				'Hvis døren var låst, lyset var slukket eller de ansatte sa at det var stengt innenfor åpningstiden, svarer du Nei og beskriver hva som skjedde.',
				'Jeśli drzwi były zamknięte, światła zgaszone albo personel powiedział, że w godzinach otwarcia sklep jest nieczynny, odpowiedz „Nie” i opisz, co się stało.'
			),
			response: yesNo(),
			weight: 2,
			critical: true,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'arrival.entrance-clear',
			prompt: t(
				'Was the entrance clean and free of clutter, rubbish and obstacles?',
				'Var indgangen ren og fri for rod, affald og forhindringer?',
				'Var inngangen ren og fri for rot, søppel og hindringer?',
				'Czy wejście było czyste, bez bałaganu, śmieci i przeszkód?'
			),
			response: yesNo(),
			photo: 'optional',
			noteOnNegative: true
		}),
		checkpoint({
			id: 'arrival.customers-in-store',
			prompt: t(
				'About how many other customers were in the store when you arrived?',
				'Omtrent hvor mange andre kunder var der i butikken, da du kom?',
				'Omtrent hvor mange andre kunder var i butikken da du kom?',
				'Mniej więcej ilu innych klientów było w sklepie w chwili twojego przyjścia?'
			),
			guidance: t(
				'A rough count is enough. It helps the manager read waiting times and attention in context.',
				'Et groft skøn er nok. Det hjælper lederen med at se ventetid og opmærksomhed i sammenhæng.',
				'Et grovt anslag holder. Det hjelper lederen med å se ventetid og oppmerksomhet i sammenheng.',
				'Wystarczy liczba szacunkowa. Pomaga kierownikowi ocenić czas oczekiwania i uwagę personelu w kontekście.'
			),
			response: numberInput({
				unit: t('customers', 'kunder', 'kunder', 'klientów'),
				min: 0,
				max: 500
			})
		}),
		checkpoint({
			id: 'arrival.store-tidiness',
			prompt: t(
				'How clean and tidy was the sales floor overall?',
				'Hvor rent og ryddeligt var butiksgulvet samlet set?',
				'Hvor rent og ryddig var butikklokalet alt i alt?',
				'Jak czysta i uporządkowana była ogólnie sala sprzedaży?'
			),
			guidance: t(
				'1 = dirty and messy, 3 = acceptable, 5 = spotless and inviting. Look at floors, shelves, fitting rooms and counters.',
				'1 = beskidt og rodet, 3 = acceptabelt, 5 = skinnende rent og indbydende. Se på gulve, hylder, prøverum og diske.',
				'1 = skittent og rotete, 3 = akseptabelt, 5 = skinnende rent og innbydende. Se på gulv, hyller, prøverom og disker.',
				'1 = brudno i bałagan, 3 = w porządku, 5 = nieskazitelnie czysto i zachęcająco. Zwróć uwagę na podłogi, półki, przymierzalnie i lady.'
			),
			response: scale()
		}),
		checkpoint({
			id: 'arrival.shelf-stocked',
			prompt: t(
				"Was the shelf for your scenario's product category well stocked and neatly arranged?",
				'Var hylden med produktkategorien fra dit scenarie velfyldt og pænt ordnet?',
				'Var hyllen med produktkategorien fra scenarioet ditt godt fylt og pent ordnet?',
				'Czy półka z kategorią produktów z twojego scenariusza była dobrze zatowarowana i starannie ułożona?'
			),
			guidance: t(
				'Photograph the shelf. Gaps, empty hooks or boxes left on the floor count as No.',
				'Tag et billede af hylden. Huller, tomme kroge eller kasser efterladt på gulvet tæller som Nej.',
				'Ta bilde av hyllen. Hull, tomme kroker eller esker etterlatt på gulvet teller som Nei.',
				'Zrób zdjęcie półki. Luki, puste haczyki lub kartony zostawione na podłodze oznaczają odpowiedź „Nie”.'
			),
			response: yesNo(),
			photo: 'required',
			noteOnNegative: true
		}),
		checkpoint({
			id: 'arrival.price-labels',
			prompt: t(
				'Did every product on that shelf have a clear, visible price?',
				'Havde alle varer på hylden en tydelig og synlig pris?',
				'Hadde alle varene på hyllen en tydelig og synlig pris?',
				'Czy każdy produkt na tej półce miał wyraźną, widoczną cenę?'
			),
			guidance: t(
				'Check at least ten products. One missing or unreadable price label counts as No; note which products.',
				'Tjek mindst ti varer. Et manglende eller ulæseligt prisskilt tæller som Nej; notér hvilke varer.',
				'Sjekk minst ti varer. Én manglende eller uleselig prislapp teller som Nei; noter hvilke varer.',
				'Sprawdź co najmniej dziesięć produktów. Jedna brakująca lub nieczytelna etykieta cenowa oznacza odpowiedź „Nie”; zanotuj, których produktów to dotyczy.'
			),
			response: yesNo(),
			photo: 'optional',
			noteOnNegative: true
		}),
		checkpoint({
			id: 'arrival.campaign-material',
			prompt: t(
				"Was this month's campaign material displayed as described in the campaign guide?",
				'Var månedens kampagnemateriale sat op som beskrevet i kampagnevejledningen?',
				'Var månedens kampanjemateriell satt opp slik kampanjeveiledningen beskriver?',
				'Czy materiały kampanii z tego miesiąca były wyeksponowane zgodnie z wytycznymi kampanii?'
			),
			guidance: t(
				'Compare with the campaign brief in your assignment and photograph the display. Answer N/A if no campaign is running.',
				'Sammenlign med kampagnebriefet i din opgave, og tag et billede af opstillingen. Svar "ikke relevant", hvis der ikke kører en kampagne.',
				'Sammenlign med kampanjebriefen i oppdraget ditt, og ta bilde av oppstillingen. Svar «Ikke relevant» hvis det ikke går noen kampanje.',
				'Porównaj z opisem kampanii w swoim zleceniu i zrób zdjęcie ekspozycji. Odpowiedz „Nie dotyczy”, jeśli nie trwa żadna kampania.'
			),
			response: yesNoNa(),
			photo: 'required',
			noteOnNegative: true
		}),
		checkpoint({
			id: 'arrival.atmosphere',
			prompt: t(
				'Which of these describe the store atmosphere?',
				'Hvilke af disse beskriver stemningen i butikken?',
				'Hvilke av disse beskriver stemningen i butikken?',
				'Które z tych określeń opisują atmosferę w sklepie?'
			),
			guidance: t(
				"Tick all that apply. Choose 'None of these' if the store felt uncomfortable.",
				"Vælg alle, der passer. Vælg 'Ingen af disse', hvis butikken føltes ubehagelig.",
				'Velg alle som passer. Velg «Ingen av disse» hvis butikken føltes ubehagelig.',
				'Zaznacz wszystkie pasujące. Wybierz „Żadne z tych”, jeśli w sklepie było nieprzyjemnie.'
			),
			response: multipleChoice([
				option(
					'comfortable-temperature',
					0.25,
					t(
						'Comfortable temperature',
						'Behagelig temperatur',
						'Behagelig temperatur',
						'Przyjemna temperatura'
					)
				),
				option(
					'good-lighting',
					0.25,
					t('Good lighting', 'God belysning', 'God belysning', 'Dobre oświetlenie')
				),
				option(
					'suitable-sound',
					0.25,
					t(
						'Music at a suitable volume, or a pleasant quiet',
						'Musik i passende lydstyrke eller behagelig ro',
						'Musikk med passende lydnivå eller behagelig ro',
						'Muzyka o odpowiedniej głośności lub przyjemna cisza'
					)
				),
				option(
					'fresh-air',
					0.25,
					t(
						'Fresh air, no unpleasant smells',
						'Frisk luft uden ubehagelige lugte',
						'Frisk luft uten ubehagelig lukt',
						'Świeże powietrze, bez nieprzyjemnych zapachów'
					)
				),
				option('none', 0, t('None of these', 'Ingen af disse', 'Ingen av disse', 'Żadne z tych'))
			]),
			noteOnNegative: true
		})
	]
};

const greeting: Stage = {
	id: 'greeting',
	title: t(
		'Greeting and attention',
		'Velkomst og opmærksomhed',
		'Velkomst og oppmerksomhet',
		'Powitanie i uwaga'
	),
	description: t(
		'How quickly and how warmly the staff noticed you and made contact.',
		'Hvor hurtigt og hvor varmt personalet lagde mærke til dig og tog kontakt.',
		'Hvor raskt og hvor varmt de ansatte la merke til deg og tok kontakt.',
		'Jak szybko i jak serdecznie personel cię zauważył i nawiązał kontakt.'
	),
	weight: 10,
	checkpoints: [
		checkpoint({
			id: 'greeting.acknowledged',
			prompt: t(
				'Did an employee make eye contact or otherwise acknowledge you within the first minute?',
				'Fik du øjenkontakt med en medarbejder, eller viste en medarbejder på anden måde, at du var set, inden for det første minut?',
				'Fikk du øyekontakt med en ansatt, eller viste en ansatt på annen måte at du var sett, innen det første minuttet?',
				'Czy w ciągu pierwszej minuty pracownik nawiązał z tobą kontakt wzrokowy lub w inny sposób dał znać, że cię zauważył?'
			),
			guidance: t(
				'A nod or a smile from across the floor counts. Start counting when you pass the entrance.',
				'Et nik eller et smil på afstand tæller. Begynd at tælle, når du går ind ad døren.',
				'Et nikk eller et smil på avstand teller. Begynn å telle når du går inn døren.',
				'Liczy się też skinienie głową lub uśmiech z daleka. Zacznij liczyć czas, gdy przejdziesz przez wejście.'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'greeting.greeted',
			prompt: t(
				"Were you greeted in words (for example 'Hello' or 'Good morning')?",
				"Blev du hilst velkommen med ord (for eksempel 'Hej' eller 'Godmorgen')?",
				'Ble du ønsket velkommen med ord (for eksempel «Hei» eller «God morgen»)?',
				'Czy ktoś przywitał cię słowami (na przykład „Dzień dobry” lub „Witam”)?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'greeting.approached',
			prompt: t(
				'Did an employee approach you and offer help without you having to ask?',
				'Kom en medarbejder hen til dig og tilbød hjælp, uden at du skulle spørge?',
				'Kom en ansatt bort til deg og tilbød hjelp uten at du måtte spørre?',
				'Czy pracownik podszedł do ciebie i sam zaproponował pomoc, bez proszenia z twojej strony?'
			),
			guidance: t(
				'Browse the shelf from your scenario for a few minutes before you look for help yourself.',
				'Kig på hylden fra dit scenarie i et par minutter, før du selv opsøger hjælp.',
				'Se på hyllen fra scenarioet ditt i noen minutter før du selv oppsøker hjelp.',
				'Przez kilka minut oglądaj półkę z twojego scenariusza, zanim zaczniesz szukać pomocy na własną rękę.'
			),
			response: yesNo(),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'greeting.help-when-asked',
			prompt: t(
				'When you went to find an employee yourself, did you get help?',
				'Da du selv opsøgte en medarbejder, fik du så hjælp?',
				'Da du selv oppsøkte en ansatt, fikk du hjelp da?',
				'Czy pracownik ci pomógł, gdy trzeba było samemu go poszukać?'
			),
			guidance: t(
				'Answer No if you were ignored, sent away or told to wait without anyone coming back.',
				'Svar Nej, hvis du blev ignoreret, afvist eller bedt om at vente, uden at nogen vendte tilbage.',
				'Svar Nei hvis du ble ignorert, avvist eller bedt om å vente uten at noen kom tilbake.',
				'Odpowiedz „Nie”, jeśli cię zignorowano, odesłano albo kazano ci czekać i nikt nie wrócił.'
			),
			response: yesNo(),
			weight: 2,
			critical: true,
			noteOnNegative: true,
			visibleWhen: whenEquals('greeting.approached', 'no')
		}),
		checkpoint({
			id: 'greeting.first-contact-time',
			prompt: t(
				'At what time did an employee first speak to you?',
				'Hvad var klokken, da en medarbejder første gang talte med dig?',
				'Hva var klokken da en ansatt snakket med deg for første gang?',
				'O której godzinie pracownik po raz pierwszy się do ciebie odezwał?'
			),
			guidance: t(
				'Read the time off the tablet (HH:MM). Leave it empty if nobody spoke to you.',
				'Aflæs klokkeslættet på tabletten (TT:MM). Lad feltet stå tomt, hvis ingen talte med dig.',
				'Les av klokkeslettet på nettbrettet (TT:MM). La feltet stå tomt hvis ingen snakket med deg.',
				'Odczytaj godzinę z tabletu (GG:MM). Zostaw pole puste, jeśli nikt się do ciebie nie odezwał.'
			),
			response: time(),
			required: false
		}),
		checkpoint({
			id: 'greeting.minutes-to-contact',
			prompt: t(
				'How many minutes passed from entering until an employee spoke to you?',
				'Hvor mange minutter gik der, fra du kom ind, til en medarbejder talte med dig?',
				'Hvor mange minutter gikk det fra du kom inn til en ansatt snakket med deg?',
				'Ile minut minęło od wejścia do sklepu do chwili, gdy pracownik się do ciebie odezwał?'
			),
			guidance: t(
				'Two minutes or less passes. Round to whole minutes. If nobody spoke to you at all, enter the time you spent in the store.',
				'To minutter eller mindre er godkendt. Rund af til hele minutter. Hvis ingen talte med dig, så angiv den tid, du brugte i butikken.',
				'To minutter eller mindre er godkjent. Rund av til hele minutter. Hvis ingen snakket med deg i det hele tatt, fører du opp tiden du brukte i butikken.',
				'Dwie minuty lub mniej to wynik pozytywny. Zaokrąglij do pełnych minut. Jeśli nikt się do ciebie nie odezwał, wpisz czas spędzony w sklepie.'
			),
			response: numberInput({ unit: MINUTES, min: 0, max: 120, pass: { max: 2 } }),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'greeting.friendliness',
			prompt: t(
				'How friendly and welcoming was the first contact?',
				'Hvor venlig og imødekommende var den første kontakt?',
				'Hvor vennlig og imøtekommende var den første kontakten?',
				'Jak życzliwy i przyjazny był pierwszy kontakt?'
			),
			guidance: t(
				'1 = cold or dismissive, 3 = polite but neutral, 5 = warm and genuinely welcoming.',
				'1 = kold eller afvisende, 3 = høflig, men neutral, 5 = varm og oprigtigt imødekommende.',
				'1 = kald eller avvisende, 3 = høflig, men nøytral, 5 = varm og oppriktig imøtekommende.',
				'1 = chłodny lub lekceważący, 3 = uprzejmy, ale neutralny, 5 = ciepły i naprawdę serdeczny.'
			),
			response: scale(),
			weight: 2
		}),
		checkpoint({
			id: 'greeting.body-language',
			prompt: t(
				"How would you describe the employee's body language?",
				'Hvordan vil du beskrive medarbejderens kropssprog?',
				'Hvordan vil du beskrive kroppsspråket til den ansatte?',
				'Jak opiszesz mowę ciała pracownika?'
			),
			response: singleChoice([
				option(
					'open',
					1,
					t(
						'Open and engaged, turned towards you',
						'Åbent og engageret, vendt mod dig',
						'Åpent og engasjert, vendt mot deg',
						'Otwarta i zaangażowana, zwrócona w twoją stronę'
					)
				),
				option('neutral', 0.5, t('Neutral', 'Neutralt', 'Nøytralt', 'Neutralna')),
				option(
					'distracted',
					0.25,
					t(
						'Distracted (phone, screen, colleagues)',
						'Distraheret (telefon, skærm, kolleger)',
						'Distrahert (telefon, skjerm, kolleger)',
						'Rozkojarzona (telefon, ekran, współpracownicy)'
					)
				),
				option(
					'dismissive',
					0,
					t(
						'Dismissive or irritated',
						'Afvisende eller irriteret',
						'Avvisende eller irritert',
						'Lekceważąca lub poirytowana'
					)
				)
			]),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'greeting.staff-identifiable',
			prompt: t(
				'Were employees easy to recognise (uniform, name badge)?',
				'Var medarbejderne lette at genkende (uniform, navneskilt)?',
				'Var de ansatte lette å kjenne igjen (uniform, navneskilt)?',
				'Czy pracowników łatwo było rozpoznać (uniform, identyfikator)?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'greeting.busy-signal',
			prompt: t(
				'If the employee was busy with another customer or task, did they signal that they would be with you shortly?',
				'Hvis medarbejderen var optaget af en anden kunde eller opgave, signalerede vedkommende så, at du snart ville blive hjulpet?',
				'Hvis den ansatte var opptatt med en annen kunde eller oppgave, ga vedkommende beskjed om at du snart ville få hjelp?',
				'Jeśli pracownik był zajęty innym klientem lub zadaniem, czy dał ci znać, że zaraz się tobą zajmie?'
			),
			guidance: t(
				'Answer N/A if the employee was free when you met them.',
				'Svar "ikke relevant", hvis medarbejderen var ledig, da I mødtes.',
				'Svar «Ikke relevant» hvis den ansatte var ledig da dere møttes.',
				'Odpowiedz „Nie dotyczy”, jeśli pracownik był wolny w chwili waszego spotkania.'
			),
			response: yesNoNa(),
			noteOnNegative: true
		})
	]
};

const needsDiscovery: Stage = {
	id: 'needs-discovery',
	title: t('Needs discovery', 'Afdækning af behov', 'Behovsavdekking', 'Rozpoznanie potrzeb'),
	description: t(
		'Follow your scenario brief and let the employee lead. Note which questions they ask before they recommend anything.',
		'Følg dit scenariebrief, og lad medarbejderen føre an. Notér, hvilke spørgsmål der bliver stillet, før der anbefales noget.',
		'Følg scenariobriefen din, og la den ansatte lede. Noter hvilke spørsmål som blir stilt før noe blir anbefalt.',
		'Trzymaj się opisu scenariusza i pozwól pracownikowi prowadzić rozmowę. Zanotuj, jakie pytania zadaje, zanim cokolwiek poleci.'
	),
	weight: 15,
	checkpoints: [
		checkpoint({
			id: 'needs-discovery.open-questions',
			prompt: t(
				'Did the employee ask open questions about what you need (who, what, how, why)?',
				'Stillede medarbejderen åbne spørgsmål om dit behov (hvem, hvad, hvordan, hvorfor)?',
				'Stilte den ansatte åpne spørsmål om behovet ditt (hvem, hva, hvordan, hvorfor)?',
				'Czy pracownik zadawał pytania otwarte o twoje potrzeby (kto, co, jak, dlaczego)?'
			),
			guidance: t(
				"Questions that cannot be answered with yes or no, such as 'What will you mainly use it for?'",
				"Spørgsmål, der ikke kan besvares med ja eller nej, for eksempel 'Hvad skal du primært bruge den til?'",
				'Spørsmål som ikke kan besvares med ja eller nei, for eksempel «Hva skal du hovedsakelig bruke den til?»',
				'Pytania, na które nie da się odpowiedzieć „tak” lub „nie”, na przykład „Do czego głównie będziesz tego używać?”'
			),
			response: yesNo(),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'needs-discovery.question-count',
			prompt: t(
				'About how many questions did the employee ask about your needs before recommending a product?',
				'Omtrent hvor mange spørgsmål stillede medarbejderen om dit behov, før der blev anbefalet et produkt?',
				'Omtrent hvor mange spørsmål stilte den ansatte om behovet ditt før et produkt ble anbefalt?',
				'Mniej więcej ile pytań o twoje potrzeby zadał pracownik, zanim polecił produkt?'
			),
			guidance: t(
				"Three or more passes. Count only questions about you and your needs, not 'Can I help you?'.",
				"Tre eller flere er godkendt. Tæl kun spørgsmål om dig og dit behov, ikke 'Kan jeg hjælpe?'.",
				'Tre eller flere er godkjent. Tell bare spørsmål om deg og behovet ditt, ikke «Kan jeg hjelpe deg?».',
				'Trzy lub więcej to wynik pozytywny. Licz tylko pytania o ciebie i twoje potrzeby, a nie „W czym mogę pomóc?”.'
			),
			response: numberInput({
				unit: t('questions', 'spørgsmål', 'spørsmål', 'pytań'),
				min: 0,
				max: 50,
				pass: { min: 3 }
			}),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'needs-discovery.topics-covered',
			prompt: t(
				'Which topics did the employee explore?',
				'Hvilke emner kom medarbejderen ind på?',
				'Hvilke temaer kom den ansatte inn på?',
				'Jakie tematy poruszył pracownik?'
			),
			guidance: t(
				'Tick every topic the employee asked about on their own initiative.',
				'Markér hvert emne, medarbejderen spurgte ind til på eget initiativ.',
				'Kryss av for hvert tema den ansatte spurte om på eget initiativ.',
				'Zaznacz każdy temat, o który pracownik zapytał z własnej inicjatywy.'
			),
			response: multipleChoice([
				option(
					'purpose',
					0.25,
					t(
						'What you will use the product for',
						'Hvad du skal bruge produktet til',
						'Hva du skal bruke produktet til',
						'Do czego będziesz używać produktu'
					)
				),
				option(
					'usage',
					0.25,
					t(
						'How often and where you will use it',
						'Hvor ofte og hvor du skal bruge det',
						'Hvor ofte og hvor du skal bruke det',
						'Jak często i gdzie będziesz go używać'
					)
				),
				option(
					'current-product',
					0.25,
					t(
						'What you use today and what you miss',
						'Hvad du bruger i dag, og hvad du savner',
						'Hva du bruker i dag, og hva du savner',
						'Czego używasz dziś i czego ci brakuje'
					)
				),
				option('budget', 0.25, t('Your budget', 'Dit budget', 'Budsjettet ditt', 'Twój budżet')),
				option('none', 0, t('None of these', 'Ingen af disse', 'Ingen av disse', 'Żadne z tych'))
			]),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'needs-discovery.budget-respected',
			prompt: t(
				'Did the employee respect the budget you mentioned?',
				'Respekterede medarbejderen det budget, du nævnte?',
				'Respekterte den ansatte budsjettet du nevnte?',
				'Czy pracownik uszanował podany przez ciebie budżet?'
			),
			guidance: t(
				'Recommending something slightly above budget with a clear reason is fine. Answer N/A if the budget never came up.',
				'Det er fint at anbefale noget lidt over budgettet med en klar begrundelse. Svar "ikke relevant", hvis budgettet aldrig kom på tale.',
				'Det er greit å anbefale noe litt over budsjettet med en tydelig begrunnelse. Svar «Ikke relevant» hvis budsjettet aldri kom opp.',
				'Polecenie czegoś nieco powyżej budżetu z jasnym uzasadnieniem jest w porządku. Odpowiedz „Nie dotyczy”, jeśli budżet w ogóle nie padł w rozmowie.'
			),
			response: yesNoNa(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'needs-discovery.listening',
			prompt: t(
				'How well did the employee listen?',
				'Hvor godt lyttede medarbejderen?',
				'Hvor godt lyttet den ansatte?',
				'Jak dobrze pracownik słuchał?'
			),
			guidance: t(
				'1 = interrupted or ignored what you said, 5 = let you finish, followed up and remembered details.',
				'1 = afbrød eller overhørte, hvad du sagde, 5 = lod dig tale færdig, fulgte op og huskede detaljer.',
				'1 = avbrøt eller overhørte det du sa, 5 = lot deg snakke ferdig, fulgte opp og husket detaljer.',
				'1 = przerywał lub ignorował to, co mówisz, 5 = dawał ci skończyć, dopytywał i pamiętał szczegóły.'
			),
			response: scale(),
			weight: 2
		}),
		checkpoint({
			id: 'needs-discovery.summarised',
			prompt: t(
				'Did the employee sum up your needs before suggesting a solution?',
				'Opsummerede medarbejderen dit behov, før der blev foreslået en løsning?',
				'Oppsummerte den ansatte behovet ditt før en løsning ble foreslått?',
				'Czy pracownik podsumował twoje potrzeby, zanim zaproponował rozwiązanie?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'needs-discovery.no-assumptions',
			prompt: t(
				'Did the employee avoid assumptions based on your age, gender or appearance?',
				'Undgik medarbejderen at gøre antagelser ud fra din alder, dit køn eller dit udseende?',
				'Unngikk den ansatte å gjøre antakelser ut fra alderen, kjønnet eller utseendet ditt?',
				'Czy pracownik unikał założeń opartych na twoim wieku, płci lub wyglądzie?'
			),
			response: yesNo(),
			noteOnNegative: true
		})
	]
};

const advice: Stage = {
	id: 'advice',
	title: t(
		'Advice and product knowledge',
		'Rådgivning og produktkendskab',
		'Rådgivning og produktkunnskap',
		'Doradztwo i znajomość produktu'
	),
	description: t(
		'Ask the product questions from your scenario brief, including the hard one.',
		'Stil produktspørgsmålene fra dit scenariebrief, også det svære.',
		'Still produktspørsmålene fra scenariobriefen din, også det vanskelige.',
		'Zadaj pytania o produkt z opisu scenariusza, także to trudne.'
	),
	weight: 15,
	checkpoints: [
		checkpoint({
			id: 'advice.recommendation-fit',
			prompt: t(
				'How well did the recommended product match the needs you described?',
				'Hvor godt passede det anbefalede produkt til de behov, du beskrev?',
				'Hvor godt passet det anbefalte produktet til behovene du beskrev?',
				'Jak dobrze polecony produkt odpowiadał opisanym przez ciebie potrzebom?'
			),
			guidance: t(
				'1 = unrelated to your needs, 5 = a convincing match that the employee explained.',
				'1 = havde intet med dit behov at gøre, 5 = et overbevisende match, som medarbejderen forklarede.',
				'1 = hadde ingenting med behovet ditt å gjøre, 5 = et overbevisende valg som den ansatte forklarte.',
				'1 = bez związku z twoimi potrzebami, 5 = przekonujący wybór, który pracownik uzasadnił.'
			),
			response: scale(),
			weight: 2
		}),
		checkpoint({
			id: 'advice.alternatives-compared',
			prompt: t(
				'Did the employee present at least two alternatives and explain the differences?',
				'Præsenterede medarbejderen mindst to alternativer og forklarede forskellene?',
				'Presenterte den ansatte minst to alternativer og forklarte forskjellene?',
				'Czy pracownik przedstawił co najmniej dwie możliwości i wyjaśnił różnice?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'advice.product-knowledge',
			prompt: t(
				'How well did the employee know the product?',
				'Hvor godt kendte medarbejderen produktet?',
				'Hvor godt kjente den ansatte produktet?',
				'Jak dobrze pracownik znał produkt?'
			),
			guidance: t(
				'1 = had to guess or read from the box, 3 = knew the basics, 5 = answered precisely and confidently.',
				'1 = måtte gætte eller læse på æsken, 3 = kendte det grundlæggende, 5 = svarede præcist og sikkert.',
				'1 = måtte gjette eller lese på esken, 3 = kunne det grunnleggende, 5 = svarte presist og sikkert.',
				'1 = musiał zgadywać lub czytać z pudełka, 3 = znał podstawy, 5 = odpowiadał precyzyjnie i pewnie.'
			),
			response: scale(),
			weight: 2
		}),
		checkpoint({
			id: 'advice.hard-question',
			prompt: t(
				'How was the hard question from your scenario brief handled?',
				'Hvordan blev det svære spørgsmål fra dit scenariebrief håndteret?',
				'Hvordan ble det vanskelige spørsmålet fra scenariobriefen din håndtert?',
				'Jak poradzono sobie z trudnym pytaniem z opisu scenariusza?'
			),
			guidance: t(
				'Looking it up or asking a colleague is good service when the right answer comes back.',
				'Det er god service at slå svaret op eller spørge en kollega, når det rigtige svar kommer tilbage.',
				'Det er god service å slå opp svaret eller spørre en kollega når det riktige svaret kommer tilbake.',
				'Sprawdzenie odpowiedzi lub zapytanie współpracownika to dobra obsługa, jeśli w efekcie pada właściwa odpowiedź.'
			),
			response: singleChoice([
				option(
					'answered',
					1,
					t(
						'Answered correctly straight away',
						'Besvaret korrekt med det samme',
						'Svarte riktig med en gang',
						'Poprawna odpowiedź od razu'
					)
				),
				option(
					'looked-up',
					0.75,
					t(
						'Looked it up or asked a colleague and came back with the right answer',
						'Slog det op eller spurgte en kollega og vendte tilbage med det rigtige svar',
						'Slo det opp eller spurte en kollega og kom tilbake med riktig svar',
						'Sprawdził odpowiedź lub zapytał współpracownika i wrócił z właściwą odpowiedzią'
					)
				),
				option(
					'vague',
					0.25,
					t(
						'A vague or partly correct answer',
						'Et vagt eller delvist korrekt svar',
						'Et vagt eller delvis riktig svar',
						'Niejasna lub częściowo poprawna odpowiedź'
					)
				),
				option(
					'wrong-or-none',
					0,
					t(
						'A wrong answer or no answer',
						'Et forkert svar eller intet svar',
						'Et feil svar eller ikke noe svar',
						'Błędna odpowiedź lub brak odpowiedzi'
					)
				)
			]),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'advice.information-correct',
			prompt: t(
				'Was everything you were told correct and not misleading (price, warranty, features)?',
				'Var alt, hvad du fik at vide, korrekt og ikke vildledende (pris, garanti, funktioner)?',
				'Var alt du fikk vite, riktig og ikke villedende (pris, garanti, funksjoner)?',
				'Czy wszystkie przekazane ci informacje były prawdziwe i nie wprowadzały w błąd (cena, gwarancja, funkcje)?'
			),
			guidance: t(
				'Check the claims against the product page or data sheet after the visit. A misleading claim is a critical failure.',
				'Tjek oplysningerne mod produktsiden eller databladet efter besøget. En vildledende oplysning er en kritisk fejl.',
				'Sjekk opplysningene mot produktsiden eller databladet etter besøket. En villedende opplysning er en kritisk feil.',
				'Po wizycie sprawdź te informacje na stronie produktu lub w karcie katalogowej. Informacja wprowadzająca w błąd to błąd krytyczny.'
			),
			response: yesNo(),
			weight: 3,
			critical: true,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'advice.warranty-explained',
			prompt: t(
				'Did the employee explain the warranty, complaint rights or return policy correctly?',
				'Forklarede medarbejderen garanti, reklamationsret eller returret korrekt?',
				'Forklarte den ansatte garanti, reklamasjonsrett eller returrett riktig?',
				'Czy pracownik poprawnie wyjaśnił gwarancję, prawo do reklamacji lub zasady zwrotów?'
			),
			guidance: t(
				'Answer N/A if it did not come up and your scenario does not ask about it.',
				'Svar "ikke relevant", hvis det ikke kom på tale, og dit scenarie ikke beder dig spørge om det.',
				'Svar «Ikke relevant» hvis det ikke kom opp, og scenarioet ditt ikke ber deg spørre om det.',
				'Odpowiedz „Nie dotyczy”, jeśli temat nie padł, a twój scenariusz nie każe o to pytać.'
			),
			response: yesNoNa(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'advice.demonstration',
			prompt: t(
				'Did the employee show or demonstrate the product (switch it on, let you try it)?',
				'Viste eller demonstrerede medarbejderen produktet (tændte det, lod dig prøve det)?',
				'Viste eller demonstrerte den ansatte produktet (slo det på, lot deg prøve det)?',
				'Czy pracownik pokazał lub zademonstrował produkt (włączył go, dał ci go wypróbować)?'
			),
			guidance: t(
				'Answer N/A if the product cannot be demonstrated in the store.',
				'Svar "ikke relevant", hvis produktet ikke kan demonstreres i butikken.',
				'Svar «Ikke relevant» hvis produktet ikke kan demonstreres i butikken.',
				'Odpowiedz „Nie dotyczy”, jeśli produktu nie da się zademonstrować w sklepie.'
			),
			response: yesNoNa()
		}),
		checkpoint({
			id: 'advice.plain-language',
			prompt: t(
				'Did the employee explain things in plain language, without unnecessary jargon?',
				'Forklarede medarbejderen tingene i et klart sprog uden unødvendig fagjargon?',
				'Forklarte den ansatte ting på et klart språk uten unødvendig fagsjargong?',
				'Czy pracownik tłumaczył prostym językiem, bez niepotrzebnego żargonu?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'advice.own-experience',
			prompt: t(
				'Did the employee share their own experience with the product or similar products?',
				'Delte medarbejderen sine egne erfaringer med produktet eller lignende produkter?',
				'Delte den ansatte egne erfaringer med produktet eller lignende produkter?',
				'Czy pracownik podzielił się własnymi doświadczeniami z tym lub podobnymi produktami?'
			),
			guidance: t(
				'Staff who use what they sell give better advice. A concrete personal example counts as Yes.',
				'Medarbejdere, der selv bruger det, de sælger, rådgiver bedre. Et konkret personligt eksempel tæller som Ja.',
				'Ansatte som selv bruker det de selger, gir bedre råd. Et konkret personlig eksempel teller som Ja.',
				'Pracownicy, którzy sami używają tego, co sprzedają, lepiej doradzają. Konkretny osobisty przykład oznacza odpowiedź „Tak”.'
			),
			response: yesNo()
		})
	]
};

const personalTouch: Stage = {
	id: 'personal-touch',
	title: t('Personal touch', 'Personlig service', 'Personlig service', 'Indywidualne podejście'),
	description: t(
		'Your scenario brief includes a personal cue, such as moving house or a child finishing school. Mention it naturally.',
		'Dit scenariebrief indeholder et personligt signal, for eksempel en flytning eller et barn, der er færdig med skolen. Nævn det naturligt.',
		'Scenariobriefen din inneholder et personlig signal, for eksempel en flytting eller et barn som er ferdig med skolen. Nevn det naturlig.',
		'Opis scenariusza zawiera osobisty sygnał, na przykład przeprowadzkę albo dziecko kończące szkołę. Wspomnij o nim naturalnie.'
	),
	weight: 10,
	checkpoints: [
		checkpoint({
			id: 'personal-touch.cue-picked-up',
			prompt: t(
				'Did the employee pick up the personal cue from your scenario and respond to it?',
				'Opfangede medarbejderen det personlige signal fra dit scenarie og reagerede på det?',
				'Fanget den ansatte opp det personlige signalet fra scenarioet ditt og reagerte på det?',
				'Czy pracownik wychwycił osobisty sygnał z twojego scenariusza i na niego zareagował?'
			),
			guidance: t(
				"Yes if they asked about it or tied the advice to it (for example 'for a new flat you may also need…').",
				"Ja, hvis medarbejderen spurgte ind til det eller koblede rådgivningen til det (for eksempel 'til en ny lejlighed får du måske også brug for …').",
				'Ja hvis den ansatte spurte om det eller knyttet rådene til det (for eksempel «til en ny leilighet trenger du kanskje også …»).',
				'„Tak”, jeśli pracownik o to dopytał lub powiązał z tym swoje rady (na przykład „do nowego mieszkania przyda się też…”).'
			),
			response: yesNo(),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'personal-touch.adapted-style',
			prompt: t(
				'How well did the employee adapt to you (pace, tone, level of detail)?',
				'Hvor godt tilpassede medarbejderen sig dig (tempo, tone, detaljeniveau)?',
				'Hvor godt tilpasset den ansatte seg deg (tempo, tone, detaljnivå)?',
				'Jak dobrze pracownik dopasował się do ciebie (tempo, ton, poziom szczegółów)?'
			),
			guidance: t(
				'1 = the same routine for everyone, 5 = clearly adjusted to your personality and questions.',
				'1 = samme rutine for alle, 5 = tydeligt tilpasset din personlighed og dine spørgsmål.',
				'1 = samme rutine for alle, 5 = tydelig tilpasset personligheten din og spørsmålene dine.',
				'1 = ta sama rutyna dla każdego, 5 = wyraźne dopasowanie do twojej osobowości i pytań.'
			),
			response: scale()
		}),
		checkpoint({
			id: 'personal-touch.genuine',
			prompt: t(
				'Did the conversation feel genuine rather than scripted?',
				'Føltes samtalen oprigtig frem for indøvet?',
				'Føltes samtalen oppriktig og ikke innøvd?',
				'Czy rozmowa wydawała się szczera, a nie wyuczona?'
			),
			guidance: t(
				'1 = read from a script, 5 = a real conversation with real interest in you.',
				'1 = som læst op fra et manuskript, 5 = en ægte samtale med ægte interesse for dig.',
				'1 = som lest opp fra et manus, 5 = en ekte samtale med ekte interesse for deg.',
				'1 = jak wyuczona formułka, 5 = prawdziwa rozmowa z prawdziwym zainteresowaniem tobą.'
			),
			response: scale(),
			weight: 2
		}),
		checkpoint({
			id: 'personal-touch.name-used',
			prompt: t(
				'If you gave your name, did the employee use it?',
				'Hvis du sagde dit navn, brugte medarbejderen det så?',
				'Hvis du sa navnet ditt, brukte den ansatte det?',
				'Czy pracownik używał twojego imienia, jeśli je podano?'
			),
			guidance: t(
				'Answer N/A if you did not give your name.',
				'Svar "ikke relevant", hvis du ikke sagde dit navn.',
				'Svar «Ikke relevant» hvis du ikke sa navnet ditt.',
				'Odpowiedz „Nie dotyczy”, jeśli twoje imię nie padło.'
			),
			response: yesNoNa()
		}),
		checkpoint({
			id: 'personal-touch.surprised',
			prompt: t(
				'Did the employee do something that positively surprised you, beyond what you expected?',
				'Gjorde medarbejderen noget, der overraskede dig positivt ud over det forventede?',
				'Gjorde den ansatte noe som overrasket deg positivt, utover det du forventet?',
				'Czy pracownik zrobił coś, co pozytywnie cię zaskoczyło i przerosło twoje oczekiwania?'
			),
			guidance: t(
				"'Fine, I got what I expected' is a No. The test is whether you will remember the visit.",
				"'Fint nok, jeg fik det, jeg forventede' er et Nej. Spørgsmålet er, om du vil huske besøget.",
				'«Greit nok, jeg fikk det jeg forventet» er et Nei. Spørsmålet er om du kommer til å huske besøket.',
				'„W porządku, wszystko zgodnie z oczekiwaniami” to odpowiedź „Nie”. Chodzi o to, czy zapamiętasz tę wizytę.'
			),
			response: yesNo(),
			weight: 2
		}),
		checkpoint({
			id: 'personal-touch.surprise-description',
			prompt: t(
				'What did the employee do that surprised you?',
				'Hvad gjorde medarbejderen, der overraskede dig?',
				'Hva gjorde den ansatte som overrasket deg?',
				'Co takiego zrobił pracownik, że cię zaskoczył?'
			),
			guidance: t(
				'Be specific: the manager uses this to recognise the employee.',
				'Vær konkret: Lederen bruger det til at anerkende medarbejderen.',
				'Vær konkret: Lederen bruker dette til å gi den ansatte anerkjennelse.',
				'Pisz konkretnie: kierownik wykorzysta to, by docenić pracownika.'
			),
			response: text(),
			visibleWhen: whenEquals('personal-touch.surprised', 'yes')
		}),
		checkpoint({
			id: 'personal-touch.felt-respected',
			prompt: t(
				'Did you feel seen and treated with respect as a person?',
				'Følte du dig set og behandlet med respekt som menneske?',
				'Følte du deg sett og behandlet med respekt som menneske?',
				'Czy pracownik dostrzegał w tobie człowieka i traktował cię z szacunkiem?'
			),
			response: yesNo(),
			noteOnNegative: true
		})
	]
};

const objectionHandling: Stage = {
	id: 'objection-handling',
	title: t(
		'Objection and complaint handling',
		'Håndtering af indvendinger og klager',
		'Håndtering av innvendinger og klager',
		'Obsługa zastrzeżeń i reklamacji'
	),
	description: t(
		'Raise the objection or complaint from your scenario brief, for example that the price is lower online or that an earlier purchase broke. Watch whether the employee can solve it on the spot.',
		'Kom med indvendingen eller klagen fra dit scenariebrief, for eksempel at prisen er lavere på nettet, eller at et tidligere køb gik i stykker. Læg mærke til, om medarbejderen kan løse det på stedet.',
		'Kom med innvendingen eller klagen fra scenariobriefen din, for eksempel at prisen er lavere på nettet, eller at et tidligere kjøp gikk i stykker. Legg merke til om den ansatte kan løse det på stedet.',
		'Zgłoś zastrzeżenie lub reklamację z opisu scenariusza, na przykład że w internecie cena jest niższa albo że wcześniej kupiony produkt się zepsuł. Zwróć uwagę, czy pracownik potrafi rozwiązać sprawę na miejscu.'
	),
	weight: 10,
	checkpoints: [
		checkpoint({
			id: 'objection-handling.raised',
			prompt: t(
				'Were you able to raise the objection from your scenario brief?',
				'Fik du fremført indvendingen fra dit scenariebrief?',
				'Fikk du lagt fram innvendingen fra scenariobriefen din?',
				'Czy udało ci się zgłosić zastrzeżenie z opisu scenariusza?'
			),
			guidance: t(
				'Answer No only if the visit gave you no chance to raise it; the rest of this stage is then skipped.',
				'Svar kun Nej, hvis besøget ikke gav dig mulighed for det; resten af dette trin springes så over.',
				'Svar Nei bare hvis besøket ikke ga deg mulighet til det; resten av dette trinnet hoppes da over.',
				'Odpowiedz „Nie” tylko wtedy, gdy podczas wizyty nie było ku temu okazji; reszta tego etapu zostanie wtedy pominięta.'
			),
			response: yesNo(),
			weight: 0
		}),
		checkpoint({
			id: 'objection-handling.listened',
			prompt: t(
				'Did the employee let you explain the whole issue without interrupting?',
				'Lod medarbejderen dig forklare hele sagen uden at afbryde?',
				'Lot den ansatte deg forklare hele saken uten å avbryte?',
				'Czy pracownik pozwolił ci wyjaśnić całą sprawę bez przerywania?'
			),
			response: yesNo(),
			noteOnNegative: true,
			visibleWhen: whenEquals('objection-handling.raised', 'yes')
		}),
		checkpoint({
			id: 'objection-handling.empathy',
			prompt: t(
				'How well did the employee acknowledge your point of view?',
				'Hvor godt anerkendte medarbejderen dit synspunkt?',
				'Hvor godt anerkjente den ansatte synspunktet ditt?',
				'Na ile pracownik uszanował twój punkt widzenia?'
			),
			guidance: t(
				'1 = defensive or argued with you, 5 = showed understanding before explaining or solving.',
				'1 = defensiv eller diskuterede med dig, 5 = viste forståelse, før der blev forklaret eller løst noget.',
				'1 = defensiv eller diskuterte med deg, 5 = viste forståelse før noe ble forklart eller løst.',
				'1 = bronił się lub się z tobą spierał, 5 = okazał zrozumienie, zanim zaczął wyjaśniać lub rozwiązywać sprawę.'
			),
			response: scale(),
			visibleWhen: whenEquals('objection-handling.raised', 'yes')
		}),
		checkpoint({
			id: 'objection-handling.knew-authority',
			prompt: t(
				'Did the employee seem to know what they were allowed to offer (price match, discount, exchange) without asking anyone?',
				'Virkede det, som om medarbejderen vidste, hvad vedkommende måtte tilbyde (prismatch, rabat, ombytning) uden at spørge nogen?',
				'Virket det som om den ansatte visste hva vedkommende kunne tilby (prismatch, rabatt, bytte) uten å spørre noen?',
				'Czy pracownik sprawiał wrażenie, że wie, co może zaoferować (wyrównanie ceny, rabat, wymianę), bez pytania kogokolwiek?'
			),
			guidance: t(
				'Many employees do not know what they may decide on their own. Note exactly what was said.',
				'Mange medarbejdere ved ikke, hvad de selv må beslutte. Notér præcist, hvad der blev sagt.',
				'Mange ansatte vet ikke hva de selv har lov til å bestemme. Noter nøyaktig hva som ble sagt.',
				'Wielu pracowników nie wie, o czym mogą zdecydować sami. Zanotuj dokładnie, co zostało powiedziane.'
			),
			response: yesNo(),
			weight: 2,
			noteOnNegative: true,
			visibleWhen: whenEquals('objection-handling.raised', 'yes')
		}),
		checkpoint({
			id: 'objection-handling.resolved-by',
			prompt: t(
				'How was your objection resolved?',
				'Hvordan blev din indvending løst?',
				'Hvordan ble innvendingen din løst?',
				'Jak rozwiązano twoje zastrzeżenie?'
			),
			guidance: t(
				'The best answer is a solution from the first employee, at first contact, without escalation.',
				'Det bedste svar er en løsning fra den første medarbejder, ved første kontakt og uden eskalering.',
				'Det beste svaret er en løsning fra den første ansatte, ved første kontakt og uten eskalering.',
				'Najlepsza odpowiedź to rozwiązanie od pierwszego pracownika, przy pierwszym kontakcie, bez przekazywania sprawy wyżej.'
			),
			response: singleChoice([
				option(
					'employee-directly',
					1,
					t(
						'By the employee, straight away and without asking anyone',
						'Af medarbejderen selv, med det samme og uden at spørge nogen',
						'Av den ansatte selv, med en gang og uten å spørre noen',
						'Sam pracownik, od razu i bez pytania kogokolwiek'
					)
				),
				option(
					'after-check',
					0.75,
					t(
						'By the employee, after a quick check with a colleague',
						'Af medarbejderen efter en hurtig afklaring med en kollega',
						'Av den ansatte etter en rask avklaring med en kollega',
						'Pracownik, po krótkiej konsultacji ze współpracownikiem'
					)
				),
				option(
					'manager',
					0.25,
					t(
						'The employee had to fetch or call a manager',
						'Medarbejderen måtte hente eller ringe til en leder',
						'Den ansatte måtte hente eller ringe en leder',
						'Pracownik musiał przyprowadzić kierownika lub do niego zadzwonić'
					)
				),
				option(
					'not-resolved',
					0,
					t(
						'It was not resolved',
						'Den blev ikke løst',
						'Den ble ikke løst',
						'Sprawa nie została rozwiązana'
					)
				)
			]),
			weight: 2,
			noteOnNegative: true,
			visibleWhen: whenEquals('objection-handling.raised', 'yes')
		}),
		checkpoint({
			id: 'objection-handling.manager-available',
			prompt: t(
				'Was a manager available within five minutes?',
				'Var en leder til rådighed inden for fem minutter?',
				'Var en leder tilgjengelig innen fem minutter?',
				'Czy kierownik był dostępny w ciągu pięciu minut?'
			),
			response: yesNo(),
			noteOnNegative: true,
			visibleWhen: whenEquals('objection-handling.resolved-by', 'manager')
		}),
		checkpoint({
			id: 'objection-handling.solution-satisfaction',
			prompt: t(
				'How satisfied were you with the solution you were offered?',
				'Hvor tilfreds var du med den løsning, du fik tilbudt?',
				'Hvor fornøyd var du med løsningen du fikk tilbud om?',
				'Na ile zadowoliło cię zaproponowane rozwiązanie?'
			),
			response: scale(),
			visibleWhen: {
				checkpointId: 'objection-handling.resolved-by',
				op: 'in',
				values: ['employee-directly', 'after-check', 'manager']
			}
		}),
		checkpoint({
			id: 'objection-handling.polite-throughout',
			prompt: t(
				'Did the employee stay polite and calm throughout, also when you pushed back?',
				'Forblev medarbejderen høflig og rolig hele vejen igennem, også når du pressede på?',
				'Holdt den ansatte seg høflig og rolig hele veien, også når du presset på?',
				'Czy pracownik przez cały czas był uprzejmy i spokojny, także w odpowiedzi na twoje naciski?'
			),
			guidance: t(
				'Rudeness, sarcasm or a raised voice is a critical failure. Describe it in the note.',
				'Uhøflighed, sarkasme eller en hævet stemme er en kritisk fejl. Beskriv det i noten.',
				'Uhøflighet, sarkasme eller hevet stemme er en kritisk feil. Beskriv det i notatet.',
				'Nieuprzejmość, sarkazm lub podniesiony głos to błąd krytyczny. Opisz to w notatce.'
			),
			response: yesNo(),
			weight: 2,
			critical: true,
			noteOnNegative: true,
			visibleWhen: whenEquals('objection-handling.raised', 'yes')
		}),
		checkpoint({
			id: 'objection-handling.case-registered',
			prompt: t(
				"Did the employee register the complaint in the store's case system or give you a case number?",
				'Registrerede medarbejderen klagen i butikkens sagssystem eller gav dig et sagsnummer?',
				'Registrerte den ansatte klagen i butikkens sakssystem eller ga deg et saksnummer?',
				'Czy pracownik zarejestrował reklamację w systemie sklepu lub podał ci numer zgłoszenia?'
			),
			guidance: t(
				'Answer N/A if your objection was about price or product choice rather than a complaint.',
				'Svar "ikke relevant", hvis din indvending handlede om pris eller produktvalg og ikke var en klage.',
				'Svar «Ikke relevant» hvis innvendingen din handlet om pris eller produktvalg og ikke var en klage.',
				'Odpowiedz „Nie dotyczy”, jeśli twoje zastrzeżenie dotyczyło ceny lub wyboru produktu, a nie reklamacji.'
			),
			response: yesNoNa(),
			noteOnNegative: true,
			visibleWhen: whenEquals('objection-handling.raised', 'yes')
		})
	]
};

const proactiveOffers: Stage = {
	id: 'proactive-offers',
	title: t('Proactive offers', 'Proaktive tilbud', 'Proaktive tilbud', 'Proaktywne propozycje'),
	description: t(
		'Good service recommends and helps before the customer asks. Do not ask for extras yourself.',
		'God service anbefaler og hjælper, før kunden spørger. Spørg ikke selv efter ekstra tilbud.',
		'God service anbefaler og hjelper før kunden spør. Ikke spør selv etter ekstra tilbud.',
		'Dobra obsługa poleca i pomaga, zanim klient o to poprosi. Nie pytaj z własnej inicjatywy o dodatkowe propozycje.'
	),
	weight: 10,
	checkpoints: [
		checkpoint({
			id: 'proactive-offers.accessory-offered',
			prompt: t(
				'Did the employee suggest a relevant accessory or complementary product without being asked?',
				'Foreslog medarbejderen et relevant tilbehør eller supplerende produkt uden at blive spurgt?',
				'Foreslo den ansatte relevant tilbehør eller et supplerende produkt uten å bli spurt?',
				'Czy pracownik sam z siebie zaproponował odpowiednie akcesorium lub produkt uzupełniający?'
			),
			response: yesNo(),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'proactive-offers.accessory-relevance',
			prompt: t(
				'How relevant was the suggestion to your needs?',
				'Hvor relevant var forslaget i forhold til dit behov?',
				'Hvor relevant var forslaget for behovet ditt?',
				'Na ile propozycja odpowiadała twoim potrzebom?'
			),
			response: scale(),
			visibleWhen: whenEquals('proactive-offers.accessory-offered', 'yes')
		}),
		checkpoint({
			id: 'proactive-offers.services-offered',
			prompt: t(
				'Which services did the employee offer on their own initiative?',
				'Hvilke services tilbød medarbejderen på eget initiativ?',
				'Hvilke tjenester tilbød den ansatte på eget initiativ?',
				'Jakie usługi pracownik zaproponował z własnej inicjatywy?'
			),
			response: multipleChoice([
				option(
					'setup',
					0.5,
					t(
						'Set-up, installation or data transfer',
						'Opsætning, installation eller dataoverførsel',
						'Oppsett, installasjon eller dataoverføring',
						'Konfiguracja, instalacja lub przeniesienie danych'
					)
				),
				option(
					'delivery',
					0.5,
					t(
						'Delivery or click and collect',
						'Levering eller klik og hent',
						'Levering eller klikk og hent',
						'Dostawa lub zamówienie online z odbiorem w sklepie'
					)
				),
				option(
					'insurance',
					0.25,
					t(
						'Extended warranty or insurance',
						'Udvidet garanti eller forsikring',
						'Utvidet garanti eller forsikring',
						'Przedłużona gwarancja lub ubezpieczenie'
					)
				),
				option(
					'financing',
					0.25,
					t('Payment by instalments', 'Afbetaling', 'Avbetaling', 'Płatność w ratach')
				),
				option('none', 0, t('None', 'Ingen', 'Ingen', 'Żadne'))
			]),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'proactive-offers.offer-tone',
			prompt: t(
				'How did the offers feel?',
				'Hvordan føltes tilbuddene?',
				'Hvordan opplevde du tilbudene?',
				'Jak odbierasz te propozycje?'
			),
			response: singleChoice([
				option(
					'helpful',
					1,
					t(
						'Helpful and relevant',
						'Hjælpsomme og relevante',
						'Hjelpsomme og relevante',
						'Pomocne i trafne'
					)
				),
				option(
					'neutral',
					0.5,
					t(
						'Neither helpful nor pushy',
						'Hverken hjælpsomme eller påtrængende',
						'Verken hjelpsomme eller påtrengende',
						'Ani pomocne, ani natarczywe'
					)
				),
				option(
					'pushy',
					0,
					t(
						'Pushy or sales-driven',
						'Påtrængende eller salgsdrevne',
						'Påtrengende eller salgsdrevne',
						'Natarczywe lub nastawione na sprzedaż'
					)
				)
			]),
			noteOnNegative: true,
			visibleWhen: {
				checkpointId: 'proactive-offers.services-offered',
				op: 'not_equals',
				value: 'none'
			}
		}),
		checkpoint({
			id: 'proactive-offers.loyalty-programme',
			prompt: t(
				'Were you invited to join the loyalty club or customer programme?',
				'Blev du tilbudt at blive medlem af kundeklubben eller kundeprogrammet?',
				'Ble du tilbudt å bli medlem av kundeklubben eller kundeprogrammet?',
				'Czy zaproponowano ci dołączenie do klubu lojalnościowego lub programu dla klientów?'
			),
			guidance: t(
				'Answer N/A if the chain has no such programme.',
				'Svar "ikke relevant", hvis kæden ikke har et sådant program.',
				'Svar «Ikke relevant» hvis kjeden ikke har et slikt program.',
				'Odpowiedz „Nie dotyczy”, jeśli sieć nie ma takiego programu.'
			),
			response: yesNoNa()
		}),
		checkpoint({
			id: 'proactive-offers.decision-help',
			prompt: t(
				'Did the employee help you towards a decision (offering to reserve, order or set the product aside)?',
				'Hjalp medarbejderen dig mod en beslutning (tilbød at reservere, bestille eller lægge produktet til side)?',
				'Hjalp den ansatte deg mot en beslutning (tilbød å reservere, bestille eller legge av produktet)?',
				'Czy pracownik pomógł ci podjąć decyzję (zaproponował rezerwację, zamówienie lub odłożenie produktu)?'
			),
			response: yesNo(),
			noteOnNegative: true
		})
	]
};

const checkout: Stage = {
	id: 'checkout',
	title: t('Checkout', 'Betaling', 'Betaling', 'Kasa i płatność'),
	description: t(
		'Buy the small item named in your scenario brief and keep the receipt.',
		'Køb den lille vare, der er nævnt i dit scenariebrief, og gem kvitteringen.',
		'Kjøp den lille varen som er nevnt i scenariobriefen din, og ta vare på kvitteringen.',
		'Kup drobny produkt wskazany w opisie scenariusza i zachowaj paragon.'
	),
	weight: 10,
	checkpoints: [
		checkpoint({
			id: 'checkout.queue-present',
			prompt: t(
				'Was there a queue at the till when you got there?',
				'Var der kø ved kassen, da du kom derhen?',
				'Var det kø ved kassen da du kom dit?',
				'Czy w chwili twojego podejścia do kasy była przy niej kolejka?'
			),
			response: yesNo(),
			weight: 0
		}),
		checkpoint({
			id: 'checkout.queue-minutes',
			prompt: t(
				'How many minutes did you wait in the queue?',
				'Hvor mange minutter ventede du i køen?',
				'Hvor mange minutter ventet du i køen?',
				'Ile minut trwało twoje oczekiwanie w kolejce?'
			),
			guidance: t(
				'Five minutes or less passes. Start counting when you join the queue and stop when the cashier starts serving you.',
				'Fem minutter eller mindre er godkendt. Start, når du stiller dig i køen, og stop, når ekspedienten begynder at betjene dig.',
				'Fem minutter eller mindre er godkjent. Start når du stiller deg i køen, og stopp når kassemedarbeideren begynner å betjene deg.',
				'Pięć minut lub mniej to wynik pozytywny. Zacznij liczyć, gdy staniesz w kolejce, a skończ, gdy kasjer zacznie cię obsługiwać.'
			),
			response: numberInput({ unit: MINUTES, min: 0, max: 120, pass: { max: 5 } }),
			weight: 2,
			noteOnNegative: true,
			visibleWhen: whenEquals('checkout.queue-present', 'yes')
		}),
		checkpoint({
			id: 'checkout.queue-acknowledged',
			prompt: t(
				'Did staff act on the queue (opened another till, called a colleague or apologised for the wait)?',
				'Reagerede personalet på køen (åbnede en kasse mere, kaldte på en kollega eller undskyldte ventetiden)?',
				'Reagerte de ansatte på køen (åpnet en kasse til, ropte på en kollega eller ba om unnskyldning for ventetiden)?',
				'Czy personel zareagował na kolejkę (otworzył kolejną kasę, zawołał współpracownika lub przeprosił za oczekiwanie)?'
			),
			guidance: t(
				'Answer N/A if the wait was so short that nothing needed to be done.',
				'Svar "ikke relevant", hvis ventetiden var så kort, at der ikke var brug for at gøre noget.',
				'Svar «Ikke relevant» hvis ventetiden var så kort at det ikke var behov for å gjøre noe.',
				'Odpowiedz „Nie dotyczy”, jeśli czas oczekiwania był tak krótki, że nie trzeba było nic robić.'
			),
			response: yesNoNa(),
			noteOnNegative: true,
			visibleWhen: { checkpointId: 'checkout.queue-minutes', op: 'answered' }
		}),
		checkpoint({
			id: 'checkout.cashier-greeting',
			prompt: t(
				'Did the cashier greet you and make eye contact?',
				'Hilste ekspedienten ved kassen på dig og fik øjenkontakt?',
				'Hilste kassemedarbeideren på deg og fikk øyekontakt?',
				'Czy kasjer cię przywitał i nawiązał kontakt wzrokowy?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'checkout.price-matches-shelf',
			prompt: t(
				'Did the price you paid match the price on the shelf label?',
				'Svarede den pris, du betalte, til prisen på hyldeskiltet?',
				'Stemte prisen du betalte, med prisen på hyllekanten?',
				'Czy zapłacona cena zgadzała się z ceną na etykiecie półkowej?'
			),
			guidance: t(
				'Photograph the shelf label of the item you buy before you go to the till, then compare it with the receipt.',
				'Tag et billede af hyldeskiltet for den vare, du køber, før du går til kassen, og sammenlign det bagefter med kvitteringen.',
				'Ta bilde av prisen på hyllekanten for varen du kjøper før du går til kassen, og sammenlign den etterpå med kvitteringen.',
				'Zanim podejdziesz do kasy, zrób zdjęcie etykiety półkowej kupowanego produktu, a potem porównaj ją z paragonem.'
			),
			response: yesNo(),
			weight: 3,
			critical: true,
			photo: 'required',
			noteOnNegative: true
		}),
		checkpoint({
			id: 'checkout.receipt-given',
			prompt: t(
				'Were you given a receipt (paper or digital) without having to ask?',
				'Fik du en kvittering (på papir eller digitalt) uden at skulle bede om den?',
				'Fikk du kvittering (på papir eller digitalt) uten å måtte be om den?',
				'Czy wydano ci paragon (papierowy lub elektroniczny) bez proszenia o niego?'
			),
			response: yesNo(),
			weight: 2,
			critical: true,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'checkout.receipt-correct',
			prompt: t(
				'Was the receipt correct (store name, date, items, prices and VAT)?',
				'Var kvitteringen korrekt (butiksnavn, dato, varer, priser og moms)?',
				'Var kvitteringen riktig (butikknavn, dato, varer, priser og mva.)?',
				'Czy paragon był poprawny (nazwa sklepu, data, produkty, ceny i VAT)?'
			),
			guidance: t(
				'Photograph the whole receipt, flat and readable. Cover any card number with your finger.',
				'Tag et billede af hele kvitteringen, fladt og læseligt. Dæk et eventuelt kortnummer med fingeren.',
				'Ta bilde av hele kvitteringen, flatt og leselig. Dekk et eventuelt kortnummer med fingeren.',
				'Zrób zdjęcie całego paragonu, płasko i czytelnie. Zasłoń palcem numer karty, jeśli jest widoczny.'
			),
			response: yesNo(),
			photo: 'required',
			noteOnNegative: true,
			visibleWhen: whenEquals('checkout.receipt-given', 'yes')
		}),
		checkpoint({
			id: 'checkout.till-tidy',
			prompt: t(
				'Was the till area tidy, without clutter or personal belongings in view?',
				'Var kasseområdet ryddeligt uden rod eller synlige personlige ejendele?',
				'Var kasseområdet ryddig, uten rot eller synlige personlige eiendeler?',
				'Czy strefa kas była uporządkowana, bez bałaganu i widocznych rzeczy osobistych?'
			),
			response: yesNo(),
			photo: 'optional',
			noteOnNegative: true
		}),
		checkpoint({
			id: 'checkout.efficiency',
			prompt: t(
				'How smooth and efficient was the payment?',
				'Hvor gnidningsfri og effektiv var betalingen?',
				'Hvor smidig og effektiv var betalingen?',
				'Jak sprawna i płynna była płatność?'
			),
			guidance: t(
				'1 = slow, confusing or with errors, 5 = quick, easy and friendly.',
				'1 = langsom, forvirrende eller med fejl, 5 = hurtig, nem og venlig.',
				'1 = treg, forvirrende eller med feil, 5 = rask, enkel og vennlig.',
				'1 = powolna, chaotyczna lub z błędami, 5 = szybka, łatwa i miła.'
			),
			response: scale()
		}),
		checkpoint({
			id: 'checkout.bag-offered',
			prompt: t(
				'Were you offered a bag or help with packing?',
				'Blev du tilbudt en pose eller hjælp til at pakke?',
				'Ble du tilbudt pose eller hjelp til å pakke?',
				'Czy zaproponowano ci torbę lub pomoc w pakowaniu?'
			),
			response: yesNo()
		})
	]
};

const farewell: Stage = {
	id: 'farewell',
	title: t(
		'Farewell, follow-up and overall impression',
		'Afsked, opfølgning og samlet indtryk',
		'Avskjed, oppfølging og helhetsinntrykk',
		'Pożegnanie, kontakt po wizycie i ogólne wrażenie'
	),
	description: t(
		'How the visit ended, and your overall impression. Write it so the manager can coach from it.',
		'Hvordan besøget sluttede, og dit samlede indtryk. Skriv, så lederen kan bruge det til coaching.',
		'Hvordan besøket sluttet, og helhetsinntrykket ditt. Skriv slik at lederen kan bruke det til coaching.',
		'Jak zakończyła się wizyta i jakie jest twoje ogólne wrażenie. Pisz tak, by kierownik mógł to wykorzystać w coachingu.'
	),
	weight: 10,
	checkpoints: [
		checkpoint({
			id: 'farewell.thanked',
			prompt: t(
				'Did the employee thank you for your visit?',
				'Takkede medarbejderen dig for besøget?',
				'Takket den ansatte deg for besøket?',
				'Czy pracownik podziękował ci za wizytę?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'farewell.personal-goodbye',
			prompt: t(
				"Were you given a personal goodbye (for example 'Enjoy the new laptop')?",
				"Fik du en personlig afsked (for eksempel 'God fornøjelse med den nye computer')?",
				'Fikk du en personlig avskjed (for eksempel «Kos deg med den nye PC-en»)?',
				'Czy pracownik pożegnał cię w osobisty sposób (na przykład „Miłego korzystania z nowego laptopa”)?'
			),
			response: yesNo()
		}),
		checkpoint({
			id: 'farewell.contact-offered',
			prompt: t(
				'Did the employee offer a way to reach them with later questions (name, phone number, business card)?',
				'Tilbød medarbejderen en måde at kontakte dem på med senere spørgsmål (navn, telefonnummer, visitkort)?',
				'Tilbød den ansatte en måte å kontakte vedkommende på med senere spørsmål (navn, telefonnummer, visittkort)?',
				'Czy pracownik zaproponował sposób kontaktu w razie późniejszych pytań (imię, numer telefonu, wizytówka)?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'farewell.follow-up-offered',
			prompt: t(
				'Did the employee offer to follow up after the visit (a call, an e-mail, a check that the product works for you)?',
				'Tilbød medarbejderen at følge op efter besøget (et opkald, en e-mail, et tjek af, at produktet fungerer for dig)?',
				'Tilbød den ansatte å følge opp etter besøket (en telefon, en e-post, en sjekk av at produktet fungerer for deg)?',
				'Czy pracownik zaproponował kontakt po wizycie (telefon, e-mail, sprawdzenie, czy produkt ci się sprawdza)?'
			),
			guidance: t(
				'Answer N/A for small purchases where a follow-up would be out of place.',
				'Svar "ikke relevant" ved små køb, hvor en opfølgning ville virke malplaceret.',
				'Svar «Ikke relevant» ved små kjøp der en oppfølging ville virket malplassert.',
				'Odpowiedz „Nie dotyczy” przy drobnych zakupach, przy których kontakt po wizycie byłby nie na miejscu.'
			),
			response: yesNoNa()
		}),
		checkpoint({
			id: 'farewell.survey-invitation',
			prompt: t(
				'Were you invited to the customer survey (on the receipt or by the employee)?',
				'Blev du inviteret til kundeundersøgelsen (på kvitteringen eller af medarbejderen)?',
				'Ble du invitert til kundeundersøkelsen (på kvitteringen eller av den ansatte)?',
				'Czy zaproszono cię do udziału w ankiecie dla klientów (na paragonie lub przez pracownika)?'
			),
			response: yesNo(),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'farewell.overall-rating',
			prompt: t(
				'Overall, how would you rate the visit?',
				'Hvordan vil du samlet set vurdere besøget?',
				'Hvordan vil du alt i alt vurdere besøket?',
				'Jak ogólnie oceniasz wizytę?'
			),
			guidance: t(
				'1 = poor, 3 = as expected, 5 = memorable. Meeting expectations is a 3, not a 5.',
				'1 = dårligt, 3 = som forventet, 5 = mindeværdigt. At leve op til forventningerne er et 3-tal, ikke et 5-tal.',
				'1 = dårlig, 3 = som forventet, 5 = minneverdig. Å leve opp til forventningene er en 3-er, ikke en 5-er.',
				'1 = słaba, 3 = zgodna z oczekiwaniami, 5 = niezapomniana. Spełnienie oczekiwań to 3, a nie 5.'
			),
			response: scale(),
			weight: 3
		}),
		checkpoint({
			id: 'farewell.would-return',
			prompt: t(
				'Based on this visit, would you come back to this store?',
				'Ville du komme igen i denne butik på baggrund af dette besøg?',
				'Ville du kommet tilbake til denne butikken etter dette besøket?',
				'Czy po tej wizycie wrócisz do tego sklepu?'
			),
			response: singleChoice([
				option(
					'definitely',
					1,
					t('Definitely', 'Helt sikkert', 'Helt sikkert', 'Zdecydowanie tak')
				),
				option('probably', 0.75, t('Probably', 'Sandsynligvis', 'Sannsynligvis', 'Raczej tak')),
				option('probably-not', 0.25, t('Probably not', 'Næppe', 'Neppe', 'Raczej nie')),
				option('no', 0, t('No', 'Nej', 'Nei', 'Nie'))
			]),
			weight: 2,
			noteOnNegative: true
		}),
		checkpoint({
			id: 'farewell.recommend-score',
			prompt: t(
				'On a scale from 0 to 10, how likely would you be to recommend the store to a friend?',
				'Hvor sandsynligt er det på en skala fra 0 til 10, at du ville anbefale butikken til en ven?',
				'Hvor sannsynlig er det på en skala fra 0 til 10 at du ville anbefalt butikken til en venn?',
				'W skali od 0 do 10: na ile prawdopodobne jest, że polecisz ten sklep znajomemu?'
			),
			guidance: t(
				'7 or higher passes. Use whole numbers.',
				'7 eller derover er godkendt. Brug hele tal.',
				'7 eller høyere er godkjent. Bruk hele tall.',
				'7 lub więcej to wynik pozytywny. Używaj liczb całkowitych.'
			),
			response: numberInput({ min: 0, max: 10, pass: { min: 7 } }),
			noteOnNegative: true
		}),
		checkpoint({
			id: 'farewell.star-employee',
			prompt: t(
				'Did an employee stand out? Describe what they did so the store can recognise them.',
				'Var der en medarbejder, der skilte sig ud? Beskriv, hvad vedkommende gjorde, så butikken kan anerkende det.',
				'Var det en ansatt som skilte seg ut? Beskriv hva vedkommende gjorde, så butikken kan gi anerkjennelse for det.',
				'Czy któryś pracownik się wyróżnił? Opisz, co zrobił, żeby sklep mógł go docenić.'
			),
			guidance: t(
				"Use a name or a description (for example 'the employee in the red jacket at the phone counter').",
				"Brug et navn eller en beskrivelse (for eksempel 'medarbejderen i den røde jakke ved mobildisken').",
				'Bruk et navn eller en beskrivelse (for eksempel «den ansatte i den røde jakken ved mobildisken»).',
				'Podaj imię lub opis (na przykład „pracownik w czerwonej kurtce przy stoisku z telefonami”).'
			),
			response: text(),
			required: false
		}),
		checkpoint({
			id: 'farewell.improvement',
			prompt: t(
				'What one thing would have made the visit better?',
				'Hvilken ene ting ville have gjort besøget bedre?',
				'Hvilken ene ting ville gjort besøket bedre?',
				'Jaka jedna zmiana poprawiłaby tę wizytę?'
			),
			response: text(),
			required: false
		}),
		checkpoint({
			id: 'farewell.summary',
			prompt: t(
				'Sum up the visit in two or three sentences for the store manager.',
				'Opsummér besøget i to-tre sætninger til butikschefen.',
				'Oppsummer besøket i to–tre setninger til butikksjefen.',
				'Podsumuj wizytę w dwóch–trzech zdaniach dla kierownika sklepu.'
			),
			guidance: t(
				'Write constructively: name what went well as clearly as what went wrong.',
				'Skriv konstruktivt: Nævn det, der gik godt, lige så tydeligt som det, der gik galt.',
				'Skriv konstruktivt: Nevn det som gikk bra, like tydelig som det som gikk galt.',
				'Pisz konstruktywnie: wskaż to, co poszło dobrze, równie wyraźnie jak to, co poszło źle.'
			),
			response: text()
		})
	]
};

/**
 * Checkpoints that only make sense in the organisation's own stores (internal campaign guides,
 * case systems, the own customer survey). The competitor visit leaves them out.
 */
export const OWN_STORE_ONLY_CHECKPOINT_IDS: readonly string[] = [
	'arrival.campaign-material',
	'objection-handling.case-registered',
	'farewell.survey-invitation'
];

/** The built-in retail store visit, version 1, for own stores. */
export const RETAIL_STORE_VISIT: JourneyTemplate = {
	id: 'retail-store-visit',
	version: 1,
	name: t('Retail store visit', 'Butiksbesøg', 'Butikkbesøk', 'Wizyta w sklepie'),
	description: t(
		"A mystery-shopping visit along the customer's path through the store, from the street to the farewell.",
		'Et mystery shopping-besøg langs kundens vej gennem butikken, fra gaden til afskeden.',
		'Et mystery shopping-besøk langs kundens vei gjennom butikken, fra gaten til avskjeden.',
		'Wizyta tajemniczego klienta krok po kroku wzdłuż ścieżki kupującego przez sklep: od ulicy aż po pożegnanie.'
	),
	locationKind: 'own',
	criticalFailCap: 60,
	stages: [
		arrival,
		greeting,
		needsDiscovery,
		advice,
		personalTouch,
		objectionHandling,
		proactiveOffers,
		checkout,
		farewell
	]
};
