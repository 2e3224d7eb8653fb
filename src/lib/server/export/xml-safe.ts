/**
 * Characters XML 1.0 does not allow (control characters but tab and newlines, U+FFFE, U+FFFF,
 * lone surrogates): Word and Excel refuse a file with one of them, so one participant could
 * break the download for everyone.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

export function xmlSafe(text: string): string {
	return text.replace(XML_INVALID, '');
}
