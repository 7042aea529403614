/**
 * Hands a file to the browser as a download (a temporary object URL on an `<a download>`). The
 * URL is revoked a minute later, long after the browser has started saving it.
 */
export function saveFile(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.append(link);
	try {
		link.click();
	} finally {
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
	}
}
