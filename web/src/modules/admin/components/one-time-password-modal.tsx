import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { CopyButton } from '../../../ui/copy-button';
import type { OneTimePassword } from '../api';
import { adminStrings as s } from '../strings';

interface OneTimePasswordModalProps {
  shown: (OneTimePassword & { kind: 'created' | 'reset' }) | null;
  onClose: () => void;
}

/** The password the server returned this once; only the explicit button closes it. */
export function OneTimePasswordModal({ shown, onClose }: OneTimePasswordModalProps) {
  return (
    <Modal
      open={shown !== null}
      title={shown?.kind === 'reset' ? s.oneTime.resetTitle : s.oneTime.createdTitle}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      destroyOnHidden
      width={460}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-close">
          {s.oneTime.close}
        </Button>
      }
      data-testid="one-time-modal"
    >
      {shown && (
        <>
          <Alert type="warning" showIcon title={s.oneTime.warning} description={s.oneTime.instruction} style={{ marginBottom: 12 }} />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'username', label: s.oneTime.username, children: <span data-testid="one-time-username">{shown.username}</span> },
              {
                key: 'password',
                label: s.oneTime.password,
                children: (
                  <Typography.Text strong style={{ fontFamily: 'Menlo, Consolas, monospace', fontSize: 18, wordBreak: 'break-all' }} data-testid="one-time-password">
                    {shown.temporaryPassword}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <CopyButton
            text={s.oneTime.copyText(shown.username, shown.temporaryPassword)}
            label={s.oneTime.copy}
            block
            style={{ marginTop: 12 }}
            data-testid="one-time-copy"
          />
        </>
      )}
    </Modal>
  );
}
