import type { MoreMessages } from './en';

/** The Polish text of the field’s screens other than the stage runner. */
export const morePl: MoreMessages = {
	'presence.consent.title': 'Sprawdzanie obecności',
	'presence.consent.ask':
		'Twoja organizacja potwierdza, że wizyty odbywają się w sklepie. Gdy rozpoczynasz wizytę, tablet raz odczytuje swoje położenie i zapisuje tylko, czy było w promieniu sklepu. Twoje położenie nigdy nie opuszcza tabletu i nigdy nie jest zapisywane.',
	'presence.consent.allow': 'Zezwól',
	'presence.consent.deny': 'Nie zezwalaj',
	'presence.consent.on':
		'Sprawdzanie obecności jest włączone: zapisywane jest tylko „w sklepie” lub „poza sklepem”, nigdy Twoje położenie.',
	'presence.consent.off':
		'Sprawdzanie obecności jest wyłączone: Twoje wizyty nie mają wyniku obecności.',
	'presence.consent.turnOff': 'Wyłącz',
	'presence.consent.turnOn': 'Włącz',
	'builder.import.structure': 'Plik nie jest tu zgodny ze schematem szablonu.',
	'builder.problem.template_id_missing': 'Szablon nie ma identyfikatora.',
	'builder.problem.version_invalid': 'Wersja musi być liczbą całkowitą co najmniej 1.',
	'builder.problem.cap_invalid': 'Limit musi mieścić się między 0 a 100 %.',
	'builder.problem.text_missing': 'Brakuje tu tekstu w języku angielskim.',
	'builder.problem.no_stages': 'Szablon nie ma etapów.',
	'builder.problem.stage_id_missing': 'Etap nie ma klucza.',
	'builder.problem.duplicate_stage_id': 'Dwa etapy mają ten sam klucz.',
	'builder.problem.stage_empty': 'Etap nie ma punktów kontrolnych.',
	'builder.problem.stage_weight_invalid': 'Waga etapu musi być liczbą co najmniej 0.',
	'builder.problem.checkpoint_id_missing': 'Punkt kontrolny nie ma identyfikatora.',
	'builder.problem.duplicate_checkpoint_id': 'Dwa punkty kontrolne mają ten sam identyfikator.',
	'builder.problem.weight_invalid': 'Waga musi być liczbą co najmniej 0.',
	'builder.problem.response_type_unknown': 'Nieznany typ odpowiedzi.',
	'builder.problem.options_empty': 'Wybór nie ma opcji.',
	'builder.problem.duplicate_option_id':
		'Dwie opcje mają ten sam identyfikator albo któraś go nie ma.',
	'builder.problem.option_score_invalid': 'Punkty opcji muszą mieścić się między 0 a 1.',
	'builder.problem.scale_range_invalid': 'Skala obejmuje wartości od 1 do 5.',
	'builder.problem.number_range_invalid': 'Zakres jest pusty lub odwrócony.',
	'builder.problem.photo_rule_invalid': 'Nieznana reguła zdjęcia.',
	'builder.problem.weight_on_unscored': 'Ten typ odpowiedzi nie daje punktów: ustaw wagę na 0.',
	'builder.problem.critical_not_scorable': 'Punkt krytyczny musi móc zostać niezaliczony.',
	'builder.problem.note_rule_unusable':
		'Ta odpowiedź nigdy nie jest negatywna, więc nie można wymagać notatki.',
	'builder.problem.condition_unknown_checkpoint':
		'Warunek odnosi się do nieistniejącego punktu kontrolnego.',
	'builder.problem.condition_not_earlier':
		'Warunek musi odnosić się do wcześniejszego punktu kontrolnego.',
	'builder.problem.condition_value_invalid':
		'Warunek wskazuje odpowiedź, której ten punkt nie może mieć.',
	'builder.problem.key_invalid':
		'Identyfikator może zawierać tylko litery, cyfry oraz . _ : - (najwyżej 100).',
	'builder.problem.linked_stage_missing':
		'Brakuje etapu z powiązanego szablonu własnych sklepów; benchmarking go potrzebuje.',
	'builder.csv.unreadable': 'Plik nie jest czytelnym plikiem CSV.',
	'builder.csv.empty_file': 'Plik jest pusty.',
	'builder.csv.unknown_column': 'Nieznana kolumna „{value}”.',
	'builder.csv.duplicate_column': 'Kolumna „{value}” występuje dwa razy.',
	'builder.csv.missing_column': 'Brakuje kolumny „{value}”.',
	'builder.csv.no_checkpoints': 'Plik nie zawiera punktów kontrolnych.',
	'builder.csv.too_many_cells': 'Wiersz ma więcej komórek niż nagłówek.',
	'builder.csv.not_a_number': '„{value}” nie jest liczbą.',
	'builder.csv.not_yes_no': '„{value}” to ani tak, ani nie.',
	'builder.csv.stage_key_empty': 'Klucz etapu jest pusty.',
	'builder.csv.stage_title_missing': 'Nowy etap potrzebuje tytułu po angielsku.',
	'builder.csv.unknown_type': 'Nieznany typ „{value}”.',
	'builder.csv.options_missing': 'Wybór potrzebuje opcji, np. „dobrze=1;słabo=0”.',
	'builder.csv.labels_count':
		'Liczba etykiet nie zgadza się z liczbą opcji (oddziel je znakiem |).',
	'builder.csv.option_malformed': 'Opcja „{value}” nie ma postaci id=punkty.',
	'builder.csv.prompt_missing': 'Pytanie po angielsku jest puste.',
	'builder.csv.photo_rule': '„{value}” to nie required, optional ani none.',
	'builder.csv.condition_malformed':
		'„{value}” nie ma postaci „id = wartość”, „id != wartość”, „id in a|b” ani „id answered”.',
	'builder.problem.at': 'w {path}',
	'locations.kind': 'Własny czy konkurencji',
	'locations.name': 'Nazwa',
	'locations.brand': 'Sieć',
	'locations.region': 'Region',
	'locations.address': 'Adres',

	'visits.nav': 'Wizyty',
	'visits.title': 'Wizyty',
	'visits.new': 'Zaplanuj wizytę',
	'visits.wave': 'Zaplanuj falę',
	'visits.waveIntro':
		'Jeden szablon i jeden przedział czasu dla wielu sklepów, z audytorem dla każdego. Zaplanowane zostaną wszystkie wizyty albo żadna.',
	'visits.waveStores': 'Sklepy',
	'visits.waveInclude': 'Sklep',
	'visits.waveMore': 'Widać tylko pierwsze 100 sklepów; wyszukaj, aby znaleźć inne.',
	'visits.planWave': 'Zaplanuj falę',
	'visits.plan': 'Zaplanuj wizytę',
	'visits.planned': {
		one: 'Zaplanowano {count} wizytę.',
		few: 'Zaplanowano {count} wizyty.',
		many: 'Zaplanowano {count} wizyt.',
		other: 'Zaplanowano {count} wizyty.'
	},
	'visits.back': '← Wszystkie wizyty',
	'visits.template': 'Szablon',
	'visits.location': 'Sklep',
	'visits.shopper': 'Audytor',
	'visits.shopperFor': 'Audytor dla {location}',
	'visits.choose': 'Wybierz…',
	'visits.window': 'Przedział czasu',
	'visits.windowStart': 'Od',
	'visits.windowEnd': 'Do',
	'visits.windowStoreZone': 'Godziny są w strefie czasowej sklepu.',
	'visits.windowYourZone': 'Godziny są w Twojej strefie czasowej ({zone}).',
	'visits.brief': 'Scenariusz',
	'visits.briefHint':
		'Napisz go w każdym języku, który czytają Twoi audytorzy; angielski jest wymagany i pokazywany, gdy brakuje języka audytora.',
	'visits.stateLabel': 'Stan',
	'visits.state.open': 'Otwarta',
	'visits.state.in_progress': 'W toku',
	'visits.state.done': 'Wykonana',
	'visits.state.overdue': 'Po terminie',
	'visits.state.cancelled': 'Odwołana',
	'visits.filterApply': 'Pokaż',
	'visits.empty': 'Żadna wizyta nie pasuje.',
	'visits.pages': 'Strony wizyt',
	'visits.outsideWindow': 'Poza przedziałem czasu',
	'visits.flags': 'Oznaczenia',
	'visits.startedOutside': 'Rozpoczęta poza przedziałem czasu',
	'visits.submittedOutside': 'Oddana poza przedziałem czasu',
	'visits.audit': 'Audyt',
	'visits.openAudit': 'Otwórz audyt',
	'visits.edit': 'Zmień tę wizytę',
	'visits.saveChanges': 'Zapisz zmiany',
	'visits.saved': 'Zapisano.',
	'visits.cancel': 'Odwołaj tę wizytę',
	'action.cancel': 'Anuluj',
	'action.close': 'Zamknij',
	'action.delete': 'Usuń',
	'photo.caption': 'Podpis',
	'photo.delete': 'Usuń zdjęcie',
	'photo.deleteConfirm': 'Usunąć to zdjęcie?',
	'deploy.signIn.error.insecure':
		'Ten adres nie jest bezpieczny (https), więc ta przeglądarka nie może przechowywać audytów offline. Otwórz Shopwalk pod adresem https albo poproś administratora o udostępnienie go przez HTTPS.',

	'home.title': 'Moje audyty',
	'home.newAudit': 'Nowy audyt',
	'home.empty': 'Na tym urządzeniu nie ma jeszcze audytów. Zacznij od „Nowy audyt”.',
	'home.deleteAudit': 'Usuń ten szkic audytu',
	'home.deleteConfirm': 'Usunąć ten szkic wraz ze zdjęciami?',

	'location.own': 'Własny sklep',

	'newAudit.title': 'Nowy audyt',
	'newAudit.location': 'Gdzie jesteś?',
	'newAudit.template': 'Która ścieżka klienta?',
	'newAudit.templateSize': 'Etapy: {stages}, punkty kontrolne: {checkpoints}',
	'newAudit.start': 'Rozpocznij wizytę',

	'overview.title': 'Przegląd audytu',
	'overview.score': 'Wynik',
	'overview.ready': 'Wszystko jest wypełnione. Audyt jest gotowy do przesłania.',
	'overview.missing': {
		one: 'Przed przesłaniem trzeba uzupełnić jeszcze {count} pozycję',
		few: 'Przed przesłaniem trzeba uzupełnić jeszcze {count} pozycje',
		many: 'Przed przesłaniem trzeba uzupełnić jeszcze {count} pozycji',
		other: 'Przed przesłaniem trzeba uzupełnić jeszcze {count} pozycji'
	},
	'overview.receipt': 'Paragon',
	'overview.generalPhotos': 'Inne zdjęcia z wizyty',
	'overview.narrative': 'Ogólne wrażenie: opisz wizytę własnymi słowami',
	'overview.finishVisit': 'Wyszedłem/wyszłam ze sklepu',
	'overview.resumeVisit': 'Z powrotem w sklepie',
	'overview.markReady': 'Gotowy do przesłania',
	'overview.reopen': 'Otwórz ponownie do zmian',
	'overview.state.draft': 'Szkic',
	'overview.state.queued': 'Gotowy do przesłania: zostanie wysłany, gdy urządzenie będzie online.',
	'overview.state.uploading': 'Wysyłanie do biura…',
	'overview.state.received': 'Odebrany przez biuro.',
	'photo.takeReceipt': 'Sfotografuj paragon',

	'score.total': 'Razem',
	'score.capped': 'Ograniczony: błąd krytyczny',
	'score.criticalFailures': 'Niespełnione krytyczne punkty kontrolne',
	'score.stage': 'Etap',
	'score.percent': 'Wynik',
	'score.time': 'Czas',

	'storage.title': 'Pamięć na tym urządzeniu',
	'storage.persistence.unknown': 'Sprawdzanie, czy urządzenie zachowa Twoje dane…',
	'storage.persistence.persisted': 'To urządzenie zobowiązało się zachować Twoje audyty i zdjęcia.',
	'storage.persistence.denied':
		'Przeglądarka może usuwać dane, gdy zabraknie miejsca. Zainstaluj Shopwalk na ekranie głównym i często synchronizuj.',
	'storage.persistence.unsupported':
		'Ta przeglądarka nie gwarantuje zachowania danych. Często synchronizuj.',
	'storage.free': '{free} wolne na zdjęcia',

	'retention.photoSpace': '{size} zdjęć zapisanych na tym urządzeniu',
	'retention.released': {
		one: '{count} zdjęcie w pełnym rozmiarze jest tylko na serwerze (zsynchronizowane ponad tydzień temu)',
		few: '{count} zdjęcia w pełnym rozmiarze są tylko na serwerze (zsynchronizowane ponad tydzień temu)',
		many: '{count} zdjęć w pełnym rozmiarze jest tylko na serwerze (zsynchronizowanych ponad tydzień temu)',
		other:
			'{count} zdjęcia w pełnym rozmiarze jest tylko na serwerze (zsynchronizowanych ponad tydzień temu)'
	},

	'signIn.title': 'Logowanie',
	'signIn.email': 'E-mail',
	'signIn.password': 'Hasło',
	'signIn.submit': 'Zaloguj się',
	'signIn.busy': 'Logowanie…',
	'signIn.expired':
		'Sesja wygasła. Zaloguj się ponownie, aby wysłać audyty — nic z tego urządzenia nie zginie.',
	'signIn.offline':
		'Jesteś offline. Pierwsze logowanie wymaga połączenia; później Shopwalk działa bez niego.',
	'assignments.title': 'Moje wizyty',
	'assignments.start': 'Rozpocznij wizytę',
	'assignments.continue': 'Kontynuuj',
	'assignments.templateMissing':
		'Ścieżka klienta tej wizyty nie dotarła jeszcze na urządzenie. Zsynchronizuj, gdy będziesz online, i spróbuj ponownie.',
	'office.audit.points': 'Punkty',
	'office.audit.pointsOf': '{points} z {max}',
	'office.fieldSignOut.busy': 'Wylogowywanie…',
	'office.fieldSignOut.back': 'Wróć do moich audytów',
	'office.fieldSignOut.failed':
		'Wylogowanie się nie powiodło. Spróbuj ponownie, gdy będziesz online.',

	'report.download': 'Raport (PDF)',
	'report.offlineReason': 'Raporty można pobrać, gdy urządzenie jest online.',
	'report.downloading': 'Pobieranie raportu…',
	'report.pending': 'Raport jest przygotowywany. Spróbuj ponownie za minutę.',
	'report.missing': 'Dla tego audytu nie ma jeszcze raportu do pobrania. Spróbuj później.',
	'report.unknown': 'Serwer nie ma takiego audytu dla zalogowanego konta.',
	'report.offline': 'Brak połączenia. Spróbuj ponownie, gdy będziesz online.',
	'report.signedOut': 'Sesja wygasła. Zaloguj się ponownie, aby pobrać raport.',
	'report.failed': 'Nie udało się pobrać raportu. Spróbuj później.',
	'review.returnedTitle': 'Zwrócony przez weryfikującego',
	'review.returnedHint':
		'Popraw to, o co prosi weryfikujący, a potem ponownie oznacz audyt jako gotowy do przesłania.',
	'review.addressedTitle':
		'Komentarze weryfikującego, na które odpowiedziano w ponownym przesłaniu',
	'review.approvedTitle': 'Zatwierdzony przez weryfikującego',
	'review.overall': 'Komentarz ogólny',
	'review.commented': 'Punkty kontrolne z komentarzami',
	'review.unsentChanges':
		'Biuro miało już ten audyt przed Twoimi ostatnimi zmianami. Są zachowane na tym tablecie i zostaną wysłane razem z audytem, jeśli zostanie zwrócony.'
};
