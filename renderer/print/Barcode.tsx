import JsBarcode from 'jsbarcode';
import { useLayoutEffect, useRef } from 'react';

/**
 * Code 128 as SVG. Bars of at least 2 px at 203 dpi thermal resolution scan reliably, so the module
 * width is kept at 2 and the quiet zone at 10 modules.
 */
export function Barcode({
  value,
  height = 48,
  className,
}: {
  value: string;
  height?: number;
  className?: string;
}) {
  const ref = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => {
    if (ref.current) {
      JsBarcode(ref.current, value, { format: 'CODE128', width: 2, height, margin: 10, displayValue: false });
    }
  }, [value, height]);
  return <svg ref={ref} className={className} data-barcode={value} />;
}
