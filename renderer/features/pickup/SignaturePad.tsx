import { ClearOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePadLib from 'signature_pad';

const width = 480;
const height = 160;

/** The base64 part of a `data:image/png;base64,...` URL: what pickup.save stores. */
const base64Of = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1);

/**
 * The customer signs here (mouse, pen or finger). Every finished stroke hands the signature up as a
 * PNG's base64; Clear hands up null. The canvas is drawn at the screen's pixel ratio (capped at 2,
 * which keeps the PNG well under the core's size limit) so the strokes are not blurred.
 */
export function SignaturePad({ onChange }: { onChange: (base64: string | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePadLib | null>(null);
  // The latest callback, read when a stroke ends, so the pad is not rebuilt on every render.
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const ratio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
    element.width = width * ratio;
    element.height = height * ratio;
    element.getContext('2d')?.scale(ratio, ratio);
    // White, not transparent: the PNG reads the same on screen, on paper and in any viewer.
    const instance = new SignaturePadLib(element, { backgroundColor: 'rgb(255,255,255)', penColor: '#000' });
    instance.clear();
    const onEnd = () =>
      changed.current(instance.isEmpty() ? null : base64Of(instance.toDataURL('image/png')));
    instance.addEventListener('endStroke', onEnd);
    pad.current = instance;
    return () => {
      instance.removeEventListener('endStroke', onEnd);
      instance.off();
      pad.current = null;
    };
  }, []);

  const clear = () => {
    pad.current?.clear();
    changed.current(null);
  };

  return (
    <Space orientation="vertical" size={4}>
      <Typography.Text type="secondary">{t('pickup.signature.hint')}</Typography.Text>
      <canvas
        ref={canvas}
        data-testid="signature-canvas"
        aria-label={t('pickup.signature.label')}
        style={{
          width,
          height,
          border: '1px dashed #8c8c8c',
          borderRadius: 6,
          background: '#fff',
          touchAction: 'none', // a finger draws instead of scrolling the page
          cursor: 'crosshair',
        }}
      />
      <Button size="small" icon={<ClearOutlined />} onClick={clear} data-testid="signature-clear">
        {t('pickup.signature.clear')}
      </Button>
    </Space>
  );
}
