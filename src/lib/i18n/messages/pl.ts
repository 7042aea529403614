import type { Messages } from './en';

/**
 * Polski. Typed against the English catalogue, so a missing key fails the build. Counted messages
 * carry Polish's plural categories: one (1), few (2–4, 22–24 …), many (0, 5–21, 25 …) and other
 * (fractions).
 */
export const pl: Messages = {
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

	'language.label': 'Język',
	'location.competitor': 'Konkurencja',

	'network.online': 'Online',
	'network.offline': 'Offline',

	'note.add': 'Dodaj notatkę',
	'note.label': 'Notatka',
	'note.requiredLabel': 'Notatka (wymagana: opisz, co poszło nie tak)',

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
	'photo.fromGallery': 'Z galerii',
	'photo.open': 'Otwórz zdjęcie',
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
	'storage.notPersisted':
		'Przechowywanie danych na tym urządzeniu nie jest gwarantowane: zainstaluj Shopwalk na ekranie głównym.',
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
	'office.nav': 'Biuro',
	'office.loadFailed': 'Nie udało się wczytać audytów. Sprawdź połączenie i spróbuj ponownie.',
	'office.signedInAs': 'Zalogowano jako {name}',
	'office.forbidden.title': 'Biuro jest dla weryfikujących i czytelników raportów',
	'office.forbidden.body':
		'Jesteś zalogowany jako audytor. Twoje wizyty i audyty są w aplikacji audytora.',
	'office.forbidden.back': 'Przejdź do moich audytów',
	'office.error.notFound': 'Ten audyt nie istnieje albo nie masz do niego dostępu.',
	'office.error.title': 'Coś poszło nie tak',
	'office.error.unexpected': 'Biuro nie mogło wyświetlić tej strony. Spróbuj ponownie za chwilę.',
	'office.error.back': 'Wróć do skrzynki',
	'office.offline': 'Biuro wymaga połączenia. Twoje audyty na tym urządzeniu są bezpieczne.',
	'office.audit.percent': 'Procent',
	'office.audit.timeSpent': 'Czas',
	'report.downloadFor': 'Pobierz raport PDF z audytu w lokalizacji {location}',

	'review.returned': {
		one: 'Zwrócony — {count} komentarz',
		few: 'Zwrócony — {count} komentarze',
		many: 'Zwrócony — {count} komentarzy',
		other: 'Zwrócony — {count} komentarza'
	},
	'review.approved': 'Zatwierdzony',
	'review.reviewer': 'Weryfikujący:',
	'review.stageComments': {
		one: '{count} punkt kontrolny z komentarzem weryfikującego',
		few: '{count} punkty kontrolne z komentarzami weryfikującego',
		many: '{count} punktów kontrolnych z komentarzami weryfikującego',
		other: '{count} punktu kontrolnego z komentarzami weryfikującego'
	},

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
	'preview.photoAlt': 'Zdjęcie {n}',
	'export.pull.applyFailed':
		'Nowych wizyt i ścieżek nie udało się zapisać na tym urządzeniu, więc pokazuje ono to, co miało. Zwolnij miejsce na urządzeniu lub odśwież stronę i zsynchronizuj ponownie.',
	'export.pull.retry': 'Spróbuj ponownie',
	'insights.filters': 'Filtry',
	'insights.col.audits': 'Audyty',
	'insights.series.ownStores': 'Własne sklepy'
};
