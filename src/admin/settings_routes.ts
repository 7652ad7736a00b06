// Site settings in the Admin API: read them all, change some (every change is in the audit log).
import type { FastifyInstance } from 'fastify';
import { getSettings, updateSettings, type SiteSettings } from '../content/settings.ts';
import { auditBy, reads, writes } from './access.ts';
import { nullableId, object, text } from './schemas.ts';

const settingsBody = object({
  name: { type: 'string', minLength: 1, maxLength: 120 },
  description: text(300),
  logoMediaId: nullableId,
  language: { type: 'string', enum: ['en', 'fa', 'ps'] },
  timeZone: text(64),
  calendar: { type: 'string', enum: ['gregorian', 'solar-hijri'] },
  social: { type: 'array', maxItems: 20, items: object({ label: text(60), url: text(2000) }, ['label', 'url']) },
  commentsCloseAfterDays: { type: ['integer', 'null'], minimum: 1, maximum: 3650 },
  moderateAll: { type: 'boolean' },
});

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const tags = ['settings'];
  app.get('/api/admin/settings', { ...reads('settings.manage'), schema: { tags, operationId: 'getSettings' } },
    async () => ({ settings: await getSettings(ctx.db) }));
  app.patch<{ Body: Partial<SiteSettings> }>('/api/admin/settings',
    { ...writes('settings.manage'), schema: { tags, operationId: 'updateSettings', body: settingsBody } }, async (req) => {
      const settings = await updateSettings(ctx, req.body);
      await auditBy(ctx, req, 'settings.update', { type: 'settings' }, { changed: req.body });
      return { settings };
    });
}
