import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.js';
import { postSms } from '../../platform/sms.js';
import { recordSecurityEvent } from '../../platform/security-log/security-log.js';
import { requireCountyAdmin } from '../auth/index.js';
import { messagingError } from './messaging.errors.js';
import { MESSAGING_TEXT, SMS_MESSAGES } from './messaging.strings.js';
import type { SettingsSms } from './operations/settings-sms.js';
import { readSmsSettings, saveSmsSettings, type SmsSettingsInput } from './operations/sms-settings.js';
import { maskPhone } from './rules/mask-phone.js';

const tags = ['短信网关'];
const text = (max: number) => ({ type: ['string', 'null'], maxLength: max });
const MOBILE = /^1[3-9]\d{9}$/;

/** The SMS gateway for county administrators: settings (the token write-only) and a test message. */
export async function messagingPlugin(app: FastifyInstance, ctx: AppContext, sender: SettingsSms): Promise<void> {
  await sender.current();

  app.get('/api/admin/sms', { schema: { summary: '短信网关设置', description: 'The saved settings (never the token: only whether one is kept) and the messages a template id may be set for. County administrators only.', tags } }, async (request) => {
    requireCountyAdmin(request);
    return { settings: await readSmsSettings(ctx.database.db), messages: SMS_MESSAGES, environmentGateway: ctx.config.smsFromEnvironment ?? false };
  });

  app.put(
    '/api/admin/sms',
    {
      schema: {
        summary: '保存短信网关设置',
        description: 'Endpoint (http or https; receives `{ phone, text, signName, templateId, params }`), 签名, template ids and the switch. `token` is written only: omitted keeps the stored one, null removes it. Used at once on this server, within a minute on others. Logged, without the token.',
        tags,
        body: {
          type: 'object',
          required: ['enabled', 'endpoint', 'signName', 'templates'],
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            endpoint: { type: ['string', 'null'], maxLength: 500, pattern: '^https?://[^\\s]+$' },
            signName: { ...text(20), pattern: '^[^【】\\s]{2,20}$' },
            templates: {
              type: 'object',
              additionalProperties: false,
              properties: Object.fromEntries(Object.keys(SMS_MESSAGES).map((name) => [name, { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' }])),
            },
            token: { type: ['string', 'null'], minLength: 1, maxLength: 500 },
          },
        },
      },
    },
    async (request) => {
      const actor = requireCountyAdmin(request);
      const settings = await saveSmsSettings(ctx.database, actor, request.body as SmsSettingsInput, ctx.time.now());
      sender.invalidate();
      return { settings };
    },
  );

  app.post(
    '/api/admin/sms/test',
    {
      schema: {
        summary: '发送测试短信',
        description: 'Sends a test message through the saved gateway to the phone given, and says what the gateway answered. Logged with the number masked.',
        tags,
        body: { type: 'object', required: ['phone'], additionalProperties: false, properties: { phone: { type: 'string', minLength: 1, maxLength: 20 } } },
      },
    },
    async (request) => {
      const actor = requireCountyAdmin(request);
      const phone = (request.body as { phone: string }).phone.replace(/[\s-]/g, '');
      if (!MOBILE.test(phone)) throw messagingError('SMS_PHONE_INVALID', { field: 'phone' });
      sender.invalidate();
      const gateway = await sender.current();
      if (!gateway) throw messagingError('SMS_NOT_ENABLED');
      const outcome = await postSms(gateway, phone, MESSAGING_TEXT.testMessage(gateway.signName ?? MESSAGING_TEXT.defaultSign), { name: 'test', params: {} }, 5000);
      await ctx.database.transaction((tx) =>
        recordSecurityEvent(tx, { kind: 'sms_test_sent', at: ctx.time.now(), actorUserId: actor.userId, details: { phone: maskPhone(phone), delivered: outcome.problem === null, gatewayStatus: outcome.status, problem: outcome.problem } }));
      return { delivered: outcome.problem === null, gatewayStatus: outcome.status, problem: outcome.problem };
    },
  );
}
