import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/contract';
import { pickupStatuses, workStatuses } from '../../../shared/ticket-status';

type Counts = OutputOf<'repair.board'>;

/** The views a tile opens; `status` alone is every open ticket. */
export type Selection = { view: 'status' | 'overdue' | 'stalled' | 'unassigned'; status?: string };

/** Where a selection lives in the address: `#/board/in_repair`, `#/board/overdue`, `#/board/status`. */
const addressOf = (selection: Selection): string => selection.status ?? selection.view;

type Tile = { key: string; label: string; n: number; selection: Selection; danger?: boolean };

/**
 * The counts across the top, one button per status and per watch list: a click (or Enter) opens that
 * view's rows. Empty statuses stay, greyed, so the tiles do not jump about as work moves.
 */
export function CountTiles({ counts, selected }: { counts: Counts | null; selected: Selection }) {
  const { t } = useTranslation();
  const n = (status: string) => counts?.counts[status] ?? 0;
  const openWork = workStatuses.reduce((sum, status) => sum + n(status), 0);
  const openPickup = pickupStatuses.reduce((sum, status) => sum + n(status), 0);
  const groups: { key: string; label: string; tiles: Tile[] }[] = [
    {
      key: 'work',
      label: t('board.groups.work'),
      tiles: [
        { key: 'status', label: t('board.all'), n: openWork + openPickup, selection: { view: 'status' } },
        ...workStatuses.map((status) => ({
          key: status,
          label: t(`statuses.${status}`),
          n: n(status),
          selection: { view: 'status' as const, status },
        })),
      ],
    },
    {
      key: 'pickup',
      label: t('board.groups.pickup'),
      tiles: pickupStatuses.map((status) => ({
        key: status,
        label: t(`statuses.${status}`),
        n: n(status),
        selection: { view: 'status' as const, status },
      })),
    },
    {
      key: 'watch',
      label: t('board.groups.watch'),
      tiles: (['overdue', 'stalled', 'unassigned'] as const).map((view) => ({
        key: view,
        label: t(`board.${view}`),
        n: counts?.[view] ?? 0,
        selection: { view },
        danger: view !== 'unassigned',
      })),
    },
  ];
  const current = addressOf(selected);
  return (
    <Flex wrap gap="small" align="center" data-testid="board-counts" style={{ marginBottom: 12 }}>
      {groups.map((group) => (
        <Flex key={group.key} wrap gap={4} align="center" role="group" aria-label={group.label}>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 2 }}>
            {group.label}
          </Typography.Text>
          {group.tiles.map((tile) => {
            const active = tile.key === current;
            return (
              <Button
                key={tile.key}
                size="small"
                type={active ? 'primary' : 'default'}
                danger={tile.danger && tile.n > 0}
                aria-pressed={active}
                style={tile.n === 0 && !active ? { color: 'rgba(0,0,0,0.35)' } : undefined}
                onClick={() => (window.location.hash = `#/board/${addressOf(tile.selection)}`)}
              >
                {tile.label} <strong>{tile.n}</strong>
              </Button>
            );
          })}
        </Flex>
      ))}
    </Flex>
  );
}
