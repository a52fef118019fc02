/** Text messages to citizens: the county's SMS gateway as its administrators set it, and the sender the platform uses. */
export { smsSettings } from './messaging.tables.js';
export { messagingPlugin } from './messaging.plugin.js';
export { SettingsSms } from './operations/settings-sms.js';
export { readSmsSettings, saveSmsSettings, type SmsSettingsView, type SmsSettingsInput } from './operations/sms-settings.js';
export { maskPhone } from './rules/mask-phone.js';
export { messagingError } from './messaging.errors.js';
