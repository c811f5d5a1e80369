import { changePassword } from './change-password.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { me } from './me.ts';

export const authRoutes = [login, logout, me, changePassword];
