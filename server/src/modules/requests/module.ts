import { defineModule } from '../cases/index.js';
import { STAFF_ROLE_LABELS } from '../../../../contracts/accounts.js';
import { hotlineCaseType } from './hotline-case-type.js';
import { HOTLINE_MODULE } from './requests.access.js';

/**
 * 接诉即办 on the platform. Its roles are the accounts' own roles (an operator is an operator
 * wherever they sign in), so they are held at the person's unit and over their scope.
 */
export const hotlineModule = defineModule({
  name: HOTLINE_MODULE,
  label: '接诉即办',
  roles: {
    operator: { label: STAFF_ROLE_LABELS.operator, home: true },
    dispatcher: { label: STAFF_ROLE_LABELS.dispatcher, home: true },
    handler: { label: STAFF_ROLE_LABELS.handler, home: true },
    unit_leader: { label: STAFF_ROLE_LABELS.unit_leader, home: true },
    supervisor: { label: STAFF_ROLE_LABELS.supervisor, home: true },
  },
  caseTypes: [hotlineCaseType],
});
