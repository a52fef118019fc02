import { Result } from 'antd';
import { Navigate } from 'react-router-dom';
import { useStaffSession } from '../modules/staff/auth-context';
import { platformStrings as s } from './strings';
import { opensWebModule, type WebModule } from './web-module';

/** `/staff`: the home of the first module the person's roles open, in the order modules are listed. */
export function StaffHome({ modules }: { modules: readonly WebModule[] }) {
  const session = useStaffSession();
  const first = modules.find((m) => opensWebModule(session, m));
  if (!first) return <Result status="info" title={<span data-testid="no-modules">{s.noModules}</span>} />;
  return typeof first.home === 'string' ? <Navigate to={first.home} replace /> : <>{first.home()}</>;
}
