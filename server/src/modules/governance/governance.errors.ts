import { defineErrors } from '../../platform/errors/app-error.js';

export const governanceError = defineErrors('governance', {
  TOPIC_PLACE_UNKNOWN: { status: 400, message: '所选乡镇（街道）不存在' },
  LEAD_UNIT_UNKNOWN: { status: 400, message: '牵头单位不存在或不在您的管辖范围内' },
});
