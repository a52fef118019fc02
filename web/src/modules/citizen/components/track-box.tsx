import { useState } from 'react';
import { Button, Card, Input, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { citizenStrings as s } from '../strings';

export function TrackBox() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const trimmed = code.trim();
  const go = () => {
    setTouched(true);
    if (trimmed) navigate(`/track/${encodeURIComponent(trimmed)}`);
  };
  return (
    <Card title={s.trackBox.title} size="small">
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={go}
          placeholder={s.trackBox.placeholder}
          status={touched && !trimmed ? 'error' : undefined}
          allowClear
          data-testid="track-input"
        />
        <Button type="primary" onClick={go} data-testid="track-submit">
          {s.trackBox.button}
        </Button>
      </Space.Compact>
    </Card>
  );
}
