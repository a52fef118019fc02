import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AppRoutes } from './app';
import { theme } from './ui/theme';

dayjs.locale('zh-cn');

/** Every page but the citizen's first ones: antd, the staff workbench, the other public pages. Loaded on demand. */
export default function FullApp() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <AppRoutes />
      </AntApp>
    </ConfigProvider>
  );
}
