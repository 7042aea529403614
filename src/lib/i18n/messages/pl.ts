import type { Messages } from './en';

/**
 * Polski. Typed against the English catalogue, so a missing key fails the build. Counted messages
 * carry Polish's plural categories: one (1), few (2–4, 22–24 …), many (0, 5–21, 25 …) and other
 * (fractions).
 */
export const pl: Messages = {
	'action.cancel': 'Anuluj',
	'action.close': 'Zamknij',
	'action.delete': 'Usuń',
	'action.dismiss': 'Zamknij komunikat',

	'answer.yes': 'Tak',
	'answer.no': 'Nie',
	'answer.na': 'Nie dotyczy',
	'answer.now': 'Teraz',
	'answer.scaleLabel': '{n} z 5',
	'answer.scaleLegend': '1 = bardzo źle, 5 = doskonale',

	'audit.timeIn': 'Wejście',
	'audit.timeOut': 'wyjście',

	'checkpoint.critical': 'Krytyczny',
	'checkpoint.required': 'Wymagany',
	'checkpoint.photoRequired': 'Wymagane zdjęcie',

	'common.loading': 'Wczytywanie…',
	'common.saving': 'Zapisywanie…',
	'common.saveFailed': 'Nie zapisano — spróbuj ponownie',
	'common.savedOnDevice': 'Wszystkie zmiany zapisane na tym urządzeniu',

	'deploy.signIn.error.badOrigin':
		'Ten serwer jest skonfigurowany dla innego adresu (ORIGIN). Otwórz Shopwalk pod skonfigurowanym adresem albo poproś administratora o ustawienie ORIGIN na adres z przeglądarki: {address}',
	'deploy.signIn.error.insecure':
		'Ten adres nie jest bezpieczny (https), więc ta przeglądarka nie może przechowywać audytów offline. Otwórz Shopwalk pod adresem https albo poproś administratora o udostępnienie go przez HTTPS.',

	'duration.minutes': {
		one: '{count} min',
		few: '{count} min',
		many: '{count} min',
		other: '{count} min'
	},
	'duration.hoursMinutes': '{hours} godz. {minutes} min',

	'error.title': 'Coś poszło nie tak',
	'error.notFound': 'Nie znaleziono',
	'error.auditNotFound': 'Tego audytu nie ma na tym urządzeniu.',
	'error.stageNotFound': 'Ten audyt nie ma takiego etapu.',
	'error.home': 'Wróć do moich audytów',
	'error.unexpected':
		'Wystąpił nieoczekiwany błąd. Zapisana praca jest bezpieczna na tym urządzeniu.',
	'error.photo.notAnImage': 'Ten plik nie jest zdjęciem. Wybierz obraz JPEG, PNG lub HEIC.',
	'error.photo.truncated': 'To zdjęcie jest niekompletne lub uszkodzone. Zrób je ponownie.',
	'error.photo.unsupported':
		'Tego formatu obrazu nie da się odczytać na tym urządzeniu. Zrób zdjęcie aparatem.',
	'error.photo.tooLarge': 'Ten plik jest za duży jak na zdjęcie (ponad 40 MB).',
	'error.photo.failed': 'Nie udało się przygotować zdjęcia. Spróbuj ponownie.',
	'error.storage.full':
		'Na urządzeniu zabrakło miejsca. Nic nie zostało zmienione; zwolnij miejsce i spróbuj ponownie.',
	'error.storage.lowSpace':
		'Na tym urządzeniu zostało tylko {free} MB wolnego miejsca. Zwolnij miejsce, zanim zrobisz kolejne zdjęcia.',
	'error.storage.readOnly':
		'Ten audyt jest gotowy do przesłania i nie można go już zmieniać. Najpierw otwórz go ponownie.',
	'error.storage.notFound': 'Tego elementu nie ma już na tym urządzeniu.',
	'error.storage.blocked':
		'Shopwalk jest otwarty w innej karcie w starszej wersji. Zamknij tamtą kartę.',
	'error.storage.failed':
		'Zapis na tym urządzeniu się nie powiódł. Wcześniejsze odpowiedzi zostały zachowane; spróbuj ponownie.',

	'home.title': 'Moje audyty',
	'home.newAudit': 'Nowy audyt',
	'home.empty': 'Na tym urządzeniu nie ma jeszcze audytów. Zacznij od „Nowy audyt”.',
	'home.deleteAudit': 'Usuń ten szkic audytu',
	'home.deleteConfirm': 'Usunąć ten szkic wraz ze zdjęciami?',

	'language.label': 'Język',

	'location.own': 'Własny sklep',
	'location.competitor': 'Konkurencja',

	'network.online': 'Online',
	'network.offline': 'Offline',

	'newAudit.title': 'Nowy audyt',
	'newAudit.location': 'Gdzie jesteś?',
	'newAudit.template': 'Która ścieżka klienta?',
	'newAudit.templateSize': 'Etapy: {stages}, punkty kontrolne: {checkpoints}',
	'newAudit.start': 'Rozpocznij wizytę',

	'note.add': 'Dodaj notatkę',
	'note.label': 'Notatka',
	'note.requiredLabel': 'Notatka (wymagana: opisz, co poszło nie tak)',

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

	'pending.none': 'Nic nie czeka na synchronizację',
	'pending.audits': {
		one: '{count} audyt',
		few: '{count} audyty',
		many: '{count} audytów',
		other: '{count} audytu'
	},
	'pending.photos': {
		one: '{count} zdjęcie nie jest jeszcze na serwerze',
		few: '{count} zdjęcia nie są jeszcze na serwerze',
		many: '{count} zdjęć nie jest jeszcze na serwerze',
		other: '{count} zdjęcia nie jest jeszcze na serwerze'
	},

	'photo.take': 'Zrób zdjęcie',
	'photo.takeReceipt': 'Sfotografuj paragon',
	'photo.fromGallery': 'Z galerii',
	'photo.open': 'Otwórz zdjęcie',
	'photo.caption': 'Podpis',
	'photo.delete': 'Usuń zdjęcie',
	'photo.deleteConfirm': 'Usunąć to zdjęcie?',
	'photo.processing': {
		one: 'Przygotowuję {count} zdjęcie…',
		few: 'Przygotowuję {count} zdjęcia…',
		many: 'Przygotowuję {count} zdjęć…',
		other: 'Przygotowuję {count} zdjęcia…'
	},

	'problem.answer_missing': 'Brak odpowiedzi',
	'problem.answer_invalid': 'Odpowiedź jest nieprawidłowa',
	'problem.photo_missing': 'Brak zdjęcia',
	'problem.note_missing': 'Brak notatki: wyjaśnij negatywną odpowiedź',
	'problem.time_out_missing': 'Nie zapisano godziny wyjścia: stuknij „Wyszedłem/wyszłam ze sklepu”',

	'score.total': 'Razem',
	'score.capped': 'Ograniczony: błąd krytyczny',
	'score.criticalFailures': 'Niespełnione krytyczne punkty kontrolne',
	'score.stage': 'Etap',
	'score.percent': 'Wynik',
	'score.time': 'Czas',

	'stage.position': 'Etap {n} z {total}',
	'stage.navigation': 'Nawigacja między etapami',
	'stage.stepper': 'Etapy',
	'stage.progress': 'Odpowiedzi na punkty kontrolne',
	'stage.previous': 'Wstecz',
	'stage.next': 'Następny etap',
	'stage.overview': 'Przegląd',
	'stage.toSummary': 'Podsumowanie',

	'status.draft': 'Szkic',
	'status.queued': 'Gotowy do przesłania',
	'status.uploading': 'Wysyłanie',
	'status.received': 'Odebrany',

	'storage.title': 'Pamięć na tym urządzeniu',
	'storage.persistence.unknown': 'Sprawdzanie, czy urządzenie zachowa Twoje dane…',
	'storage.persistence.persisted': 'To urządzenie zobowiązało się zachować Twoje audyty i zdjęcia.',
	'storage.persistence.denied':
		'Przeglądarka może usuwać dane, gdy zabraknie miejsca. Zainstaluj Shopwalk na ekranie głównym i często synchronizuj.',
	'storage.persistence.unsupported':
		'Ta przeglądarka nie gwarantuje zachowania danych. Często synchronizuj.',
	'storage.notPersisted':
		'Przechowywanie danych na tym urządzeniu nie jest gwarantowane: zainstaluj Shopwalk na ekranie głównym.',
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
	'signIn.error.credentials': 'Ten e-mail i hasło do siebie nie pasują.',
	'signIn.error.throttled': 'Zbyt wiele prób. Odczekaj kilka minut i spróbuj ponownie.',
	'signIn.error.offline': 'Brak połączenia z serwerem. Spróbuj ponownie, gdy będziesz online.',
	'signIn.error.server': 'Serwer nie mógł Cię zalogować. Spróbuj ponownie za chwilę.',
	'signOut.action': 'Wyloguj się',
	'sync.syncing': 'Synchronizacja…',
	'sync.sendingPhotos': 'Wysyłanie zdjęć {done}/{total}…',
	'sync.waiting': 'Brak połączenia — następna próba o {time}',
	'sync.now': 'Synchronizuj teraz',
	'sync.signInAgain': 'Zaloguj się ponownie, aby zsynchronizować',
	'sync.error': 'Nie udało się wysłać audytu',
	'assignments.title': 'Moje wizyty',
	'assignments.start': 'Rozpocznij wizytę',
	'assignments.continue': 'Kontynuuj',
	'assignments.templateMissing':
		'Ścieżka klienta tej wizyty nie dotarła jeszcze na urządzenie. Zsynchronizuj, gdy będziesz online, i spróbuj ponownie.',
	'office.more': 'Wczytaj więcej',
	'office.report': 'Raport',
	'office.reportDownload': 'Pobierz PDF',
	'office.reportState.none': '—',
	'office.reportState.pending': 'W przygotowaniu…',
	'office.reportState.ready': 'Gotowy',
	'office.reportState.failed': 'Błąd (ponawianie)',
	'office.refresh': 'Odśwież',
	'office.filter.kind': 'Sklep',
	'office.filter.all': 'Wszystkie',
	'office.filter.received': 'Odebrane',
	'office.filter.from': 'Od',
	'office.filter.to': 'Do',
	'office.filter.clearDates': 'Wyczyść daty',
	'office.filter.dates.invalid': 'Podaj prawidłową datę od 1970 roku.',
	'office.filter.dates.reversed': 'Data „od” jest późniejsza niż data „do”. Wybierz dni po kolei.',
	'office.nav': 'Biuro',
	'office.title': 'Odebrane audyty',
	'office.empty': 'Nie odebrano jeszcze żadnych audytów.',
	'office.location': 'Lokalizacja',
	'office.template': 'Ścieżka klienta',
	'office.shopper': 'Audytor',
	'office.received': 'Odebrano',
	'office.state': 'Stan',
	'office.score': 'Wynik',
	'office.loadFailed': 'Nie udało się wczytać audytów. Sprawdź połączenie i spróbuj ponownie.',
	'office.state.draft': 'Nieprzesłany',
	'office.state.submitted': 'Przesłany',
	'office.state.returned': 'Zwrócony',
	'office.state.resubmitted': 'Przesłany ponownie',
	'office.state.approved': 'Zatwierdzony',
	'office.nav.inbox': 'Skrzynka',
	'office.nav.label': 'Biuro',
	'office.signedInAs': 'Zalogowano jako {name}',
	'office.signOut': 'Wyloguj się',
	'office.signOutInField': 'Wyloguj się (w aplikacji audytora)',
	'office.language.apply': 'Zmień',
	'office.forbidden.title': 'Biuro jest dla weryfikujących i czytelników raportów',
	'office.forbidden.body':
		'Jesteś zalogowany jako audytor. Twoje wizyty i audyty są w aplikacji audytora.',
	'office.forbidden.back': 'Przejdź do moich audytów',
	'office.error.notFound': 'Ten audyt nie istnieje albo nie masz do niego dostępu.',
	'office.error.title': 'Coś poszło nie tak',
	'office.error.unexpected': 'Biuro nie mogło wyświetlić tej strony. Spróbuj ponownie za chwilę.',
	'office.error.back': 'Wróć do skrzynki',
	'office.offline': 'Biuro wymaga połączenia. Twoje audyty na tym urządzeniu są bezpieczne.',
	'office.filter.apply': 'Zastosuj filtry',
	'office.filter.reset': 'Wyczyść wszystkie filtry',
	'office.filter.timeZone': 'Dni liczone są w strefie czasowej {zone}.',
	'office.page.older': 'Starsze audyty →',
	'office.page.newest': '← Najnowsze audyty',
	'office.audit.back': '← Skrzynka',
	'office.audit.revision': 'Wersja {revision}',
	'office.audit.timeIn': 'Wejście',
	'office.audit.timeOut': 'Wyjście',
	'office.audit.timeOutMissing': 'Nie zapisano',
	'office.audit.duration': 'Czas w sklepie',
	'office.audit.received': 'Odebrano',
	'office.audit.submitted': 'Przesłano',
	'office.audit.total': 'Wynik łączny',
	'office.audit.capped': 'Ograniczony przez błąd krytyczny',
	'office.audit.criticalFailures': 'Niespełnione krytyczne punkty kontrolne',
	'office.audit.stageScores': 'Wynik według etapu',
	'office.audit.points': 'Punkty',
	'office.audit.percent': 'Procent',
	'office.audit.timeSpent': 'Czas',
	'office.audit.pointsOf': '{points} z {max}',
	'office.audit.failed': 'Niespełniony',
	'office.audit.critical': 'Krytyczny',
	'office.audit.notAnswered': 'Brak odpowiedzi',
	'office.audit.note': 'Notatka',
	'office.audit.narrative': 'Ogólne wrażenie',
	'office.audit.receipt': 'Paragon',
	'office.audit.noReceipt': 'Brak zdjęcia paragonu.',
	'office.audit.generalPhotos': 'Inne zdjęcia',
	'office.audit.review': 'Weryfikacja',
	'office.audit.reportState': 'Raport',
	'office.audit.templateMissing':
		'Ścieżka klienta, według której wypełniono ten audyt, nie jest opublikowana w tej organizacji, więc nie można pokazać odpowiedzi.',
	'office.photo.open': 'Powiększ zdjęcie: {caption}',
	'office.photo.untitled': 'Zdjęcie {n}',
	'office.photo.close': 'Zamknij',
	'office.review.approve': 'Zatwierdź',
	'office.review.return': 'Zwróć audytorowi',
	'office.review.overallComment': 'Ogólny komentarz dla audytora',
	'office.review.savedComment': 'Albo użyj zapisanego komentarza',
	'office.review.noSavedComment': 'Bez zapisanego komentarza',
	'office.review.saveToLibrary': 'Zapisz ten komentarz do ponownego użycia',
	'office.review.checkpointHint':
		'Aby skomentować punkt kontrolny, otwórz pod nim „Skomentuj ten punkt kontrolny”; te komentarze zostaną wysłane razem ze zwrotem.',
	'office.review.commentOnCheckpoint': 'Skomentuj ten punkt kontrolny',
	'office.review.commentOn': 'Komentarz do „{checkpoint}”',
	'office.review.earlierComment': 'Komentarz weryfikującego (zwrot {round})',
	'office.review.approvedDone': 'Zatwierdzono. Powstaje nowa wersja raportu.',
	'office.review.returnedDone':
		'Zwrócono audytorowi z Twoimi komentarzami. Powstaje nowa wersja raportu.',
	'office.review.libraryFull':
		'Komentarz nie został zapisany do ponownego użycia: biblioteka jest pełna.',
	'office.review.conflict':
		'Ktoś inny zdecydował pierwszy: ten audyt ma teraz stan „{state}” w wersji {revision}. Twoja decyzja nie została zastosowana; przeczytaj go ponownie i zdecyduj.',
	'office.review.ownAudit':
		'To Twój własny audyt: zatwierdza go lub zwraca inna osoba weryfikująca.',
	'office.review.sayWhat':
		'Napisz, co wymaga poprawy: ogólny komentarz albo komentarz do punktu kontrolnego.',
	'office.review.unknownCheckpoint':
		'Komentarz dotyczy punktu kontrolnego, którego ta ścieżka nie ma. Odśwież stronę i spróbuj ponownie.',
	'office.review.next': 'Następny audyt do weryfikacji →',
	'office.review.queueTitle': 'Kolejka weryfikacji',
	'office.review.queueEmpty': 'Nic nie czeka na weryfikację.',
	'office.review.queueIntro': 'Audyty czekające na weryfikację, od najdawniej przesłanego.',
	'office.review.start': 'Zweryfikuj najstarszy',
	'office.review.submitted': 'Przesłano',
	'office.nav.queue': 'Kolejka weryfikacji',
	'office.nav.comments': 'Zapisane komentarze',
	'office.changes.title': 'Zmiany od zwrotu',
	'office.changes.since': 'W porównaniu z audytem w chwili zwrotu ({when}).',
	'office.changes.none': 'Od zwrotu nic się nie zmieniło.',
	'office.changes.note': 'Notatka do „{checkpoint}”',
	'office.changes.removed': '(usunięto)',
	'office.changes.photoAdded': 'Dodano zdjęcie',
	'office.changes.photoRemoved': 'Usunięto zdjęcie',
	'office.changes.caption': 'Zmieniono podpis',
	'office.reports.title': 'Wersje raportu',
	'office.reports.version': 'Wersja {version}',
	'office.reports.none': 'Nie ma jeszcze raportu.',
	'office.trail.title': 'Historia audytu',
	'office.trail.empty': 'Nic jeszcze nie zapisano.',
	'office.trail.system': 'Shopwalk',
	'office.trail.submitted': 'Przesłany',
	'office.trail.returned': 'Zwrócony',
	'office.trail.resubmitted': 'Przesłany ponownie',
	'office.trail.approved': 'Zatwierdzony',
	'office.trail.report_ready': 'Raport gotowy',
	'office.trail.report_failed': 'Błąd raportu',
	'office.trail.returnedDetail': {
		one: 'Z {count} komentarzem do punktu kontrolnego.',
		few: 'Z {count} komentarzami do punktów kontrolnych.',
		many: 'Z {count} komentarzami do punktów kontrolnych.',
		other: 'Z {count} komentarza do punktów kontrolnych.'
	},
	'office.trail.version': 'Wersja {version}',
	'office.comments.title': 'Zapisane komentarze weryfikujących',
	'office.comments.intro':
		'Komentarze, których weryfikujący używają ponownie przy zwracaniu audytów. Widzą je wszyscy weryfikujący w Twojej organizacji.',
	'office.comments.add': 'Zapisz komentarz',
	'office.comments.new': 'Nowy komentarz',
	'office.comments.remove': 'Usuń',
	'office.comments.empty': 'Nie ma jeszcze zapisanych komentarzy.',
	'office.comments.full': 'Biblioteka jest pełna; najpierw usuń jakiś komentarz.',
	'office.comments.invalid': 'Napisz komentarz o długości najwyżej 1000 znaków.',
	'office.photo.previous': 'Poprzednie zdjęcie',
	'office.photo.next': 'Następne zdjęcie',
	'office.photo.position': '{n} z {total}',
	'office.photo.notStored': 'Zdjęcie jeszcze nie dotarło',
	'office.fieldSignOut.busy': 'Wylogowywanie…',
	'office.fieldSignOut.back': 'Wróć do moich audytów',
	'office.fieldSignOut.failed':
		'Wylogowanie się nie powiodło. Spróbuj ponownie, gdy będziesz online.',

	'report.download': 'Raport (PDF)',
	'report.downloadFor': 'Pobierz raport PDF z audytu w lokalizacji {location}',
	'report.offlineReason': 'Raporty można pobrać, gdy urządzenie jest online.',
	'report.downloading': 'Pobieranie raportu…',
	'report.pending': 'Raport jest przygotowywany. Spróbuj ponownie za minutę.',
	'report.missing': 'Dla tego audytu nie ma jeszcze raportu do pobrania. Spróbuj później.',
	'report.unknown': 'Serwer nie ma takiego audytu dla zalogowanego konta.',
	'report.offline': 'Brak połączenia. Spróbuj ponownie, gdy będziesz online.',
	'report.signedOut': 'Sesja wygasła. Zaloguj się ponownie, aby pobrać raport.',
	'report.failed': 'Nie udało się pobrać raportu. Spróbuj później.',

	'review.returned': {
		one: 'Zwrócony — {count} komentarz',
		few: 'Zwrócony — {count} komentarze',
		many: 'Zwrócony — {count} komentarzy',
		other: 'Zwrócony — {count} komentarza'
	},
	'review.approved': 'Zatwierdzony',
	'review.reviewer': 'Weryfikujący:',
	'review.returnedTitle': 'Zwrócony przez weryfikującego',
	'review.returnedHint':
		'Popraw to, o co prosi weryfikujący, a potem ponownie oznacz audyt jako gotowy do przesłania.',
	'review.addressedTitle':
		'Komentarze weryfikującego, na które odpowiedziano w ponownym przesłaniu',
	'review.approvedTitle': 'Zatwierdzony przez weryfikującego',
	'review.overall': 'Komentarz ogólny',
	'review.commented': 'Punkty kontrolne z komentarzami',
	'review.stageComments': {
		one: '{count} punkt kontrolny z komentarzem weryfikującego',
		few: '{count} punkty kontrolne z komentarzami weryfikującego',
		many: '{count} punktów kontrolnych z komentarzami weryfikującego',
		other: '{count} punktu kontrolnego z komentarzami weryfikującego'
	},
	'review.unsentChanges':
		'Biuro miało już ten audyt przed Twoimi ostatnimi zmianami. Są zachowane na tym tablecie i zostaną wysłane razem z audytem, jeśli zostanie zwrócony.',

	'update.available': 'Nowa wersja Shopwalk jest gotowa.',
	'update.apply': 'Aktualizuj teraz',
	'update.later': 'Później',
	'field.signOut.refused':
		'Nie możesz się jeszcze wylogować: {audits} i {photos} nie ma jeszcze na serwerze. Najpierw je prześlij i zsynchronizuj, żeby nic nie przepadło.',
	'field.count.photos': {
		one: '{count} zdjęcie',
		few: '{count} zdjęcia',
		many: '{count} zdjęć',
		other: '{count} zdjęcia'
	},
	'field.error.pageNotFound': 'Pod tym adresem nie ma żadnej strony.',
	'field.sync.retrying': 'Jeszcze nie wysłano — następna próba o {time}',
	'field.reopen.alreadySent':
		'Ten audyt jest już na serwerze, więc nie można go tu ponownie otworzyć. Weryfikujący może go zwrócić do poprawek.',

	'annotate.open': 'Oznacz lub zamaż',
	'annotate.title': 'Oznacz i zamaż zdjęcie',
	'annotate.tools': 'Narzędzia',
	'annotate.tool.arrow': 'Strzałka',
	'annotate.tool.circle': 'Okrąg',
	'annotate.tool.freehand': 'Rysuj',
	'annotate.tool.text': 'Etykieta',
	'annotate.tool.pixelateBox': 'Pikselizuj obszar',
	'annotate.tool.pixelateBrush': 'Pędzel pikselizujący',
	'annotate.label': 'Tekst etykiety',
	'annotate.labelNeeded': 'Najpierw wpisz etykietę, a potem dotknij zdjęcia w odpowiednim miejscu.',
	'annotate.canvas':
		'Zdjęcie do rysowania. Przeciągnij wybranym narzędziem; Enter dodaje jego kształt na środku.',
	'annotate.undo': 'Cofnij',
	'annotate.clear': 'Usuń wszystkie zmiany',
	'annotate.save': 'Zapisz',
	'annotate.count': {
		one: '{count} zmiana',
		few: '{count} zmiany',
		many: '{count} zmian',
		other: '{count} zmiany'
	},
	'annotate.hint':
		'Spikselizowanych obszarów nie da się odtworzyć z wysłanego zdjęcia. Zmiany można cofać do chwili wysłania audytu.',
	'annotate.edited': 'Oznaczone',
	'annotate.failed': 'Zdjęcia nie ma już na tablecie, więc nie można go edytować.',
	'preview.open': 'Przeczytaj raport przed wysłaniem',
	'preview.title': 'Podgląd raportu',
	'preview.hint':
		'Raport w takiej postaci, w jakiej przeczyta go biuro, przygotowany na tym tablecie z wprowadzonych danych. Serwer ponownie sprawdzi wyniki po jego otrzymaniu.',
	'preview.back': 'Powrót do podsumowania',
	'preview.photoAlt': 'Zdjęcie {n}'
};
