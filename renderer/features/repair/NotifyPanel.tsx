import {
  App,
  Button,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { manualChannels, manualResults, type Notification } from '../../../shared/contract-notify';
import type { AppError } from '../../../shared/result';
import { languages, type Language } from '../../../shared/roles';
import { call } from '../../api';
import { useErrorText } from '../../app/useErrorText';
import { useRemote } from '../../app/useRemote';
import { useStoreTime } from '../../app/useStoreTime';

/** While a webhook message is queued, the log asks again this often to show when it went out. */
const pollEveryMs = 4_000;

const resultColours: Record<Notification['result'], string> = {
  reached: 'green',
  no_answer: 'orange',
  left_message: 'blue',
  queued: 'processing',
  sent: 'success',
  failed: 'error',
};

type ManualChannel = (typeof manualChannels)[number];
type ManualResult = (typeof manualResults)[number];

/**
 * Telling the customer about a ticket: the message for its current status (zh-CN or en, editable),
 * recording a call, SMS, WeChat or visit with its result, sending through the store's gateway when
 * one is set up, and every attempt so far. Pass the ticket's `status` so a move re-reads the message.
 */
export function NotifyPanel({ ticketId, status }: { ticketId: string; status?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const time = useStoreTime();
  const [language, setLanguage] = useState<Language | null>(null);
  const preview = useRemote(
    'notify.preview',
    language ? { ticket: ticketId, language } : { ticket: ticketId },
  );
  const log = useRemote('notify.list', { ticket: ticketId });
  /** What the clerk typed over the message, kept only while the message it was typed over is shown. */
  const [draft, setDraft] = useState<{ over: string; text: string } | null>(null);
  const [channel, setChannel] = useState<ManualChannel>('phone');
  const [result, setResult] = useState<ManualResult>('reached');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = preview.data;
  const text = shown && draft?.over === shown.body ? draft.text : (shown?.body ?? '');
  const setText = (value: string) => shown && setDraft({ over: shown.body, text: value });

  // A move on the ticket page changes the status: the message follows it (not on the first render).
  const reloadPreview = preview.reload;
  const seenStatus = useRef(status);
  useEffect(() => {
    if (seenStatus.current === status) return;
    seenStatus.current = status;
    reloadPreview();
  }, [status, reloadPreview]);

  const reloadLog = log.reload;
  const waiting = log.data?.some((row) => row.result === 'queued') ?? false;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(reloadLog, pollEveryMs);
    return () => window.clearInterval(timer);
  }, [waiting, reloadLog]);

  const failed = (error: AppError) =>
    void message.error(error.fields?.ticket === 'no_phone' ? t('notify.noPhone') : errorText(error));

  const act = async (run: () => ReturnType<typeof call<'notify.record'>>, done: string) => {
    setBusy(true);
    const answer = await run();
    setBusy(false);
    if (!answer.ok) return failed(answer.error);
    void message.success(done);
    reloadLog();
  };

  const record = () =>
    act(async () => {
      const answer = await call('notify.record', {
        ticket: ticketId,
        channel,
        result,
        language: shown?.language,
        body: text,
        note,
      });
      if (answer.ok) setNote('');
      return answer;
    }, t('notify.recorded'));

  // One id per message: a second click or a retry after a lost answer queues it once.
  const sendRequest = useRef(crypto.randomUUID());
  const send = () =>
    act(async () => {
      const answer = await call('notify.send', {
        requestId: sendRequest.current,
        ticket: ticketId,
        language: shown?.language,
        body: text,
      });
      if (answer.ok) sendRequest.current = crypto.randomUUID();
      return answer;
    }, t('notify.queued'));

  const retry = (id: string) => act(() => call('notify.retry', { id }), t('notify.retried'));

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t('notify.copied'));
    } catch {
      void message.error(t('notify.copyFailed'));
    }
  };

  const columns: TableColumnsType<Notification> = [
    { title: t('notify.at'), dataIndex: 'at', width: 128, render: (at: number) => time(at) },
    {
      title: t('notify.channel'),
      dataIndex: 'channel',
      width: 72,
      render: (value: Notification['channel']) => t(`notify.channels.${value}`),
    },
    {
      title: t('notify.result'),
      key: 'result',
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          <Tag color={resultColours[row.result]} style={{ marginInlineEnd: 0 }}>
            {t(`notify.results.${row.result}`)}
          </Tag>
          {row.channel === 'webhook' && (row.attempts > 1 || (row.attempts > 0 && row.result !== 'sent')) && (
            <Typography.Text type="secondary">{t('notify.attempts', { n: row.attempts })}</Typography.Text>
          )}
          {row.lastError && (
            <Typography.Text type={row.result === 'failed' ? 'danger' : 'warning'}>
              {row.lastError}
            </Typography.Text>
          )}
          {row.result === 'queued' && row.attempts > 0 && row.nextAttemptAt && (
            <Typography.Text type="secondary">
              {t('notify.nextTry', { time: time(row.nextAttemptAt) })}
            </Typography.Text>
          )}
          {row.result === 'failed' && shown?.webhook && (
            <Button size="small" onClick={() => void retry(row.id)} disabled={busy}>
              {t('notify.retry')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      title: t('notify.staff'),
      key: 'staff',
      width: 88,
      ellipsis: true,
      render: (_: unknown, row) => row.staff.name,
    },
    {
      title: t('notify.message'),
      key: 'body',
      ellipsis: { showTitle: true },
      render: (_: unknown, row) => [row.note, row.body].filter(Boolean).join(' · '),
    },
  ];

  return (
    <div data-testid="notify" style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('notify.title')}
        </Typography.Title>
        {shown && <Tag>{t('notify.about', { status: t(`statuses.${shown.status}`) })}</Tag>}
        <Segmented<Language>
          size="small"
          aria-label={t('notify.messageLanguage')}
          value={language ?? shown?.language ?? 'zh-CN'}
          onChange={setLanguage}
          options={languages.map((value) => ({ value, label: t(`languages.${value}`) }))}
        />
        {shown && (
          <Typography.Text type={shown.recipient ? undefined : 'warning'}>
            {shown.recipient ? t('notify.recipient', { phone: shown.recipient }) : t('notify.noPhone')}
          </Typography.Text>
        )}
      </Space>
      <Input.TextArea
        aria-label={t('notify.message')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={1000}
        showCount
        autoSize={{ minRows: 2, maxRows: 6 }}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => void copy()} disabled={!text}>
          {t('notify.copy')}
        </Button>
        <Button size="small" onClick={() => setDraft(null)} disabled={!shown || text === shown.body}>
          {t('notify.reload')}
        </Button>
        <Space.Compact size="small">
          <Select<ManualChannel>
            aria-label={t('notify.channel')}
            value={channel}
            onChange={setChannel}
            style={{ width: 88 }}
            options={manualChannels.map((value) => ({ value, label: t(`notify.channels.${value}`) }))}
          />
          <Select<ManualResult>
            aria-label={t('notify.result')}
            value={result}
            onChange={setResult}
            style={{ width: 112 }}
            options={manualResults.map((value) => ({ value, label: t(`notify.results.${value}`) }))}
          />
          <Input
            aria-label={t('notify.note')}
            placeholder={t('notify.notePlaceholder')}
            value={note}
            maxLength={200}
            onChange={(event) => setNote(event.target.value)}
            onPressEnter={() => void record()}
            style={{ width: 220 }}
          />
          <Button type="primary" onClick={() => void record()} loading={busy}>
            {t('notify.record')}
          </Button>
        </Space.Compact>
        {shown?.webhook ? (
          <Button
            size="small"
            title={t('notify.sendHint')}
            onClick={() => void send()}
            disabled={busy || !shown.recipient}
          >
            {t('notify.send')}
          </Button>
        ) : (
          shown && <Typography.Text type="secondary">{t('notify.noWebhook')}</Typography.Text>
        )}
      </Space>
      <Table<Notification>
        style={{ marginTop: 8 }}
        size="small"
        rowKey="id"
        pagination={false}
        loading={!log.data}
        dataSource={log.data ?? []}
        columns={columns}
        locale={{ emptyText: t('notify.empty') }}
        aria-label={t('notify.log')}
        scroll={{ y: 240 }}
      />
    </div>
  );
}
