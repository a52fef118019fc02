import { useEffect, useRef, useState } from 'react';
import { Button, Space, Typography } from 'antd';
import type { Meta } from '../../../api/meta';
import type { AvailableAction, RequestDetail } from '../api';
import { staffStrings as s } from '../strings';
import { ActionModal } from './action-modal';

// Buttons that end or push back a case look different from the ordinary steps.
const DANGER = new Set(['return', 'reject_extension']);
const PRIMARY = new Set(['dispatch', 'sign', 'reply', 'answer_directly', 'follow_up', 'approve_extension']);
// Merging picks its parent from the suggested duplicates, not from a form.
const ELSEWHERE = new Set(['merge']);

/** An action to open with some fields filled, from elsewhere on the page (直接答复 with a knowledge entry). */
export interface ActionPreset {
  action: string;
  values: Record<string, unknown>;
  seq: number;
}

interface ActionBarProps {
  detail: RequestDetail;
  meta: Meta | null;
  onDone: () => void;
  preset?: ActionPreset | null;
}

/** One button per action the server says this person may take now. */
export function ActionBar({ detail, meta, onDone, preset = null }: ActionBarProps) {
  const [current, setCurrent] = useState<{ action: AvailableAction; seq: number; preset?: Record<string, unknown> } | null>(null);
  const [seq, setSeq] = useState(0);
  // Each preset opens its form once, not again when the page reloads after another action.
  const opened = useRef(0);
  useEffect(() => {
    const action = preset && preset.seq !== opened.current ? detail.availableActions.find((a) => a.action === preset.action) : undefined;
    if (!action || !preset) return;
    opened.current = preset.seq;
    setCurrent({ action, seq: -preset.seq, preset: preset.values });
  }, [preset, detail.availableActions]);
  const actions = detail.availableActions.filter((a) => !ELSEWHERE.has(a.action));
  if (!actions.length) {
    return <Typography.Text type="secondary">{s.detail.noActions}</Typography.Text>;
  }
  return (
    <>
      <Space wrap data-testid="action-bar">
        {actions.map((a) => (
          <Button
            key={a.action}
            type={PRIMARY.has(a.action) ? 'primary' : 'default'}
            danger={DANGER.has(a.action)}
            onClick={() => {
              setSeq(seq + 1);
              setCurrent({ action: a, seq: seq + 1 });
            }}
            data-testid={`action-${a.action}`}
          >
            {a.label}
          </Button>
        ))}
      </Space>
      <ActionModal
        detail={detail}
        open={current}
        meta={meta}
        onClose={() => setCurrent(null)}
        onDone={() => {
          setCurrent(null);
          onDone();
        }}
      />
    </>
  );
}
