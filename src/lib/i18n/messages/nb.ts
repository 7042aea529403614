import type { Messages } from './en';

/** Norsk bokmål. Typed against the English catalogue, so a missing key fails the build. */
export const nb: Messages = {
	'action.dismiss': 'Lukk meldingen',

	'answer.yes': 'Ja',
	'answer.no': 'Nei',
	'answer.na': 'Ikke relevant',
	'answer.now': 'Nå',
	'answer.scaleLabel': '{n} av 5',
	'answer.scaleLegend': '1 = svært dårlig, 5 = utmerket',

	'audit.timeIn': 'Inn',
	'audit.timeOut': 'ut',

	'checkpoint.critical': 'Kritisk',
	'checkpoint.required': 'Påkrevd',
	'checkpoint.photoRequired': 'Bilde påkrevd',

	'common.loading': 'Laster inn…',
	'common.saving': 'Lagrer…',
	'common.saveFailed': 'Ikke lagret – prøv igjen',
	'common.savedOnDevice': 'Alle endringer er lagret på enheten',

	'deploy.signIn.error.badOrigin':
		'Serveren er satt opp for en annen adresse (ORIGIN). Åpne Shopwalk på adressen den er satt opp for, eller be administratoren din om å sette ORIGIN til adressen i nettleseren din: {address}',

	'duration.minutes': { one: '{count} min', other: '{count} min' },
	'duration.hoursMinutes': '{hours} t {minutes} min',

	'error.title': 'Noe gikk galt',
	'error.notFound': 'Ikke funnet',
	'error.auditNotFound': 'Denne auditen finnes ikke på enheten.',
	'error.stageNotFound': 'Denne auditen har ikke det trinnet.',
	'error.home': 'Tilbake til mine auditer',
	'error.unexpected': 'Det oppstod en uventet feil. Det lagrede arbeidet ditt er trygt på enheten.',
	'error.photo.notAnImage': 'Filen er ikke et bilde. Velg et JPEG-, PNG- eller HEIC-bilde.',
	'error.photo.truncated': 'Bildet er ufullstendig eller skadet. Ta det på nytt.',
	'error.photo.unsupported':
		'Bildeformatet kan ikke leses på denne enheten. Ta bildet med kameraet.',
	'error.photo.tooLarge': 'Filen er for stor til å være et bilde (over 40 MB).',
	'error.photo.failed': 'Bildet kunne ikke klargjøres. Prøv igjen.',
	'error.storage.full':
		'Enheten er tom for lagringsplass. Ingenting ble endret; frigjør plass og prøv igjen.',
	'error.storage.lowSpace':
		'Det er bare {free} MB lagringsplass igjen på enheten. Frigjør plass før du tar flere bilder.',
	'error.storage.readOnly':
		'Denne auditen er klar til innsending og kan ikke lenger endres. Åpne den igjen først.',
	'error.storage.notFound': 'Dette finnes ikke lenger på enheten.',
	'error.storage.blocked':
		'Shopwalk er åpen i en annen fane med en eldre versjon. Lukk den andre fanen.',
	'error.storage.failed':
		'Lagringen på enheten mislyktes. De tidligere svarene dine er beholdt; prøv igjen.',

	'language.label': 'Språk',
	'location.competitor': 'Konkurrent',

	'network.online': 'Tilkoblet',
	'network.offline': 'Frakoblet',

	'note.add': 'Legg til et notat',
	'note.label': 'Notat',
	'note.requiredLabel': 'Notat (påkrevd: beskriv hva som gikk galt)',

	'pending.none': 'Ingenting venter på synkronisering',
	'pending.audits': { one: '{count} audit', other: '{count} auditer' },
	'pending.photos': {
		one: '{count} bilde er ikke på serveren ennå',
		other: '{count} bilder er ikke på serveren ennå'
	},

	'photo.take': 'Ta bilde',
	'photo.fromGallery': 'Fra galleriet',
	'photo.open': 'Åpne bildet',
	'photo.processing': { one: 'Klargjør {count} bilde…', other: 'Klargjør {count} bilder…' },

	'problem.answer_missing': 'Svar mangler',
	'problem.answer_invalid': 'Svaret er ikke gyldig',
	'problem.photo_missing': 'Bilde mangler',
	'problem.note_missing': 'Notat mangler: forklar det negative svaret',
	'problem.time_out_missing': 'Avreisetid er ikke registrert: trykk på «Jeg har forlatt butikken»',

	'stage.position': 'Trinn {n} av {total}',
	'stage.navigation': 'Navigering mellom trinn',
	'stage.stepper': 'Trinn',
	'stage.progress': 'Besvarte kontrollpunkter',
	'stage.previous': 'Forrige',
	'stage.next': 'Neste trinn',
	'stage.overview': 'Oversikt',
	'stage.toSummary': 'Sammendrag',

	'status.draft': 'Utkast',
	'status.queued': 'Klar til innsending',
	'status.uploading': 'Sender',
	'status.received': 'Mottatt',
	'storage.notPersisted':
		'Lagringen er ikke garantert på denne enheten: installer Shopwalk på startskjermen.',
	'signIn.error.credentials': 'E-postadressen og passordet stemmer ikke overens.',
	'signIn.error.throttled': 'For mange forsøk. Vent noen minutter og prøv igjen.',
	'signIn.error.offline': 'Ingen forbindelse til serveren. Prøv igjen når du er tilkoblet.',
	'signIn.error.server': 'Serveren kunne ikke logge deg inn. Prøv igjen om litt.',
	'signOut.action': 'Logg ut',
	'sync.syncing': 'Synkroniserer…',
	'sync.sendingPhotos': 'Sender bilder {done}/{total}…',
	'sync.waiting': 'Ingen forbindelse – nytt forsøk kl. {time}',
	'sync.now': 'Synkroniser nå',
	'sync.signInAgain': 'Logg inn igjen for å synkronisere',
	'sync.error': 'En audit kunne ikke sendes',
	'office.nav': 'Kontor',
	'office.loadFailed': 'Auditene kunne ikke hentes. Sjekk forbindelsen og prøv igjen.',
	'office.signedInAs': 'Logget inn som {name}',
	'office.forbidden.title': 'Kontoret er for dem som gjennomgår og leser rapporter',
	'office.forbidden.body':
		'Du er logget inn som testkunde. Besøkene og auditene dine finner du i testkundens app.',
	'office.forbidden.back': 'Gå til mine auditer',
	'office.error.notFound': 'Denne auditen finnes ikke, eller du har ikke tilgang til den.',
	'office.error.title': 'Noe gikk galt',
	'office.error.unexpected': 'Kontoret kunne ikke vise denne siden. Prøv igjen om et øyeblikk.',
	'office.error.back': 'Tilbake til innboksen',
	'office.offline': 'Kontoret krever nettforbindelse. Auditene dine på denne enheten er trygge.',
	'office.audit.percent': 'Prosent',
	'office.audit.timeSpent': 'Tidsbruk',
	'report.downloadFor': 'Last ned PDF-rapporten for auditen hos {location}',

	'review.returned': {
		one: 'Sendt tilbake – {count} kommentar',
		other: 'Sendt tilbake – {count} kommentarer'
	},
	'review.approved': 'Godkjent',
	'review.reviewer': 'Gjennomgang:',
	'review.stageComments': {
		one: '{count} kontrollpunkt med en kommentar fra gjennomgangen',
		other: '{count} kontrollpunkter med kommentarer fra gjennomgangen'
	},

	'update.available': 'En ny versjon av Shopwalk er klar.',
	'update.apply': 'Oppdater nå',
	'update.later': 'Senere',
	'field.signOut.refused':
		'Du kan ikke logge ut ennå: {audits} og {photos} er ikke på serveren. Send inn og synkroniser dem først, så ingenting går tapt.',
	'field.count.photos': { one: '{count} bilde', other: '{count} bilder' },
	'field.error.pageNotFound': 'Det finnes ingen side på denne adressen.',
	'field.sync.retrying': 'Ikke sendt ennå — neste forsøk kl. {time}',
	'field.reopen.alreadySent':
		'Denne auditen er allerede på serveren og kan ikke åpnes igjen her. Gjennomgåeren kan sende den tilbake til deg for endringer.',
	'preview.photoAlt': 'Bilde {n}',
	'export.pull.applyFailed':
		'Nye besøk og forløp kunne ikke lagres på denne enheten, så den viser fortsatt det den hadde. Frigjør plass på enheten eller last inn på nytt, og synkroniser igjen.',
	'export.pull.retry': 'Prøv igjen',
	'insights.filters': 'Filtre',
	'insights.col.audits': 'Revisjoner',
	'insights.series.ownStores': 'Egne butikker'
};
