import QRCode from 'qrcode';

/** A QR code drawn from the library's module matrix as SVG rectangles (no HTML injection needed). */
export function QrCode({ value, size = 96 }: { value: string; size?: number }) {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const count = modules.size + quiet * 2;
  const cells: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) cells.push(`M${col + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${count} ${count}`}
      shapeRendering="crispEdges"
      data-qr={value}
    >
      <rect width={count} height={count} fill="#fff" />
      <path d={cells.join('')} fill="#000" />
    </svg>
  );
}
