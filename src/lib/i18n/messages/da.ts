import type { Messages } from './en';

/** Dansk. Typed against the English catalogue, so a missing key fails the build. */
export const da: Messages = {
	'action.dismiss': 'Luk besked',

	'answer.yes': 'Ja',
	'answer.no': 'Nej',
	'answer.na': 'Ikke relevant',
	'answer.now': 'Nu',
	'answer.scaleLabel': '{n} ud af 5',
	'answer.scaleLegend': '1 = meget dårligt, 5 = fremragende',

	'audit.timeIn': 'Ind',
	'audit.timeOut': 'ud',

	'checkpoint.critical': 'Kritisk',
	'checkpoint.required': 'Påkrævet',
	'checkpoint.photoRequired': 'Foto påkrævet',

	'common.loading': 'Indlæser…',
	'common.saving': 'Gemmer…',
	'common.saveFailed': 'Ikke gemt — prøv igen',
	'common.savedOnDevice': 'Alle ændringer er gemt på enheden',

	'deploy.signIn.error.badOrigin':
		'Serveren er sat op til en anden adresse (ORIGIN). Åbn Shopwalk på den adresse, den er sat op til, eller bed din administrator om at sætte ORIGIN til adressen i din browser: {address}',

	'duration.minutes': { one: '{count} min.', other: '{count} min.' },
	'duration.hoursMinutes': '{hours} t. {minutes} min.',

	'error.title': 'Noget gik galt',
	'error.notFound': 'Ikke fundet',
	'error.auditNotFound': 'Denne audit findes ikke på enheden.',
	'error.stageNotFound': 'Denne audit har ikke det trin.',
	'error.home': 'Tilbage til mine audits',
	'error.unexpected': 'Der skete en uventet fejl. Dit gemte arbejde er i sikkerhed på enheden.',
	'error.photo.notAnImage': 'Filen er ikke et foto. Vælg et JPEG-, PNG- eller HEIC-billede.',
	'error.photo.truncated': 'Fotoet er ufuldstændigt eller beskadiget. Tag det igen.',
	'error.photo.unsupported':
		'Billedformatet kan ikke læses på denne enhed. Tag fotoet med kameraet.',
	'error.photo.tooLarge': 'Filen er for stor til at være et foto (over 40 MB).',
	'error.photo.failed': 'Fotoet kunne ikke klargøres. Prøv igen.',
	'error.storage.full':
		'Enheden har ikke mere lagerplads. Intet blev ændret; frigør plads og prøv igen.',
	'error.storage.lowSpace':
		'Der er kun {free} MB lagerplads tilbage på enheden. Frigør plads, før du tager flere fotos.',
	'error.storage.readOnly':
		'Denne audit er klar til indsendelse og kan ikke længere ændres. Genåbn den først.',
	'error.storage.notFound': 'Dette findes ikke længere på enheden.',
	'error.storage.blocked':
		'Shopwalk er åben i en anden fane med en ældre version. Luk den anden fane.',
	'error.storage.failed':
		'Det lykkedes ikke at gemme på enheden. Dine tidligere svar er bevaret; prøv igen.',

	'language.label': 'Sprog',
	'location.competitor': 'Konkurrent',

	'network.online': 'Online',
	'network.offline': 'Offline',

	'note.add': 'Tilføj en note',
	'note.label': 'Note',
	'note.requiredLabel': 'Note (påkrævet: beskriv hvad der gik galt)',

	'pending.none': 'Intet venter på synkronisering',
	'pending.audits': { one: '{count} audit', other: '{count} audits' },
	'pending.photos': {
		one: '{count} foto endnu ikke på serveren',
		other: '{count} fotos endnu ikke på serveren'
	},

	'photo.take': 'Tag foto',
	'photo.fromGallery': 'Fra galleri',
	'photo.open': 'Åbn foto',
	'photo.processing': { one: 'Klargør {count} foto…', other: 'Klargør {count} fotos…' },

	'problem.answer_missing': 'Svar mangler',
	'problem.answer_invalid': 'Svaret er ikke gyldigt',
	'problem.photo_missing': 'Foto mangler',
	'problem.note_missing': 'Note mangler: forklar det negative svar',
	'problem.time_out_missing': 'Udtidspunkt ikke registreret: tryk på “Jeg har forladt butikken”',

	'stage.position': 'Trin {n} af {total}',
	'stage.navigation': 'Navigation mellem trin',
	'stage.stepper': 'Trin',
	'stage.progress': 'Besvarede kontrolpunkter',
	'stage.previous': 'Forrige',
	'stage.next': 'Næste trin',
	'stage.overview': 'Overblik',
	'stage.toSummary': 'Opsummering',

	'status.draft': 'Kladde',
	'status.queued': 'Klar til indsendelse',
	'status.uploading': 'Sender',
	'status.received': 'Modtaget',
	'storage.notPersisted':
		'Lagring er ikke garanteret på denne enhed: installér Shopwalk på hjemmeskærmen.',
	'signIn.error.credentials': 'E-mail og adgangskode passer ikke sammen.',
	'signIn.error.throttled': 'For mange forsøg. Vent et par minutter, og prøv igen.',
	'signIn.error.offline': 'Ingen forbindelse til serveren. Prøv igen, når du er online.',
	'signIn.error.server': 'Serveren kunne ikke logge dig ind. Prøv igen om lidt.',
	'signOut.action': 'Log ud',
	'sync.syncing': 'Synkroniserer…',
	'sync.sendingPhotos': 'Sender fotos {done}/{total}…',
	'sync.waiting': 'Ingen forbindelse — næste forsøg kl. {time}',
	'sync.now': 'Synkronisér nu',
	'sync.signInAgain': 'Log ind igen for at synkronisere',
	'sync.error': 'En audit kunne ikke sendes',
	'office.nav': 'Kontor',
	'office.loadFailed': 'Auditterne kunne ikke hentes. Tjek forbindelsen, og prøv igen.',
	'office.signedInAs': 'Logget ind som {name}',
	'office.forbidden.title': 'Kontoret er for korrekturlæsere og rapportlæsere',
	'office.forbidden.body':
		'Du er logget ind som shopper. Dine besøg og audits findes i shopperens app.',
	'office.forbidden.back': 'Gå til mine audits',
	'office.error.notFound': 'Denne audit findes ikke, eller du har ikke adgang til den.',
	'office.error.title': 'Noget gik galt',
	'office.error.unexpected': 'Kontoret kunne ikke vise siden. Prøv igen om lidt.',
	'office.error.back': 'Tilbage til indbakken',
	'office.offline': 'Kontoret kræver forbindelse. Dine audits på denne enhed er i sikkerhed.',
	'office.audit.percent': 'Procent',
	'office.audit.timeSpent': 'Tidsforbrug',
	'report.downloadFor': 'Hent PDF-rapporten for auditten hos {location}',

	'review.returned': {
		one: 'Sendt retur — {count} kommentar',
		other: 'Sendt retur — {count} kommentarer'
	},
	'review.approved': 'Godkendt',
	'review.reviewer': 'Gennemgang:',
	'review.stageComments': {
		one: '{count} kontrolpunkt med en kommentar fra gennemgangen',
		other: '{count} kontrolpunkter med kommentarer fra gennemgangen'
	},

	'field.signOut.refused':
		'Du kan ikke logge ud endnu: {audits} og {photos} er ikke på serveren. Indsend og synkronisér dem først, så intet går tabt.',
	'field.count.photos': { one: '{count} foto', other: '{count} fotos' },
	'field.error.pageNotFound': 'Der er ingen side på denne adresse.',
	'field.sync.retrying': 'Ikke sendt endnu — næste forsøg kl. {time}',
	'field.reopen.alreadySent':
		'Denne audit er allerede på serveren og kan ikke genåbnes her. Revisoren kan sende den tilbage til dig til rettelser.',

	'update.available': 'En ny version af Shopwalk er klar.',
	'update.apply': 'Opdatér nu',
	'update.later': 'Senere',
	'preview.photoAlt': 'Foto {n}',
	'export.pull.applyFailed':
		'Nye besøg og forløb kunne ikke gemmes på denne enhed, så den viser stadig det, den havde. Frigør plads på enheden eller genindlæs, og synkronisér igen.',
	'export.pull.retry': 'Prøv igen',
	'insights.filters': 'Filtre',
	'insights.col.audits': 'Audits',
	'insights.series.ownStores': 'Egne butikker'
};
