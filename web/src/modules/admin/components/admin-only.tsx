import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useStaffSession } from '../../staff/auth-context';
import { isAdmin } from '../roles';
import { adminStrings as s } from '../strings';

/** The refusal, for someone who is not (or no longer) an administrator. */
export function Forbidden({ message = s.forbidden }: { message?: string }) {
  return (
    <Result
      status="403"
      title={<span data-testid="admin-forbidden">{message}</span>}
      subTitle={s.forbiddenHint}
      extra={
        <Link to="/staff">
          <Button type="primary">{s.backToWork}</Button>
        </Link>
      }
    />
  );
}

/** The menu hides these pages from others; an address typed or bookmarked lands here. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useStaffSession();
  return isAdmin(user.role) ? <>{children}</> : <Forbidden />;
}
