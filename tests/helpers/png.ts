/** Width and height from a PNG's header chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// the first chunk is IHDR: length (4), type (4), then width and height, big-endian
	if (new TextDecoder().decode(bytes.subarray(12, 16)) !== 'IHDR') return null;
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
