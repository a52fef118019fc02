import { Tag } from 'antd';

const FINAL = /closed|done|finished|archived|merged|answered|completed|evaluated/;
const ATTENTION = /return|overdue|disput|reopen|supervis|rejected/;
const WAITING = /new|received|submitted|pending|registered|classif/;

/** Colours a workflow state; the label always comes from the server. */
export function StateTag({ state, label, testId }: { state: string; label: string; testId?: string }) {
  const color = FINAL.test(state) ? 'green' : ATTENTION.test(state) ? 'red' : WAITING.test(state) ? 'default' : 'blue';
  return (
    <Tag color={color} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {label || state}
    </Tag>
  );
}
