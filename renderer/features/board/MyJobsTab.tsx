import { Button, Input, List, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { call } from '../../api';
import { useScanClaim } from '../../app/scanClaims';
import { useErrorText } from '../../app/useErrorText';
import { BoardTable } from './BoardTable';
import { useLiveRemote } from './useLiveRemote';

type Line = { key: number; text: string; tone: 'success' | 'warning' | 'danger' };

/**
 * My jobs: the signed-in technician's open work and, below, the unassigned jobs they can take. A
 * scanned repair card claims its job here (not "open the ticket"), as does the Claim button.
 */
export function MyJobsTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { data, loading, reload } = useLiveRemote('repair.myJobs', {});
  const [typed, setTyped] = useState('');
  const [lines, setLines] = useState<Line[]>([]);

  const refusal = useCallback(
    (code: string, error: AppError): Omit<Line, 'key'> => {
      const ticketNo = code.toUpperCase();
      if (error.code === 'conflict' && error.details?.reason === 'assigned') {
        const name = typeof error.details.assignedTo === 'string' ? error.details.assignedTo : '?';
        return { text: t('board.heldBy', { ticketNo, name }), tone: 'warning' };
      }
      if (error.code === 'invalid_transition')
        return { text: t('board.notOpen', { ticketNo }), tone: 'warning' };
      if (error.code === 'unknown_code') return { text: t('board.unknownCode', { code }), tone: 'danger' };
      if (error.code === 'not_found') return { text: t('board.notFound', { code }), tone: 'danger' };
      return { text: `${code}: ${errorText(error)}`, tone: 'danger' };
    },
    [t, errorText],
  );

  const claim = useCallback(
    async (code: string) => {
      const result = await call('repair.claim', { ticket: code });
      const line = !result.ok
        ? refusal(code, result.error)
        : result.value.already
          ? { text: t('board.alreadyYours', { ticketNo: result.value.ticketNo }), tone: 'success' as const }
          : { text: t('board.claimed', { ticketNo: result.value.ticketNo }), tone: 'success' as const };
      setLines((previous) => [{ ...line, key: Date.now() + Math.random() }, ...previous].slice(0, 20));
      if (result.ok) reload();
    },
    [refusal, reload, t],
  );
  useScanClaim(useMemo(() => (code: string) => void claim(code), [claim]));

  const mine = data?.mine ?? [];
  const unassigned = data?.unassigned ?? [];
  return (
    <>
      <Input.Search
        autoFocus
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onSearch={(code) => {
          if (code.trim()) void claim(code.trim());
          setTyped('');
        }}
        enterButton={t('board.claim')}
        placeholder={t('board.claimScan')}
        aria-label={t('board.claimScan')}
        style={{ maxWidth: 520, marginBottom: 8 }}
      />
      {lines.length > 0 && (
        <List
          size="small"
          data-testid="claim-results"
          dataSource={lines.slice(0, 5)}
          style={{ marginBottom: 12 }}
          renderItem={(line) => (
            <List.Item style={{ paddingBlock: 2 }}>
              <Typography.Text type={line.tone}>{line.text}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5}>{t('board.mine', { n: mine.length })}</Typography.Title>
      <BoardTable testId="my-jobs" rows={mine} loading={data === null || loading} technician={false} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('board.canTake', { n: unassigned.length })}
      </Typography.Title>
      <BoardTable
        testId="jobs-to-take"
        rows={unassigned}
        loading={data === null || loading}
        technician={false}
        action={(row) => (
          <Button
            size="small"
            aria-label={t('board.claimOf', { ticketNo: row.ticketNo })}
            onClick={() => void claim(row.ticketNo)}
          >
            {t('board.claim')}
          </Button>
        )}
      />
    </>
  );
}
