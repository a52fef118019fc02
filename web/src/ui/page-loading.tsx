import { Spin } from 'antd';
import { uiStrings } from './strings';

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={uiStrings.loading}>
        <div style={{ height: 40 }} />
      </Spin>
    </div>
  );
}
