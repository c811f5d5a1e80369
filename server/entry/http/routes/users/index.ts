import { createUserRoute } from './create-user.ts';
import { findRolesRoute } from './find-roles.ts';
import { findUsersRoute } from './find-users.ts';
import { getUserRoute } from './get-user.ts';
import { updateUserPasswordRoute } from './update-user-password.ts';
import { updateUserRolesRoute } from './update-user-roles.ts';
import { updateUserRoute } from './update-user.ts';

export const userRoutes = [findUsersRoute, createUserRoute, getUserRoute, updateUserRoute, updateUserRolesRoute, updateUserPasswordRoute, findRolesRoute];
