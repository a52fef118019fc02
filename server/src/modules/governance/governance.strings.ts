/** Every Chinese word 主动治理 shows that is not a topic label from the data. */
export const GOVERNANCE_TEXT = {
  wholeCounty: '全区',
  otherTopic: '其他',
};
