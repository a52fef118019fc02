import { useState } from 'react';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { uiStrings } from './strings';
import { copyText } from './lite/clipboard';

interface CopyButtonProps extends Omit<ButtonProps, 'onClick'> {
  text: string;
  label?: string;
}

/** Copies `text`; the button says so for a moment, or tells the person to write it down. */
export function CopyButton({ text, label = uiStrings.copy, ...button }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const { message } = App.useApp();
  return (
    <Button
      icon={copied ? <CheckOutlined /> : <CopyOutlined />}
      {...button}
      onClick={() =>
        void copyText(text).then((ok) => {
          if (!ok) {
            void message.warning(uiStrings.copyFailed);
            return;
          }
          setCopied(true);
          window.setTimeout(() => setCopied(false), 2000);
        })
      }
    >
      {copied ? uiStrings.copied : label}
    </Button>
  );
}
