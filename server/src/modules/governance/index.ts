/** 主动治理: hotspots of requests by topic and place, and the governance topics (每月一题) made of them. */
export { governancePlugin } from './governance.plugin.js';
export { governanceTopics } from './governance.tables.js';
export { hotspots, backfillTopics, topicLabel } from './operations/hotspots.js';
export { volumeChange, type VolumeChange } from './rules/volume-change.js';
