import type { Message } from '../locales';

/**
 * The English text of the field’s screens other than the stage runner: loaded only with them, and the reference every other
 * language's more catalogue must match key for key. Kept by `node scripts/split-messages.js`.
 */
export const moreEn = {
	'locations.kind': 'Own or competitor',
	'locations.name': 'Name',
	'locations.brand': 'Brand',
	'locations.region': 'Region',
	'locations.address': 'Address',

	'visits.nav': 'Visits',
	'visits.title': 'Visits',
	'visits.new': 'Plan a visit',
	'visits.wave': 'Plan a wave',
	'visits.waveIntro':
		'One template and window over many stores, with a shopper for each. Every visit is planned, or none is.',
	'visits.waveStores': 'Stores',
	'visits.waveInclude': 'Store',
	'visits.waveMore': 'Only the first 100 stores are listed; search to find others.',
	'visits.planWave': 'Plan the wave',
	'visits.plan': 'Plan visit',
	'visits.planned': { one: '{count} visit planned.', other: '{count} visits planned.' },
	'visits.back': '← All visits',
	'visits.template': 'Template',
	'visits.location': 'Store',
	'visits.shopper': 'Shopper',
	'visits.shopperFor': 'Shopper for {location}',
	'visits.choose': 'Choose…',
	'visits.window': 'Window',
	'visits.windowStart': 'From',
	'visits.windowEnd': 'Until',
	'visits.windowStoreZone': 'Times are in the store’s time zone.',
	'visits.windowYourZone': 'Times are in your time zone ({zone}).',
	'visits.brief': 'Scenario brief',
	'visits.briefHint':
		'Write it in each language your shoppers read; English is required and shown when a shopper’s language is missing.',
	'visits.stateLabel': 'State',
	'visits.state.open': 'Open',
	'visits.state.in_progress': 'In progress',
	'visits.state.done': 'Done',
	'visits.state.overdue': 'Overdue',
	'visits.state.cancelled': 'Cancelled',
	'visits.filterApply': 'Show',
	'visits.empty': 'No visits match.',
	'visits.pages': 'Pages of visits',
	'visits.outsideWindow': 'Outside its window',
	'visits.flags': 'Flags',
	'visits.startedOutside': 'Started outside the window',
	'visits.submittedOutside': 'Handed in outside the window',
	'visits.audit': 'Audit',
	'visits.openAudit': 'Open the audit',
	'visits.edit': 'Change this visit',
	'visits.saveChanges': 'Save changes',
	'visits.saved': 'Saved.',
	'visits.cancel': 'Cancel this visit',
	'action.cancel': 'Cancel',
	'action.close': 'Close',
	'action.delete': 'Delete',
	'photo.caption': 'Caption',
	'photo.delete': 'Delete photo',
	'photo.deleteConfirm': 'Delete this photo?',
	'deploy.signIn.error.insecure':
		'This address is not secure (https), so this browser cannot keep audits offline. Open Shopwalk at its https address, or ask your administrator to put it behind HTTPS.',

	'home.title': 'My audits',
	'home.newAudit': 'New audit',
	'home.empty': 'No audits on this device yet. Start one with “New audit”.',
	'home.deleteAudit': 'Delete this draft audit',
	'home.deleteConfirm': 'Delete this draft and its photos?',

	'location.own': 'Own store',

	'newAudit.title': 'New audit',
	'newAudit.location': 'Where are you?',
	'newAudit.template': 'Which journey?',
	'newAudit.templateSize': '{stages} stages, {checkpoints} checkpoints',
	'newAudit.start': 'Start the visit',

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
	'photo.takeReceipt': 'Photograph the receipt',

	'score.total': 'Total',
	'score.capped': 'Capped: critical failure',
	'score.criticalFailures': 'Critical checkpoints failed',
	'score.stage': 'Stage',
	'score.percent': 'Score',
	'score.time': 'Time spent',

	'storage.title': 'Storage on this device',
	'storage.persistence.unknown': 'Checking whether this device keeps your data…',
	'storage.persistence.persisted': 'This device has promised to keep your audits and photos.',
	'storage.persistence.denied':
		'This browser may delete data when space runs low. Install Shopwalk on the home screen and sync often.',
	'storage.persistence.unsupported': 'This browser cannot promise to keep data. Sync often.',
	'storage.free': '{free} free for photos',

	'retention.photoSpace': '{size} of photos kept on this device',
	'retention.released': {
		one: '{count} photo kept in full on the server only (synced over a week ago)',
		other: '{count} photos kept in full on the server only (synced over a week ago)'
	},

	'signIn.title': 'Sign in',
	'signIn.email': 'Email',
	'signIn.password': 'Password',
	'signIn.submit': 'Sign in',
	'signIn.busy': 'Signing in…',
	'signIn.expired':
		'Your session has ended. Sign in again to send your audits — nothing on this device is lost.',
	'signIn.offline':
		'You are offline. Signing in needs a connection the first time; afterwards Shopwalk works without one.',
	'assignments.title': 'My visits',
	'assignments.start': 'Start visit',
	'assignments.continue': 'Continue',
	'assignments.templateMissing':
		'This visit’s journey has not reached the device yet. Sync when online and try again.',
	'office.audit.points': 'Points',
	'office.audit.pointsOf': '{points} of {max}',
	'office.fieldSignOut.busy': 'Signing out…',
	'office.fieldSignOut.back': 'Back to my audits',
	'office.fieldSignOut.failed': 'Signing out failed. Try again when online.',

	'report.download': 'Report (PDF)',
	'report.offlineReason': 'Reports can be downloaded when online.',
	'report.downloading': 'Downloading the report…',
	'report.pending': 'Report is being prepared. Try again in a minute.',
	'report.missing': 'There is no report to download for this audit yet. Try again later.',
	'report.unknown': 'The server has no such audit for the signed-in account.',
	'report.offline': 'No connection. Try again when online.',
	'report.signedOut': 'Your session has ended. Sign in again to download the report.',
	'report.failed': 'The report could not be downloaded. Try again later.',
	'review.returnedTitle': 'Returned by the reviewer',
	'review.returnedHint':
		'Change what the reviewer asked for, then mark the audit ready to submit again.',
	'review.addressedTitle': 'Reviewer comments, answered in your resubmission',
	'review.approvedTitle': 'Approved by the reviewer',
	'review.overall': 'Overall comment',
	'review.commented': 'Checkpoints with comments',
	'review.unsentChanges':
		'The office already had this audit before your last changes. They are kept on this tablet and go with it if it is returned.'
} satisfies Record<string, Message>;

export type MoreMessageKey = keyof typeof moreEn;
export type MoreMessages = { [K in MoreMessageKey]: Message };
