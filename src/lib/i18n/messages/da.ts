import type { Messages } from './en';

/** Dansk. Typed against the English catalogue, so a missing key fails the build. */
export const da: Messages = {
	'action.cancel': 'Annuller',
	'action.close': 'Luk',
	'action.delete': 'Slet',
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

	'home.title': 'Mine audits',
	'home.newAudit': 'Ny audit',
	'home.empty': 'Der er ingen audits på enheden endnu. Start en med “Ny audit”.',
	'home.deleteAudit': 'Slet denne kladde',
	'home.deleteConfirm': 'Slet denne kladde og dens fotos?',

	'language.label': 'Sprog',

	'location.own': 'Egen butik',
	'location.competitor': 'Konkurrent',

	'network.online': 'Online',
	'network.offline': 'Offline',

	'newAudit.title': 'Ny audit',
	'newAudit.location': 'Hvor er du?',
	'newAudit.template': 'Hvilken kunderejse?',
	'newAudit.templateSize': '{stages} trin, {checkpoints} kontrolpunkter',
	'newAudit.start': 'Start besøget',

	'note.add': 'Tilføj en note',
	'note.label': 'Note',
	'note.requiredLabel': 'Note (påkrævet: beskriv hvad der gik galt)',

	'overview.title': 'Overblik over audit',
	'overview.score': 'Score',
	'overview.ready': 'Alt er udfyldt. Auditten er klar til indsendelse.',
	'overview.missing': {
		one: 'Der mangler {count} ting, før du kan indsende',
		other: 'Der mangler {count} ting, før du kan indsende'
	},
	'overview.receipt': 'Kvittering',
	'overview.generalPhotos': 'Andre fotos fra besøget',
	'overview.narrative': 'Samlet indtryk: beskriv besøget med dine egne ord',
	'overview.finishVisit': 'Jeg har forladt butikken',
	'overview.resumeVisit': 'Tilbage i butikken',
	'overview.markReady': 'Klar til indsendelse',
	'overview.reopen': 'Genåbn for ændringer',
	'overview.state.draft': 'Kladde',
	'overview.state.queued': 'Klar til indsendelse: den sendes, når enheden er online.',
	'overview.state.uploading': 'Sender til kontoret…',
	'overview.state.received': 'Modtaget af kontoret.',

	'pending.none': 'Intet venter på synkronisering',
	'pending.audits': { one: '{count} audit', other: '{count} audits' },
	'pending.photos': {
		one: '{count} foto endnu ikke på serveren',
		other: '{count} fotos endnu ikke på serveren'
	},

	'photo.take': 'Tag foto',
	'photo.takeReceipt': 'Fotografér kvitteringen',
	'photo.fromGallery': 'Fra galleri',
	'photo.open': 'Åbn foto',
	'photo.caption': 'Billedtekst',
	'photo.delete': 'Slet foto',
	'photo.deleteConfirm': 'Slet dette foto?',
	'photo.processing': { one: 'Klargør {count} foto…', other: 'Klargør {count} fotos…' },

	'problem.answer_missing': 'Svar mangler',
	'problem.answer_invalid': 'Svaret er ikke gyldigt',
	'problem.photo_missing': 'Foto mangler',
	'problem.note_missing': 'Note mangler: forklar det negative svar',
	'problem.time_out_missing': 'Udtidspunkt ikke registreret: tryk på “Jeg har forladt butikken”',

	'score.total': 'I alt',
	'score.capped': 'Begrænset: kritisk fejl',
	'score.criticalFailures': 'Kritiske kontrolpunkter ikke opfyldt',
	'score.stage': 'Trin',
	'score.percent': 'Score',
	'score.time': 'Tidsforbrug',

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

	'storage.title': 'Lager på denne enhed',
	'storage.persistence.unknown': 'Undersøger om enheden bevarer dine data…',
	'storage.persistence.persisted': 'Enheden har lovet at bevare dine audits og fotos.',
	'storage.persistence.denied':
		'Browseren kan slette data, når pladsen slipper op. Installér Shopwalk på hjemmeskærmen og synkronisér ofte.',
	'storage.persistence.unsupported': 'Browseren kan ikke love at bevare data. Synkronisér ofte.',
	'storage.notPersisted':
		'Lagring er ikke garanteret på denne enhed: installér Shopwalk på hjemmeskærmen.',
	'storage.free': '{free} ledigt til fotos',

	'signIn.title': 'Log ind',
	'signIn.email': 'E-mail',
	'signIn.password': 'Adgangskode',
	'signIn.submit': 'Log ind',
	'signIn.busy': 'Logger ind…',
	'signIn.expired':
		'Din session er udløbet. Log ind igen for at sende dine audits — intet på enheden går tabt.',
	'signIn.offline':
		'Du er offline. Første login kræver forbindelse; derefter virker Shopwalk uden.',
	'signIn.error.credentials': 'E-mail og adgangskode passer ikke sammen.',
	'signIn.error.throttled': 'For mange forsøg. Vent et par minutter, og prøv igen.',
	'signIn.error.offline': 'Ingen forbindelse til serveren. Prøv igen, når du er online.',
	'signIn.error.server': 'Serveren kunne ikke logge dig ind. Prøv igen om lidt.',
	'signOut.action': 'Log ud',
	'signOut.refused':
		'Du kan ikke logge ud endnu: {audits} audit(s) og {photos} foto(s) er ikke på serveren. Indsend og synkronisér dem først, så intet går tabt.',
	'sync.syncing': 'Synkroniserer…',
	'sync.sendingPhotos': 'Sender fotos {done}/{total}…',
	'sync.waiting': 'Ingen forbindelse — næste forsøg kl. {time}',
	'sync.now': 'Synkronisér nu',
	'sync.signInAgain': 'Log ind igen for at synkronisere',
	'sync.error': 'En audit kunne ikke sendes',
	'assignments.title': 'Mine besøg',
	'assignments.start': 'Start besøg',
	'assignments.continue': 'Fortsæt',
	'assignments.templateMissing':
		'Kunderejsen for dette besøg er ikke nået frem til enheden endnu. Synkronisér online, og prøv igen.',
	'office.more': 'Hent flere',
	'office.report': 'Rapport',
	'office.reportDownload': 'Hent PDF',
	'office.reportState.none': '—',
	'office.reportState.pending': 'Bliver lavet…',
	'office.reportState.ready': 'Klar',
	'office.reportState.failed': 'Fejlet (prøver igen)',
	'office.refresh': 'Opdatér',
	'office.filter.kind': 'Butik',
	'office.filter.all': 'Alle',
	'office.filter.received': 'Modtaget',
	'office.filter.from': 'Fra',
	'office.filter.to': 'Til',
	'office.filter.clearDates': 'Ryd datoer',
	'office.filter.dates.invalid': 'Angiv en gyldig dato fra 1970 eller senere.',
	'office.filter.dates.reversed':
		'“Fra”-datoen ligger efter “til”-datoen. Vælg dagene i rækkefølge.',
	'office.nav': 'Kontor',
	'office.title': 'Modtagne audits',
	'office.empty': 'Ingen audits modtaget endnu.',
	'office.location': 'Sted',
	'office.template': 'Kunderejse',
	'office.shopper': 'Shopper',
	'office.received': 'Modtaget',
	'office.state': 'Status',
	'office.score': 'Score',
	'office.loadFailed': 'Auditterne kunne ikke hentes. Tjek forbindelsen, og prøv igen.',
	'office.state.draft': 'Ikke indsendt',
	'office.state.submitted': 'Indsendt',
	'office.state.returned': 'Sendt retur',
	'office.state.resubmitted': 'Genindsendt',
	'office.state.approved': 'Godkendt',

	'report.download': 'Rapport (PDF)',
	'report.downloadFor': 'Hent PDF-rapporten for auditten hos {location}',
	'report.offlineReason': 'Rapporter kan hentes, når du er online.',
	'report.downloading': 'Henter rapporten…',
	'report.pending': 'Rapporten er ved at blive lavet. Prøv igen om et minut.',
	'report.missing': 'Der er endnu ingen rapport at hente for denne audit. Prøv igen senere.',
	'report.unknown': 'Serveren har ingen sådan audit for den konto, der er logget ind.',
	'report.offline': 'Ingen forbindelse. Prøv igen, når du er online.',
	'report.signedOut': 'Din session er udløbet. Log ind igen for at hente rapporten.',
	'report.failed': 'Rapporten kunne ikke hentes. Prøv igen senere.',

	'review.returned': {
		one: 'Sendt retur — {count} kommentar',
		other: 'Sendt retur — {count} kommentarer'
	},
	'review.approved': 'Godkendt',
	'review.reviewer': 'Gennemgang:',
	'review.returnedTitle': 'Sendt retur af den, der gennemgår',
	'review.returnedHint':
		'Ret det, der bliver spurgt om, og markér så din audit klar til indsendelse igen.',
	'review.addressedTitle': 'Kommentarer fra gennemgangen, besvaret i din genindsendelse',
	'review.approvedTitle': 'Godkendt ved gennemgangen',
	'review.overall': 'Samlet kommentar',
	'review.commented': 'Kontrolpunkter med kommentarer',
	'review.stageComments': {
		one: '{count} kontrolpunkt med en kommentar fra gennemgangen',
		other: '{count} kontrolpunkter med kommentarer fra gennemgangen'
	},
	'review.unsentChanges':
		'Kontoret havde allerede denne audit før dine seneste ændringer. De gemmes på tabletten og sendes med, hvis den sendes retur.',

	'update.available': 'En ny version af Shopwalk er klar.',
	'update.apply': 'Opdatér nu',
	'update.later': 'Senere'
};
