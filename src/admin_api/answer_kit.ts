// The pieces the Admin API's answer schemas are built from (answers*.ts): described strings, integers, times and
// flags, so every field of the document says what it is.
import { Type } from './schemas.ts';

export const Str = (description: string) => Type.String({ description });
export const Num = (description: string) => Type.Integer({ description });
export const OrNull = <T extends Parameters<typeof Type.Union>[0][number]>(s: T, description: string) => Type.Union([s, Type.Null()], { description });
export const When = (description: string) => Type.String({ description: `${description} (ISO 8601, UTC)` });
export const WhenOrNull = (description: string) => OrNull(Type.String(), `${description} (ISO 8601, UTC), or null`);
export const Flag = (description: string) => Type.Integer({ description: `${description}: 1 yes, 0 no.` });
