import { Button, Checkbox, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GoodsTable } from './GoodsTable';
import { MoveDeviceModal } from './MoveDeviceModal';
import { useGoodsList } from './useGoodsList';
import { useLocationName } from './useLocationName';

/** What is on the premises, by location, with ages; idle devices and those due for notice on demand. */
export function OnPremisesTab() {
  const { t } = useTranslation();
  const locationName = useLocationName();
  const [location, setLocation] = useState<string | undefined>();
  const [idleOnly, setIdleOnly] = useState(false);
  const [pastStorageOnly, setPastStorageOnly] = useState(false);
  const { list, more, reload } = useGoodsList('goods.onPremises', { location, idleOnly, pastStorageOnly });
  const [moving, setMoving] = useState(false);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setMoving(true)}>
          {t('goods.move')}
        </Button>
        <Select
          allowClear
          showSearch
          style={{ minWidth: 220 }}
          placeholder={t('goods.allLocations', { n: list?.total ?? 0 })}
          aria-label={t('goods.location')}
          value={location}
          onChange={setLocation}
          options={list?.byLocation.map((row) => ({
            value: row.location,
            label: `${locationName(row.location)} (${row.count})`,
          }))}
        />
        <Checkbox checked={idleOnly} onChange={(e) => setIdleOnly(e.target.checked)}>
          {t('goods.onlyIdle')}
        </Checkbox>
        <Checkbox checked={pastStorageOnly} onChange={(e) => setPastStorageOnly(e.target.checked)}>
          {t('goods.onlyPastStorage')}
        </Checkbox>
        {list && <Typography.Text type="secondary">{t('goods.count', { n: list.total })}</Typography.Text>}
      </Space>
      <GoodsTable rows={list?.rows ?? null} />
      {list?.next && (
        <Button style={{ marginTop: 12 }} onClick={() => void more()}>
          {t('goods.more')}
        </Button>
      )}
      <MoveDeviceModal
        open={moving}
        onClose={() => setMoving(false)}
        onMoved={() => {
          setMoving(false);
          reload();
        }}
      />
    </>
  );
}
