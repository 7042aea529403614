import type { MoreMessages } from './en';

/** The Danish text of the field’s screens other than the stage runner. */
export const moreDa: MoreMessages = {
	'action.cancel': 'Annuller',
	'action.close': 'Luk',
	'action.delete': 'Slet',
	'photo.caption': 'Billedtekst',
	'photo.delete': 'Slet foto',
	'photo.deleteConfirm': 'Slet dette foto?',
	'deploy.signIn.error.insecure':
		'Adressen er ikke sikker (https), så denne browser kan ikke gemme audits offline. Åbn Shopwalk på dens https-adresse, eller bed din administrator om at sætte den bag HTTPS.',

	'home.title': 'Mine audits',
	'home.newAudit': 'Ny audit',
	'home.empty': 'Der er ingen audits på enheden endnu. Start en med “Ny audit”.',
	'home.deleteAudit': 'Slet denne kladde',
	'home.deleteConfirm': 'Slet denne kladde og dens fotos?',

	'location.own': 'Egen butik',

	'newAudit.title': 'Ny audit',
	'newAudit.location': 'Hvor er du?',
	'newAudit.template': 'Hvilken kunderejse?',
	'newAudit.templateSize': '{stages} trin, {checkpoints} kontrolpunkter',
	'newAudit.start': 'Start besøget',

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
	'photo.takeReceipt': 'Fotografér kvitteringen',

	'score.total': 'I alt',
	'score.capped': 'Begrænset: kritisk fejl',
	'score.criticalFailures': 'Kritiske kontrolpunkter ikke opfyldt',
	'score.stage': 'Trin',
	'score.percent': 'Score',
	'score.time': 'Tidsforbrug',

	'storage.title': 'Lager på denne enhed',
	'storage.persistence.unknown': 'Undersøger om enheden bevarer dine data…',
	'storage.persistence.persisted': 'Enheden har lovet at bevare dine audits og fotos.',
	'storage.persistence.denied':
		'Browseren kan slette data, når pladsen slipper op. Installér Shopwalk på hjemmeskærmen og synkronisér ofte.',
	'storage.persistence.unsupported': 'Browseren kan ikke love at bevare data. Synkronisér ofte.',
	'storage.free': '{free} ledigt til fotos',

	'retention.photoSpace': '{size} fotos gemt på denne enhed',
	'retention.released': {
		one: '{count} foto findes kun i fuld størrelse på serveren (synkroniseret for over en uge siden)',
		other:
			'{count} fotos findes kun i fuld størrelse på serveren (synkroniseret for over en uge siden)'
	},

	'signIn.title': 'Log ind',
	'signIn.email': 'E-mail',
	'signIn.password': 'Adgangskode',
	'signIn.submit': 'Log ind',
	'signIn.busy': 'Logger ind…',
	'signIn.expired':
		'Din session er udløbet. Log ind igen for at sende dine audits — intet på enheden går tabt.',
	'signIn.offline':
		'Du er offline. Første login kræver forbindelse; derefter virker Shopwalk uden.',
	'assignments.title': 'Mine besøg',
	'assignments.start': 'Start besøg',
	'assignments.continue': 'Fortsæt',
	'assignments.templateMissing':
		'Kunderejsen for dette besøg er ikke nået frem til enheden endnu. Synkronisér online, og prøv igen.',
	'office.audit.points': 'Point',
	'office.audit.pointsOf': '{points} af {max}',
	'office.fieldSignOut.busy': 'Logger ud…',
	'office.fieldSignOut.back': 'Tilbage til mine audits',
	'office.fieldSignOut.failed': 'Udlogning mislykkedes. Prøv igen, når du er online.',

	'report.download': 'Rapport (PDF)',
	'report.offlineReason': 'Rapporter kan hentes, når du er online.',
	'report.downloading': 'Henter rapporten…',
	'report.pending': 'Rapporten er ved at blive lavet. Prøv igen om et minut.',
	'report.missing': 'Der er endnu ingen rapport at hente for denne audit. Prøv igen senere.',
	'report.unknown': 'Serveren har ingen sådan audit for den konto, der er logget ind.',
	'report.offline': 'Ingen forbindelse. Prøv igen, når du er online.',
	'report.signedOut': 'Din session er udløbet. Log ind igen for at hente rapporten.',
	'report.failed': 'Rapporten kunne ikke hentes. Prøv igen senere.',
	'review.returnedTitle': 'Sendt retur af den, der gennemgår',
	'review.returnedHint':
		'Ret det, der bliver spurgt om, og markér så din audit klar til indsendelse igen.',
	'review.addressedTitle': 'Kommentarer fra gennemgangen, besvaret i din genindsendelse',
	'review.approvedTitle': 'Godkendt ved gennemgangen',
	'review.overall': 'Samlet kommentar',
	'review.commented': 'Kontrolpunkter med kommentarer',
	'review.unsentChanges':
		'Kontoret havde allerede denne audit før dine seneste ændringer. De gemmes på tabletten og sendes med, hvis den sendes retur.'
};
