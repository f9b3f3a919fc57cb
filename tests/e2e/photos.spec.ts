import { PNG } from 'pngjs';
import config from '../../playwright.config';
import { adminPin, expect, seedStore, shot, test } from './fixtures';
import { signInByKeyboard, takeInPhone, zh } from './intake-steps';

// Chromium's own fake camera (a moving test pattern), allowed without a prompt: the webcam path
// runs as it would with a real one.
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [
      ...(config.use?.launchOptions?.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  },
});

/** A 400x300 PNG of one colour, as a photo file the clerk picks. */
function photoFile(): { name: string; mimeType: string; buffer: Buffer } {
  const png = new PNG({ width: 400, height: 300 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([200, 60, 40, 255], i);
  return { name: 'scratch.png', mimeType: 'image/png', buffer: PNG.sync.write(png) };
}

test('a clerk attaches a photo from a file and one from the webcam; both are kept with the ticket', async ({
  page,
  app,
}) => {
  const { adminId } = await seedStore(app);
  await page.goto(app.url);
  await signInByKeyboard(page, '王主管', adminPin);
  await takeInPhone(page, zh, { phone: '13600136000', name: '赵敏', serial: '356789012345678' }, async () => {
    await page.locator('input[type=file]').setInputFiles(photoFile());
    await page.getByRole('button', { name: '拍照' }).click();
    const camera = page.getByRole('dialog', { name: '拍照' });
    await expect(camera.locator('video')).toHaveJSProperty('readyState', 4);
    await camera
      .getByRole('button', { name: '拍 摄' })
      .or(camera.getByRole('button', { name: '拍摄' }))
      .click();
    await expect(camera).toBeHidden();
    await expect(page.getByRole('button', { name: '删除照片' })).toHaveCount(2);
    await shot(page, 'intake-photos-zh-CN');
  });

  const photos = page.getByTestId('ticket-page').locator('.ant-image-img');
  await expect(photos).toHaveCount(2);
  const { token } = await app.rpc<{ token: string }>('auth.signIn', { staffId: adminId, pin: adminPin });
  const ticketNo = (
    await page.getByTestId('ticket-page').getByRole('heading', { level: 3 }).textContent()
  )?.match(/[A-Z0-9]+-\d{6}-\d{4}/)?.[0];
  const ticket = await app.rpc<{ photoIds: string[] }>('tickets.get', { ticketNo }, token);
  expect(ticket.photoIds).toHaveLength(2);
  for (const id of ticket.photoIds) {
    const photo = await app.rpc<{ mime: string; base64: string }>('tickets.photo', { id }, token);
    expect(photo.mime).toBe('image/jpeg');
    expect(Buffer.from(photo.base64, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8])); // a JPEG
  }
});
