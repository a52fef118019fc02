import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card } from '../../../ui/lite/controls';
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
    <Card title={s.trackBox.title}>
      <form className={touched && !trimmed ? 'lt-row lt-invalid' : 'lt-row'} onSubmit={(e) => (e.preventDefault(), go())} style={{ flexWrap: 'nowrap' }}>
        <input
          className="lt-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={s.trackBox.placeholder}
          aria-label={s.trackBox.placeholder}
          autoComplete="off"
          data-testid="track-input"
        />
        <Button primary type="submit" data-testid="track-submit">
          {s.trackBox.button}
        </Button>
      </form>
    </Card>
  );
}
