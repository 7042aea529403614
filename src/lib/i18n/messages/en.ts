/** The English interface text: the reference catalogue every other language must match key for key. */
export const en = {
	'action.cancel': 'Cancel',
	'action.close': 'Close',
	'action.delete': 'Delete',
	'action.dismiss': 'Dismiss',

	'answer.yes': 'Yes',
	'answer.no': 'No',
	'answer.na': 'N/A',
	'answer.now': 'Now',
	'answer.scaleLabel': '{n} of 5',
	'answer.scaleLegend': '1 = very poor, 5 = excellent',

	'audit.timeIn': 'In',
	'audit.timeOut': 'out',

	'checkpoint.critical': 'Critical',
	'checkpoint.required': 'Required',
	'checkpoint.photoRequired': 'Photo required',

	'common.loading': 'Loading…',
	'common.saving': 'Saving…',
	'common.saveFailed': 'Not saved — try again',
	'common.savedOnDevice': 'All changes saved on this device',

	'duration.minutes': { one: '{count} min', other: '{count} min' },
	'duration.hoursMinutes': '{hours} h {minutes} min',

	'error.title': 'Something went wrong',
	'error.notFound': 'Not found',
	'error.auditNotFound': 'This audit is not on this device.',
	'error.stageNotFound': 'This audit has no such stage.',
	'error.home': 'Back to my audits',
	'error.unexpected': 'Something unexpected went wrong. Your saved work is safe on this device.',
	'error.photo.notAnImage': 'That file is not a photo. Choose a JPEG, PNG or HEIC image.',
	'error.photo.truncated': 'That photo is incomplete or damaged. Take it again.',
	'error.photo.unsupported':
		'That image format cannot be read on this device. Take the photo with the camera.',
	'error.photo.tooLarge': 'That file is too large to be a photo (over 40 MB).',
	'error.photo.failed': 'The photo could not be prepared. Try again.',
	'error.storage.full':
		'The device is out of storage space. Nothing was changed; free some space and try again.',
	'error.storage.lowSpace':
		'Only {free} MB of storage is left on this device. Free some space before taking more photos.',
	'error.storage.readOnly':
		'This audit is ready to submit and can no longer be changed. Reopen it first.',
	'error.storage.notFound': 'This item is no longer on this device.',
	'error.storage.blocked':
		'Shopwalk is open in another tab with an older version. Close the other tab.',
	'error.storage.failed': 'Saving on this device failed. Your earlier answers are kept; try again.',

	'home.title': 'My audits',
	'home.newAudit': 'New audit',
	'home.empty': 'No audits on this device yet. Start one with “New audit”.',
	'home.deleteAudit': 'Delete this draft audit',
	'home.deleteConfirm': 'Delete this draft and its photos?',

	'language.label': 'Language',

	'location.own': 'Own store',
	'location.competitor': 'Competitor',

	'network.online': 'Online',
	'network.offline': 'Offline',

	'newAudit.title': 'New audit',
	'newAudit.location': 'Where are you?',
	'newAudit.template': 'Which journey?',
	'newAudit.templateSize': '{stages} stages, {checkpoints} checkpoints',
	'newAudit.start': 'Start the visit',

	'note.add': 'Add a note',
	'note.label': 'Note',
	'note.requiredLabel': 'Note (required: describe what went wrong)',

	'overview.title': 'Audit overview',
	'overview.score': 'Score',
	'overview.ready': 'Everything is filled in. The audit is ready to submit.',
	'overview.missing': {
		one: '{count} thing is missing before you can submit',
		other: '{count} things are missing before you can submit'
	},
	'overview.receipt': 'Receipt',
	'overview.generalPhotos': 'Other photos of the visit',
	'overview.narrative': 'Overall impression: describe the visit in your own words',
	'overview.finishVisit': 'I have left the store',
	'overview.resumeVisit': 'Back in the store',
	'overview.markReady': 'Ready to submit',
	'overview.reopen': 'Reopen for changes',
	'overview.state.draft': 'Draft',
	'overview.state.queued': 'Ready to submit: it will be sent when the device is online.',
	'overview.state.uploading': 'Sending to the office…',
	'overview.state.received': 'Received by the office.',

	'pending.none': 'Nothing waiting to sync',
	'pending.audits': { one: '{count} audit', other: '{count} audits' },
	'pending.photos': {
		one: '{count} photo not yet on the server',
		other: '{count} photos not yet on the server'
	},

	'photo.take': 'Take photo',
	'photo.takeReceipt': 'Photograph the receipt',
	'photo.fromGallery': 'From gallery',
	'photo.open': 'Open photo',
	'photo.caption': 'Caption',
	'photo.delete': 'Delete photo',
	'photo.deleteConfirm': 'Delete this photo?',
	'photo.processing': { one: 'Preparing {count} photo…', other: 'Preparing {count} photos…' },

	'problem.answer_missing': 'Answer missing',
	'problem.answer_invalid': 'Answer is not valid',
	'problem.photo_missing': 'Photo missing',
	'problem.note_missing': 'Note missing: explain the negative answer',
	'problem.time_out_missing': 'Time-out not recorded: tap “I have left the store”',

	'score.total': 'Total',
	'score.capped': 'Capped: critical failure',
	'score.criticalFailures': 'Critical checkpoints failed',
	'score.stage': 'Stage',
	'score.percent': 'Score',
	'score.time': 'Time spent',

	'stage.position': 'Stage {n} of {total}',
	'stage.navigation': 'Stage navigation',
	'stage.stepper': 'Stages',
	'stage.progress': 'Answered checkpoints',
	'stage.previous': 'Previous',
	'stage.next': 'Next stage',
	'stage.overview': 'Overview',
	'stage.toSummary': 'Summary',

	'status.draft': 'Draft',
	'status.queued': 'Ready to submit',
	'status.uploading': 'Sending',
	'status.received': 'Received',

	'storage.title': 'Storage on this device',
	'storage.persistence.unknown': 'Checking whether this device keeps your data…',
	'storage.persistence.persisted': 'This device has promised to keep your audits and photos.',
	'storage.persistence.denied':
		'This browser may delete data when space runs low. Install Shopwalk on the home screen and sync often.',
	'storage.persistence.unsupported': 'This browser cannot promise to keep data. Sync often.',
	'storage.notPersisted':
		'Storage is not guaranteed on this device: install Shopwalk on the home screen.',
	'storage.free': '{free} free for photos',

	'signIn.title': 'Sign in',
	'signIn.email': 'Email',
	'signIn.password': 'Password',
	'signIn.submit': 'Sign in',
	'signIn.busy': 'Signing in…',
	'signIn.expired':
		'Your session has ended. Sign in again to send your audits — nothing on this device is lost.',
	'signIn.offline':
		'You are offline. Signing in needs a connection the first time; afterwards Shopwalk works without one.',
	'signIn.error.credentials': 'That email and password do not match.',
	'signIn.error.throttled': 'Too many attempts. Wait a few minutes and try again.',
	'signIn.error.offline': 'No connection to the server. Try again when you are online.',
	'signIn.error.server': 'The server could not sign you in. Try again shortly.',
	'signOut.action': 'Sign out',
	'signOut.refused':
		'You cannot sign out yet: {audits} audit(s) and {photos} photo(s) are not on the server. Submit and sync them first, so nothing is lost.',
	'sync.syncing': 'Syncing…',
	'sync.sendingPhotos': 'Sending photos {done}/{total}…',
	'sync.waiting': 'No connection — next try at {time}',
	'sync.now': 'Sync now',
	'sync.signInAgain': 'Sign in again to sync',
	'sync.error': 'An audit could not be sent',
	'assignments.title': 'My visits',
	'assignments.start': 'Start visit',
	'assignments.continue': 'Continue',
	'assignments.templateMissing':
		'This visit’s journey has not reached the device yet. Sync when online and try again.',
	'office.more': 'Load more',
	'office.report': 'Report',
	'office.reportDownload': 'Download PDF',
	'office.reportState.none': '—',
	'office.reportState.pending': 'Being made…',
	'office.reportState.ready': 'Ready',
	'office.reportState.failed': 'Failed (retrying)',
	'office.refresh': 'Refresh',
	'office.filter.kind': 'Store',
	'office.filter.all': 'All',
	'office.filter.received': 'Received',
	'office.filter.from': 'From',
	'office.filter.to': 'To',
	'office.filter.clearDates': 'Clear dates',
	'office.filter.dates.invalid': 'Enter a real date from 1970 on.',
	'office.filter.dates.reversed': 'The “from” date is after the “to” date. Pick days in order.',
	'office.nav': 'Office',
	'office.title': 'Received audits',
	'office.empty': 'No audits received yet.',
	'office.location': 'Location',
	'office.template': 'Journey',
	'office.shopper': 'Shopper',
	'office.received': 'Received',
	'office.state': 'State',
	'office.score': 'Score',
	'office.loadFailed': 'The audits could not be loaded. Check the connection and try again.',
	'office.state.draft': 'Not submitted',
	'office.state.submitted': 'Submitted',
	'office.state.returned': 'Returned',
	'office.state.resubmitted': 'Resubmitted',
	'office.state.approved': 'Approved',

	'report.download': 'Report (PDF)',
	'report.downloadFor': 'Download the PDF report of the audit at {location}',
	'report.offlineReason': 'Reports can be downloaded when online.',
	'report.downloading': 'Downloading the report…',
	'report.pending': 'Report is being prepared. Try again in a minute.',
	'report.missing': 'There is no report to download for this audit yet. Try again later.',
	'report.unknown': 'The server has no such audit for the signed-in account.',
	'report.offline': 'No connection. Try again when online.',
	'report.signedOut': 'Your session has ended. Sign in again to download the report.',
	'report.failed': 'The report could not be downloaded. Try again later.',

	'review.returned': { one: 'Returned — {count} comment', other: 'Returned — {count} comments' },
	'review.approved': 'Approved',
	'review.reviewer': 'Reviewer:',
	'review.returnedTitle': 'Returned by the reviewer',
	'review.returnedHint':
		'Change what the reviewer asked for, then mark the audit ready to submit again.',
	'review.addressedTitle': 'Reviewer comments, answered in your resubmission',
	'review.approvedTitle': 'Approved by the reviewer',
	'review.overall': 'Overall comment',
	'review.commented': 'Checkpoints with comments',
	'review.stageComments': {
		one: '{count} checkpoint with a reviewer comment',
		other: '{count} checkpoints with reviewer comments'
	},
	'review.unsentChanges':
		'The office already had this audit before your last changes. They are kept on this tablet and go with it if it is returned.',

	'update.available': 'A new version of Shopwalk is ready.',
	'update.apply': 'Update now',
	'update.later': 'Later'
} satisfies Record<string, string | { one: string; other: string }>;

export type Messages = { [K in keyof typeof en]: string | { one: string; other: string } };
export type MessageKey = keyof typeof en;
