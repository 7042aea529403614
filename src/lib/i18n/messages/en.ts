import type { Message } from '../locales';

/** The English interface text: the reference catalogue every other language must match key for key. */
export const en = {
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

	'deploy.signIn.error.badOrigin':
		'This server is set up for another address (ORIGIN). Open Shopwalk at its configured address, or ask your administrator to set ORIGIN to the address in your browser: {address}',

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

	'language.label': 'Language',
	'location.competitor': 'Competitor',

	'network.online': 'Online',
	'network.offline': 'Offline',

	'note.add': 'Add a note',
	'note.label': 'Note',
	'note.requiredLabel': 'Note (required: describe what went wrong)',

	'pending.none': 'Nothing waiting to sync',
	'pending.audits': { one: '{count} audit', other: '{count} audits' },
	'pending.photos': {
		one: '{count} photo not yet on the server',
		other: '{count} photos not yet on the server'
	},

	'photo.take': 'Take photo',
	'photo.fromGallery': 'From gallery',
	'photo.open': 'Open photo',
	'photo.processing': { one: 'Preparing {count} photo…', other: 'Preparing {count} photos…' },

	'problem.answer_missing': 'Answer missing',
	'problem.answer_invalid': 'Answer is not valid',
	'problem.photo_missing': 'Photo missing',
	'problem.note_missing': 'Note missing: explain the negative answer',
	'problem.time_out_missing': 'Time-out not recorded: tap “I have left the store”',

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
	'storage.notPersisted':
		'Storage is not guaranteed on this device: install Shopwalk on the home screen.',
	'signIn.error.credentials': 'That email and password do not match.',
	'signIn.error.throttled': 'Too many attempts. Wait a few minutes and try again.',
	'signIn.error.offline': 'No connection to the server. Try again when you are online.',
	'signIn.error.server': 'The server could not sign you in. Try again shortly.',
	'signOut.action': 'Sign out',
	'sync.syncing': 'Syncing…',
	'sync.sendingPhotos': 'Sending photos {done}/{total}…',
	'sync.waiting': 'No connection — next try at {time}',
	'sync.now': 'Sync now',
	'sync.signInAgain': 'Sign in again to sync',
	'sync.error': 'An audit could not be sent',
	'office.nav': 'Office',
	'office.loadFailed': 'The audits could not be loaded. Check the connection and try again.',
	'office.signedInAs': 'Signed in as {name}',
	'office.forbidden.title': 'The office is for reviewers and report readers',
	'office.forbidden.body':
		'You are signed in as a shopper. Your visits and audits are in the shopper’s app.',
	'office.forbidden.back': 'Go to my audits',
	'office.error.notFound': 'This audit does not exist, or it is not yours to see.',
	'office.error.title': 'Something went wrong',
	'office.error.unexpected': 'The office could not show this page. Try again in a moment.',
	'office.error.back': 'Back to the inbox',
	'office.offline': 'The office needs a connection. Your audits on this device are safe.',
	'office.audit.percent': 'Percent',
	'office.audit.timeSpent': 'Time spent',
	'report.downloadFor': 'Download the PDF report of the audit at {location}',

	'review.returned': { one: 'Returned — {count} comment', other: 'Returned — {count} comments' },
	'review.approved': 'Approved',
	'review.reviewer': 'Reviewer:',
	'review.stageComments': {
		one: '{count} checkpoint with a reviewer comment',
		other: '{count} checkpoints with reviewer comments'
	},

	'field.signOut.refused':
		'You cannot sign out yet: {audits} and {photos} are not on the server. Submit and sync them first, so nothing is lost.',
	'field.count.photos': { one: '{count} photo', other: '{count} photos' },
	'field.error.pageNotFound': 'There is no page at this address.',
	'field.sync.retrying': 'Not sent yet — next try at {time}',
	'field.reopen.alreadySent':
		'This audit is already on the server, so it cannot be reopened here. The reviewer can return it to you for changes.',

	'update.available': 'A new version of Shopwalk is ready.',
	'update.apply': 'Update now',
	'update.later': 'Later',
	'preview.photoAlt': 'Photo {n}',
	'export.pull.applyFailed':
		'New visits and journeys could not be saved on this device, so it still shows what it had. Make room on the device or reload, then sync again.',
	'export.pull.retry': 'Try again',
	'insights.filters': 'Filters',
	'insights.col.audits': 'Audits',
	'insights.series.ownStores': 'Own stores'
} satisfies Record<string, Message>;

/** A catalogue: every English key, each a string or a plural message (see `PluralMessage`). */
export type Messages = { [K in keyof typeof en]: Message };
export type MessageKey = keyof typeof en;
