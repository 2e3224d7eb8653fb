/**
 * Characters XML 1.0 does not allow (control characters but tab and newlines, U+FFFE, U+FFFF,
 * lone surrogates): Word and Excel refuse a file with one of them, and an SVG viewer a picture,
 * so one participant could break an export for everyone.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

export function xmlSafe(text: string): string {
	return text.replace(XML_INVALID, '');
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/**
 * Text for XML we write by hand (the SVG map), as element content or an attribute value: what
 * XML cannot hold is dropped and markup characters become entities, so a participant's
 * `<script>` stays text.
 */
export function xmlText(text: string): string {
	return xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
