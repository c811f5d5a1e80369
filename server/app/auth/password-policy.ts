import { AppError, ErrorCode } from '../errors.ts';

/** At least 10 characters with a letter and a digit; not the username. */
export function assertStrongPassword(password: string, username: string): void {
  const problems: string[] = [];
  if (password.length < 10) problems.push('ít nhất 10 ký tự');
  if (!/\p{L}/u.test(password)) problems.push('có chữ cái');
  if (!/\d/.test(password)) problems.push('có chữ số');
  if (password.toLowerCase().includes(username.toLowerCase())) problems.push('không chứa tên đăng nhập');
  if (problems.length > 0) {
    throw new AppError(ErrorCode.AUTH_PASSWORD_WEAK, `Mật khẩu chưa đủ mạnh: cần ${problems.join(', ')}.`, { problems });
  }
}
