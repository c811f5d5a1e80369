import { Type } from '@sinclair/typebox';
import type { Actor } from '../../../../app/actor.ts';
import { abilities } from '../../../../app/policies/permissions.ts';
import { ROLE_LABELS } from '../../../../domain/access/roles.ts';
import type { AppDeps } from '../../deps.ts';

export const MeBody = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    fullName: Type.String(),
    title: Type.String(),
    unitId: Type.Union([Type.String(), Type.Null()]),
    mustChangePassword: Type.Boolean(),
  }),
  agency: Type.Object({ id: Type.String(), name: Type.String(), shortName: Type.String(), code: Type.Union([Type.String(), Type.Null()]) }),
  roles: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  abilities: Type.Record(Type.String(), Type.String()),
  csrfToken: Type.String(),
});

/** The signed-in user, their agency and what they may do: the web app hides what they cannot. */
export async function presentMe(deps: AppDeps, actor: Actor, csrfToken: string) {
  return deps.uow.run(async (tx) => {
    const user = await tx.users.findById(actor.userId);
    const agency = await tx.agencies.findById(actor.agencyId);
    if (!user || !agency) throw new Error('session user or agency vanished');
    const allRoles = [...actor.roles, ...Object.values(actor.servedRoles).flat()];
    return {
      user: { id: user.id, username: user.username, fullName: user.fullName, title: user.title, unitId: user.unitId, mustChangePassword: user.mustChangePassword },
      agency: { id: agency.id, name: agency.name, shortName: agency.shortName, code: agency.code },
      roles: actor.roles.map((code) => ({ code, label: ROLE_LABELS[code] })),
      abilities: abilities(allRoles) as Record<string, string>,
      csrfToken,
    };
  });
}
