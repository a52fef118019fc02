import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { FIGURE_KEYS, LOWER_IS_BETTER, type FigureKey } from '../../../../../contracts/metrics';
import type { Compared, ComparedFigure, DrillDownKind, LiveCounts } from '../../../../../contracts/statistics';
import { formatChange, formatFraction, formatPoints, formatRate, type ChangeBasis } from '../format';
import { metricsStrings as s } from '../strings';

const GOOD = '#2e8b57';
const BAD = '#c8102e';
const NEUTRAL = '#595959';

/**
 * One change line with an arrow; green when the change is an improvement, red when not, grey for
 * a plain count (`better` undefined) or no change. `value` gives the direction, `text` the words.
 */
function ChangeLine({ value, text, better, testId }: { value: number | null; text: string; better?: 'up' | 'down'; testId?: string }) {
  const direction = value === null ? 0 : Math.sign(value);
  const color = direction === 0 || !better ? NEUTRAL : (direction > 0) === (better === 'up') ? GOOD : BAD;
  return (
    <div style={{ color, fontSize: 12, lineHeight: '20px', whiteSpace: 'nowrap' }} data-testid={testId}>
      {direction > 0 && <ArrowUpOutlined style={{ marginInlineEnd: 4 }} />}
      {direction < 0 && <ArrowDownOutlined style={{ marginInlineEnd: 4 }} />}
      {text}
    </div>
  );
}

// A count's change shows rounded to a tenth of a per cent: below that it is no change.
const shownChange = (value: number | null) => (value === null || Math.abs(value) < 0.0005 ? null : value);

/** A count's 同比/环比 in per cent ("较上年同期增加93%"). */
function Changes({ compared, testId }: { compared: Pick<Compared, 'changeFromLastYear' | 'changeFromPrevious'>; testId: string }) {
  const line = (value: number | null, basis: ChangeBasis) => (value === null ? s.noChange[basis] : formatChange(value, basis));
  return (
    <>
      <ChangeLine value={shownChange(compared.changeFromLastYear)} text={line(compared.changeFromLastYear, 'lastYear')} testId={`${testId}-yoy`} />
      <ChangeLine value={shownChange(compared.changeFromPrevious)} text={line(compared.changeFromPrevious, 'previous')} testId={`${testId}-mom`} />
    </>
  );
}

/** A rate's 同比/环比 in percentage points ("同比 +2.35 个百分点"), never in per cent. */
function PointChanges({ figure, better, testId }: { figure: Pick<ComparedFigure, 'pointsFromLastYear' | 'pointsFromPrevious'>; better: 'up' | 'down'; testId: string }) {
  return (
    <>
      <ChangeLine value={figure.pointsFromLastYear} text={formatPoints(figure.pointsFromLastYear, 'lastYear')} better={better} testId={`${testId}-yoy`} />
      <ChangeLine value={figure.pointsFromPrevious} text={formatPoints(figure.pointsFromPrevious, 'previous')} better={better} testId={`${testId}-mom`} />
    </>
  );
}

/** 诉求量 of the period with 同比/环比. */
export function VolumeCard({ title = s.dashboard.volume, total, basisHint }: { title?: string; total: Compared; basisHint?: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="volume-card">
      <Statistic
        title={title}
        value={total.current}
        suffix={s.dashboard.pieces}
        valueRender={(value) => <span data-testid="volume-total">{value}</span>}
        styles={{ content: { fontSize: 32, fontWeight: 600, color: '#1f5fbf' } }}
      />
      <Changes compared={total} testId="volume-change" />
      {basisHint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {basisHint}
        </Typography.Text>
      )}
    </Card>
  );
}

const LIVE_KINDS: DrillDownKind[] = ['open', 'overdue', 'dueSoon', 'awaitingDispatch'];
const LIVE_COLORS: Record<DrillDownKind, string> = { open: '#1f5fbf', overdue: BAD, dueSoon: '#d48806', awaitingDispatch: '#595959' };

/** What is being handled now; each number opens the requests behind it. */
export function LiveCard({ live, onOpen }: { live: LiveCounts; onOpen: (kind: DrillDownKind) => void }) {
  return (
    <Card
      size="small"
      title={s.dashboard.live}
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.dashboard.liveHint}</Typography.Text>}
      style={{ height: '100%' }}
    >
      <Row gutter={[8, 8]}>
        {LIVE_KINDS.map((kind) => (
          <Col key={kind} xs={12} sm={6}>
            <button
              type="button"
              onClick={() => onOpen(kind)}
              data-testid={`live-${kind}`}
              style={{ all: 'unset', cursor: 'pointer', display: 'block', width: '100%', padding: '4px 8px', borderRadius: 4, background: '#f7f9fc', boxSizing: 'border-box' }}
            >
              <Statistic
                title={s.dashboard.liveCounts[kind]}
                value={live[kind]}
                suffix={s.dashboard.pieces}
                styles={{ content: { color: LIVE_COLORS[kind], fontWeight: 600 } }}
              />
            </button>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function FigureCard({ figureKey, figure }: { figureKey: FigureKey; figure: ComparedFigure }) {
  const lower = LOWER_IS_BETTER.has(figureKey);
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={`figure-${figureKey}`}>
      <Statistic
        title={
          <span>
            {s.figures[figureKey]}
            {lower && <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>{s.dashboard.lowerIsBetter}</Typography.Text>}
          </span>
        }
        value={formatRate(figure)}
        suffix={
          <span style={{ fontSize: 12, color: NEUTRAL, fontWeight: 400 }} data-testid={`figure-${figureKey}-fraction`}>
            {formatFraction(figure)}
          </span>
        }
        // On a narrow card the fraction wraps under the rate at its own small line height.
        styles={{
          content: { fontSize: 24, fontWeight: 600, fontVariantNumeric: 'tabular-nums', display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 4 },
          suffix: { fontSize: 12, lineHeight: '18px', marginInlineStart: 0 },
        }}
      />
      <PointChanges figure={figure} better={lower ? 'down' : 'up'} testId={`figure-${figureKey}-change`} />
    </Card>
  );
}

/** All figures with numerator/denominator and 同比/环比; only the ones present are shown. */
export function FigureCards({ figures, narrow = false }: { figures: Partial<Record<FigureKey, ComparedFigure>>; narrow?: boolean }) {
  const keys = FIGURE_KEYS.filter((key) => figures[key]);
  return (
    <Row gutter={[12, 12]}>
      {keys.map((key) => (
        <Col key={key} xs={12} md={narrow ? 12 : 8}>
          <FigureCard figureKey={key} figure={figures[key]!} />
        </Col>
      ))}
    </Row>
  );
}
