// The demo newsroom; filled in with its content generator.
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/schema.ts';

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export async function seedDemo(_ctx: AppContext): Promise<{ articles: number }> {
  return { articles: 0 };
}
