import type { MoreMessages } from './en';

/** The Norwegian (bokmål) text of the field’s screens other than the stage runner. */
export const moreNb: MoreMessages = {
	'locations.kind': 'Egen eller konkurrent',
	'locations.name': 'Navn',
	'locations.brand': 'Kjede',
	'locations.region': 'Region',
	'locations.address': 'Adresse',

	'visits.nav': 'Besøk',
	'visits.title': 'Besøk',
	'visits.new': 'Planlegg et besøk',
	'visits.wave': 'Planlegg en bølge',
	'visits.waveIntro':
		'Én mal og ett tidsrom over mange butikker, med en shopper for hver. Alle besøkene planlegges, eller ingen.',
	'visits.waveStores': 'Butikker',
	'visits.waveInclude': 'Butikk',
	'visits.waveMore': 'Bare de første 100 butikkene vises; søk for å finne andre.',
	'visits.planWave': 'Planlegg bølgen',
	'visits.plan': 'Planlegg besøk',
	'visits.planned': { one: '{count} besøk planlagt.', other: '{count} besøk planlagt.' },
	'visits.back': '← Alle besøk',
	'visits.template': 'Mal',
	'visits.location': 'Butikk',
	'visits.shopper': 'Shopper',
	'visits.shopperFor': 'Shopper til {location}',
	'visits.choose': 'Velg…',
	'visits.window': 'Tidsrom',
	'visits.windowStart': 'Fra',
	'visits.windowEnd': 'Til',
	'visits.windowStoreZone': 'Tidene er i butikkens tidssone.',
	'visits.windowYourZone': 'Tidene er i din tidssone ({zone}).',
	'visits.brief': 'Scenario',
	'visits.briefHint':
		'Skriv det på hvert språk shopperne dine leser; engelsk er påkrevd og vises når en shoppers språk mangler.',
	'visits.stateLabel': 'Status',
	'visits.state.open': 'Åpen',
	'visits.state.in_progress': 'Pågår',
	'visits.state.done': 'Utført',
	'visits.state.overdue': 'Forsinket',
	'visits.state.cancelled': 'Avlyst',
	'visits.filterApply': 'Vis',
	'visits.empty': 'Ingen besøk passer.',
	'visits.pages': 'Sider med besøk',
	'visits.outsideWindow': 'Utenfor tidsrommet',
	'visits.flags': 'Merknader',
	'visits.startedOutside': 'Startet utenfor tidsrommet',
	'visits.submittedOutside': 'Levert utenfor tidsrommet',
	'visits.audit': 'Revisjon',
	'visits.openAudit': 'Åpne revisjonen',
	'visits.edit': 'Endre dette besøket',
	'visits.saveChanges': 'Lagre endringer',
	'visits.saved': 'Lagret.',
	'visits.cancel': 'Avlys dette besøket',
	'action.cancel': 'Avbryt',
	'action.close': 'Lukk',
	'action.delete': 'Slett',
	'photo.caption': 'Bildetekst',
	'photo.delete': 'Slett bildet',
	'photo.deleteConfirm': 'Slette dette bildet?',
	'deploy.signIn.error.insecure':
		'Adressen er ikke sikker (https), så denne nettleseren kan ikke lagre auditer offline. Åpne Shopwalk på https-adressen, eller be administratoren din om å sette den bak HTTPS.',

	'home.title': 'Mine auditer',
	'home.newAudit': 'Ny audit',
	'home.empty': 'Det er ingen auditer på enheten ennå. Start en med «Ny audit».',
	'home.deleteAudit': 'Slett dette utkastet',
	'home.deleteConfirm': 'Slette dette utkastet og bildene i det?',

	'location.own': 'Egen butikk',

	'newAudit.title': 'Ny audit',
	'newAudit.location': 'Hvor er du?',
	'newAudit.template': 'Hvilken kundereise?',
	'newAudit.templateSize': '{stages} trinn, {checkpoints} kontrollpunkter',
	'newAudit.start': 'Start besøket',

	'overview.title': 'Oversikt over auditen',
	'overview.score': 'Poengsum',
	'overview.ready': 'Alt er fylt ut. Auditen er klar til innsending.',
	'overview.missing': {
		one: 'Det mangler {count} ting før du kan sende inn',
		other: 'Det mangler {count} ting før du kan sende inn'
	},
	'overview.receipt': 'Kvittering',
	'overview.generalPhotos': 'Andre bilder fra besøket',
	'overview.narrative': 'Helhetsinntrykk: beskriv besøket med dine egne ord',
	'overview.finishVisit': 'Jeg har forlatt butikken',
	'overview.resumeVisit': 'Tilbake i butikken',
	'overview.markReady': 'Klar til innsending',
	'overview.reopen': 'Åpne igjen for endringer',
	'overview.state.draft': 'Utkast',
	'overview.state.queued': 'Klar til innsending: den sendes når enheten er tilkoblet.',
	'overview.state.uploading': 'Sender til kontoret…',
	'overview.state.received': 'Mottatt av kontoret.',
	'photo.takeReceipt': 'Ta bilde av kvitteringen',

	'score.total': 'Totalt',
	'score.capped': 'Begrenset: kritisk feil',
	'score.criticalFailures': 'Kritiske kontrollpunkter ikke oppfylt',
	'score.stage': 'Trinn',
	'score.percent': 'Poengsum',
	'score.time': 'Tidsbruk',

	'storage.title': 'Lagring på denne enheten',
	'storage.persistence.unknown': 'Undersøker om enheten tar vare på dataene dine…',
	'storage.persistence.persisted': 'Enheten har lovet å ta vare på auditene og bildene dine.',
	'storage.persistence.denied':
		'Nettleseren kan slette data når det blir lite plass. Installer Shopwalk på startskjermen og synkroniser ofte.',
	'storage.persistence.unsupported':
		'Nettleseren kan ikke love å ta vare på data. Synkroniser ofte.',
	'storage.free': '{free} ledig til bilder',

	'retention.photoSpace': '{size} bilder lagret på denne enheten',
	'retention.released': {
		one: '{count} bilde finnes bare i full størrelse på serveren (synkronisert for over en uke siden)',
		other:
			'{count} bilder finnes bare i full størrelse på serveren (synkronisert for over en uke siden)'
	},

	'signIn.title': 'Logg inn',
	'signIn.email': 'E-post',
	'signIn.password': 'Passord',
	'signIn.submit': 'Logg inn',
	'signIn.busy': 'Logger inn…',
	'signIn.expired':
		'Økten din er utløpt. Logg inn igjen for å sende auditene dine – ingenting på enheten går tapt.',
	'signIn.offline':
		'Du er frakoblet. Første innlogging krever nettforbindelse; etterpå virker Shopwalk uten.',
	'assignments.title': 'Mine besøk',
	'assignments.start': 'Start besøket',
	'assignments.continue': 'Fortsett',
	'assignments.templateMissing':
		'Kundereisen for dette besøket har ikke kommet til enheten ennå. Synkroniser når du er tilkoblet, og prøv igjen.',
	'office.audit.points': 'Poeng',
	'office.audit.pointsOf': '{points} av {max}',
	'office.fieldSignOut.busy': 'Logger ut…',
	'office.fieldSignOut.back': 'Tilbake til mine auditer',
	'office.fieldSignOut.failed': 'Utloggingen mislyktes. Prøv igjen når du er tilkoblet.',

	'report.download': 'Rapport (PDF)',
	'report.offlineReason': 'Rapporter kan lastes ned når du er tilkoblet.',
	'report.downloading': 'Laster ned rapporten…',
	'report.pending': 'Rapporten blir laget. Prøv igjen om et minutt.',
	'report.missing':
		'Det finnes ingen rapport å laste ned for denne auditen ennå. Prøv igjen senere.',
	'report.unknown': 'Serveren har ingen slik audit for kontoen som er logget inn.',
	'report.offline': 'Ingen forbindelse. Prøv igjen når du er tilkoblet.',
	'report.signedOut': 'Økten din er utløpt. Logg inn igjen for å laste ned rapporten.',
	'report.failed': 'Rapporten kunne ikke lastes ned. Prøv igjen senere.',
	'review.returnedTitle': 'Sendt tilbake etter gjennomgang',
	'review.returnedHint':
		'Rett det du blir bedt om, og merk deretter auditen som klar til innsending igjen.',
	'review.addressedTitle': 'Kommentarer fra gjennomgangen, besvart i den nye innsendingen',
	'review.approvedTitle': 'Godkjent etter gjennomgang',
	'review.overall': 'Samlet kommentar',
	'review.commented': 'Kontrollpunkter med kommentarer',
	'review.unsentChanges':
		'Kontoret hadde allerede denne auditen før de siste endringene dine. De beholdes på nettbrettet og sendes med hvis auditen sendes tilbake.'
};
