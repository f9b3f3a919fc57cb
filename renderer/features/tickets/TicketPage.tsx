import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Image, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { printDocuments } from '../../../shared/ticket-schemas';
import { CustodyPanel } from '../goods/CustodyPanel';
import { LabourSection } from '../repair/LabourSection';
import { NotifyPanel } from '../repair/NotifyPanel';
import { PartsSection } from '../repair/PartsSection';
import { Timeline } from '../repair/Timeline';
import { useRepairCard } from '../repair/useRepairCard';
import { WorkflowPanel } from '../repair/WorkflowPanel';
import { yuan } from '../../app/money';
import { call } from '../../api';
import { useCatalogue } from '../../app/useCatalogue';
import { useErrorText } from '../../app/useErrorText';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';
import { usePrintTicket } from '../../print/usePrintTicket';
import { PaymentsSection } from './PaymentsSection';

type Document = (typeof printDocuments)[number];

/** Earlier tickets of the same device (by serial): what was done to it before. */
function DeviceHistory({ serial, current }: { serial: string | null; current: string }) {
  const { t } = useTranslation();
  const rows = useRemote(
    'tickets.search',
    serial && serial.length >= 5 ? { query: serial } : null,
  ).data?.filter((row) => row.id !== current);
  if (!rows?.length) return null;
  return (
    <Descriptions style={{ marginTop: 12 }} size="small" column={1} bordered title={t('ticket.history')}>
      {rows.map((row) => (
        <Descriptions.Item key={row.id} label={<a href={`#/tickets/${row.ticketNo}`}>{row.ticketNo}</a>}>
          {row.businessDate} · {t(`statuses.${row.status}`, { defaultValue: row.status })}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Photo({ id }: { id: string }) {
  const photo = useRemote('tickets.photo', { id }).data;
  return photo ? (
    <Image
      width={96}
      height={96}
      style={{ objectFit: 'cover' }}
      src={`data:${photo.mime};base64,${photo.base64}`}
    />
  ) : (
    <Spin />
  );
}

/**
 * One ticket as staff see it (passcode included): its repair workflow (next steps, parts, labour,
 * timeline), custody trail and history, with prints that say when they are copies.
 */
export function TicketPage({ ticketNo }: { ticketNo: string }) {
  const { t } = useTranslation();
  const time = useStoreTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { category: categoryOf, nameOf, label } = useCatalogue();
  const { data: ticket, reload } = useRemote('tickets.get', { ticketNo });
  const { print, element: printTarget } = usePrintTicket();
  // A workflow act can move the device too (to a vendor and back): the trail is read again.
  const [custodyKey, setCustodyKey] = useState(0);
  const workflowChanged = useCallback(() => {
    reload();
    setCustodyKey((key) => key + 1);
  }, [reload]);
  const { card, changed, reload: reloadCard } = useRepairCard(ticket?.id ?? null, workflowChanged);
  if (!ticket) return <Spin />;
  const category = categoryOf(ticket.device.categoryId);
  const labelsOf = (items: { key: string; zh: string; en: string }[] | undefined, keys: string[]) =>
    keys
      .map((key) => {
        const item = items?.find((i) => i.key === key);
        return item ? label(item) : key;
      })
      .join('、');
  const reprint = async (documents: Document[]) => {
    // The card and the voucher carry the work as it stands now, read fresh for the paper.
    const withWork = documents.some((d) => d === 'repair_card' || d === 'service_voucher');
    const repair = withWork ? await call('repair.card', { ticket: ticket.id }) : null;
    if (repair && !repair.ok) return void message.error(errorText(repair.error));
    await print(ticket, documents, repair?.value ?? null);
    reload();
  };
  return (
    <Card data-testid="ticket-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {ticket.ticketNo} <Tag>{t(`statuses.${ticket.status}`, { defaultValue: ticket.status })}</Tag>
          {ticket.priority === 'urgent' && <Tag color="red">{t('priorities.urgent')}</Tag>}
          {ticket.reRepairOf && (
            <Tag color="orange">{t('warranty.reRepairOf', { ticketNo: ticket.reRepairOf.ticketNo })}</Tag>
          )}
        </Typography.Title>
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => void reprint(['claim_receipt'])}>
            {t('ticket.printReceipt')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void reprint(['repair_card'])}>
            {t('ticket.printCard')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void reprint(['service_voucher'])}>
            {t('workflow.buttons.printVoucher')}
          </Button>
          {ticket.accessories.length > 0 && (
            <Button icon={<PrinterOutlined />} onClick={() => void reprint(['accessory_label'])}>
              {t('ticket.printLabels')}
            </Button>
          )}
        </Space>
      </Space>
      {Object.keys(ticket.printed).length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={[
            t('ticket.printedTimes', {
              receipt: ticket.printed.claim_receipt ?? 0,
              card: ticket.printed.repair_card ?? 0,
            }),
            ticket.printed.service_voucher &&
              t('workflow.voucherPrinted', { count: ticket.printed.service_voucher }),
          ]
            .filter(Boolean)
            .join(' ')}
        />
      )}
      {card && (
        <WorkflowPanel
          card={card}
          customerName={ticket.customer.name}
          categoryId={ticket.device.categoryId}
          onChanged={changed}
        />
      )}
      {/* Money, and the way to the hand-back: a repair.move no longer collects a ticket. */}
      <PaymentsSection ticketId={ticket.id} watch={card} onChanged={reload} />
      <Descriptions bordered size="small" column={2}>
        <Descriptions.Item label={t('intake.customerName')}>{ticket.customer.name}</Descriptions.Item>
        <Descriptions.Item label={t('intake.phone')}>{ticket.customer.phones.join(' / ')}</Descriptions.Item>
        <Descriptions.Item label={t('intake.device')}>
          {nameOf(category)} {ticket.device.brand} {ticket.device.model} {ticket.device.colour}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.serial')}>{ticket.device.serial ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('intake.reportedFault')} span={2}>
          {labelsOf(category?.faultCodes, ticket.faultCodes)} {ticket.reportedFault}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.damaged')}>
          {labelsOf(
            category?.checklist,
            Object.entries(ticket.condition)
              .filter(([, s]) => s !== 'ok')
              .map(([k]) => k),
          ) || t('print.allGood')}{' '}
          {ticket.conditionNote}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.accessories')}>
          {labelsOf(category?.accessories, ticket.accessories)} {ticket.accessoriesNote}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.passcode')}>
          <Typography.Text code>{ticket.passcode || '—'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.shelfLocation')}>{ticket.shelfLocation || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('intake.serviceType')}>
          {ticket.serviceType} {t(`serviceTypes.${ticket.serviceType}`)}{' '}
          {ticket.serviceTypeReason && `(${ticket.serviceTypeReason})`}
        </Descriptions.Item>
        <Descriptions.Item label={t('warranty.entitled')}>
          {ticket.warranty.outcomes.map((o) => t(`warranty.outcomes.${o}`)).join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.estimate')}>
          {yuan(ticket.estimateFen)} · {t('intake.diagnosisFee')} {yuan(ticket.diagnosisFeeFen)} ·{' '}
          {t('intake.costLimit')} {yuan(ticket.costLimitFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.deposit')}>
          {ticket.deposits.map((d) => `${yuan(d.amountFen)} ${t(`paymentMethods.${d.method}`)}`).join('、') ||
            '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.promisedDate')}>{ticket.promisedDate}</Descriptions.Item>
        <Descriptions.Item label={t('ticket.received')}>
          {time(ticket.receivedAt)} · {ticket.receivedBy.name}
        </Descriptions.Item>
      </Descriptions>
      {ticket.photoIds.length > 0 && (
        <Space style={{ marginTop: 12 }}>
          {ticket.photoIds.map((id) => (
            <Photo key={id} id={id} />
          ))}
        </Space>
      )}
      {card && (
        <>
          <PartsSection card={card} onChanged={reloadCard} />
          <LabourSection card={card} onChanged={reloadCard} />
          <Timeline events={card.events} />
        </>
      )}
      <NotifyPanel ticketId={ticket.id} status={card?.status ?? ticket.status} />
      <CustodyPanel key={custodyKey} ticketNo={ticket.ticketNo} />
      <DeviceHistory serial={ticket.device.serial} current={ticket.id} />
      {printTarget}
    </Card>
  );
}
