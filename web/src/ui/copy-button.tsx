import { useState } from 'react';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { uiStrings } from './strings';

/** The clipboard API exists only on HTTPS and localhost; plain HTTP in a county's intranet falls back to execCommand. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

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
