import QRCode from 'qrcode';

/** An SVG QR code for a join link; dark on white with a quiet zone, readable from a projector. */
export function qrSvg(url: string): Promise<string> {
	return QRCode.toString(url, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2,
		color: { dark: '#000000', light: '#ffffff' }
	});
}
