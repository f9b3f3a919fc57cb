import { CameraOutlined, DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Image, Modal, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Photo = { mime: 'image/jpeg'; base64: string };

const maxSide = 1280;

/** Scales an image down to at most 1280 px and re-encodes it as JPEG: photos stay small. */
async function toJpeg(source: CanvasImageSource & { width: number; height: number }): Promise<Photo> {
  const scale = Math.min(1, maxSide / Math.max(source.width, source.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(source.width * scale);
  canvas.height = Math.round(source.height * scale);
  canvas.getContext('2d')?.drawImage(source, 0, 0, canvas.width, canvas.height);
  const dataUrl = canvas.toDataURL('image/jpeg', 0.8);
  return { mime: 'image/jpeg', base64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

/** Photos of the device's condition, from files or the webcam (at most 6). */
export function PhotoPicker({
  value = [],
  onChange,
}: {
  value?: Photo[];
  onChange?: (photos: Photo[]) => void;
}) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState<MediaStream | null>(null);
  const [cameraError, setCameraError] = useState(false);
  const add = (photos: Photo[]) => onChange?.([...value, ...photos].slice(0, 6));

  const fromFiles = async (files: FileList | null) => {
    const photos = await Promise.all(
      [...(files ?? [])].map(async (file) => toJpeg(await createImageBitmap(file))),
    );
    add(photos);
  };

  const openCamera = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      setCamera(stream);
      setCameraError(false);
    } catch {
      setCameraError(true);
    }
  };
  const closeCamera = () => {
    camera?.getTracks().forEach((track) => track.stop());
    setCamera(null);
  };
  const capture = async () => {
    const element = video.current;
    if (element)
      add([await toJpeg(Object.assign(element, { width: element.videoWidth, height: element.videoHeight }))]);
    closeCamera();
  };

  return (
    <Space orientation="vertical">
      <Space wrap>
        {value.map((photo, i) => (
          <Space key={i} orientation="vertical" size={0}>
            <Image
              width={72}
              height={72}
              style={{ objectFit: 'cover' }}
              src={`data:${photo.mime};base64,${photo.base64}`}
            />
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              aria-label={t('intake.removePhoto')}
              onClick={() => onChange?.(value.filter((_, j) => j !== i))}
            />
          </Space>
        ))}
      </Space>
      <Space>
        <Button
          icon={<UploadOutlined />}
          onClick={() => fileInput.current?.click()}
          disabled={value.length >= 6}
        >
          {t('intake.photoFiles')}
        </Button>
        <Button icon={<CameraOutlined />} onClick={openCamera} disabled={value.length >= 6}>
          {t('intake.photoCamera')}
        </Button>
        {cameraError && <span>{t('intake.noCamera')}</span>}
      </Space>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple
        style={{ display: 'none' }}
        onChange={(e) => void fromFiles(e.target.files)}
      />
      <Modal
        open={camera !== null}
        title={t('intake.photoCamera')}
        okText={t('intake.capture')}
        onOk={capture}
        onCancel={closeCamera}
        destroyOnHidden
      >
        <video
          ref={(element) => {
            video.current = element;
            if (element && camera && element.srcObject !== camera) {
              element.srcObject = camera;
              void element.play();
            }
          }}
          style={{ width: '100%' }}
          muted
        />
      </Modal>
    </Space>
  );
}
