import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../shared/contract';
import { everydayKinds, movementRules } from '../../../shared/custody';
import { call } from '../../api';
import { useErrorText } from '../../app/useErrorText';
import { showFieldErrors } from '../../components/formErrors';
import { useLocationName } from './useLocationName';

type Values = Omit<InputOf<'goods.move'>, 'expectedBack'> & { expectedBack?: Dayjs };

/**
 * Records a movement of a device: scan or type its ticket number, pick the movement, and fill in
 * what that movement needs (shelf, vendor and RMA number, other store). The core checks the device
 * is where the movement starts.
 */
export function MoveDeviceModal({
  open,
  ticket,
  onClose,
  onMoved,
}: {
  open: boolean;
  /** The ticket, when moving from its page. */
  ticket?: string;
  onClose: () => void;
  onMoved: (state: OutputOf<'goods.move'>) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const locationName = useLocationName();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const needs = kind ? movementRules[kind].needs : [];

  const save = async () => {
    const values = await form.validateFields();
    const result = await call('goods.move', {
      ...values,
      expectedBack: values.expectedBack?.format('YYYY-MM-DD'),
    });
    if (!result.ok) {
      const place = result.error.details?.place;
      if (result.error.code === 'wrong_place' && typeof place === 'string') {
        message.error(
          t('goods.wrongPlace', {
            place: t(`goods.places.${place}`).toLowerCase(),
            kind: t(`goods.kinds.${values.kind}`),
          }),
        );
      } else if (!showFieldErrors(form, result.error, t)) message.error(errorText(result.error));
      return;
    }
    const state = result.value;
    message.success(
      t('goods.moved', {
        ticketNo: state.ticketNo,
        kind: t(`goods.kinds.${state.kind}`),
        location: locationName(state.location),
      }),
    );
    form.resetFields();
    onMoved(state);
  };

  return (
    <Modal
      open={open}
      title={t('goods.moveTitle')}
      okText={t('goods.save')}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ ticket, kind: 'to_shelf' }}
        onFinish={save}
      >
        <Form.Item
          name="ticket"
          label={t('goods.ticket')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input autoFocus={!ticket} disabled={Boolean(ticket)} />
        </Form.Item>
        <Form.Item name="kind" label={t('goods.kind')} rules={[{ required: true }]}>
          <Select options={everydayKinds.map((k) => ({ value: k, label: t(`goods.kinds.${k}`) }))} />
        </Form.Item>
        {needs.includes('shelf') && (
          <Form.Item
            name="location"
            label={t('goods.shelf')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input autoFocus={Boolean(ticket)} maxLength={40} />
          </Form.Item>
        )}
        {needs.includes('vendor') && (
          <>
            <Form.Item
              name="vendor"
              label={t('goods.vendor')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item
              name="rmaNo"
              label={t('goods.rmaNo')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="expectedBack" label={t('goods.expectedBack')}>
              <DatePicker />
            </Form.Item>
          </>
        )}
        {needs.includes('store') && (
          <Form.Item
            name="otherStore"
            label={t('goods.otherStore')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('goods.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
