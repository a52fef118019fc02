import { uiStrings } from '../strings';

/** Shown while the rest of the application loads: no component library yet. */
export function LitePageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center', color: 'rgba(0,0,0,0.45)' }} aria-busy="true">
      {uiStrings.loading}
    </div>
  );
}
