import { Space, Tag, Typography } from 'antd';
import { formatClockTime, formatDateTime } from '../../../ui/format';
import type { ManagedUser } from '../api';
import { settingsStrings as t } from '../settings-strings';
import { adminStrings as s } from '../strings';

export type UserStatus = 'active' | 'locked' | 'disabled' | 'mustChange';

export const USER_STATUSES: readonly UserStatus[] = ['active', 'locked', 'disabled', 'mustChange'];

/** Every status that applies: a stopped account may also be locked or waiting for its first password. */
export function statusesOf(user: ManagedUser): UserStatus[] {
  const list: UserStatus[] = [];
  if (user.disabled) list.push('disabled');
  if (user.lockedUntil) list.push('locked');
  if (user.mustChangePassword) list.push('mustChange');
  return list.length ? list : ['active'];
}

export function UserStatusTags({ user }: { user: ManagedUser }) {
  const statuses = statusesOf(user);
  return (
    <Space size={[0, 4]} wrap data-testid="user-status" data-status={statuses.join(' ')}>
      {statuses.map((status) =>
        status === 'locked' ? (
          // An administrator's lock may last days: its date as well.
          <Tag key={status} color="red" data-testid="user-locked" data-by-administrator={user.lockedByAdministrator ? 'yes' : 'no'}>
            {user.lockedByAdministrator
              ? `${t.users.byAdministrator} ${s.users.status.lockedUntil(formatDateTime(user.lockedUntil))}`
              : s.users.status.lockedUntil(formatClockTime(user.lockedUntil))}
          </Tag>
        ) : (
          <Tag key={status} color={status === 'active' ? 'green' : status === 'disabled' ? 'default' : 'orange'}>
            {s.users.status[status]}
          </Tag>
        ),
      )}
      {user.failures > 0 && !user.lockedUntil && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {s.users.failures(user.failures)}
        </Typography.Text>
      )}
    </Space>
  );
}
