/** Readable Vietnamese for an error code when the server sent no message (or none came at all). */
const FALLBACK: Record<string, string> = {
  VALIDATION_FAILED: 'Dữ liệu nhập chưa hợp lệ.',
  NOT_FOUND: 'Không tìm thấy dữ liệu yêu cầu.',
  CONFLICT: 'Dữ liệu đã bị thay đổi hoặc bị trùng.',
  AUTH_REQUIRED: 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.',
  AUTH_INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  AUTH_ACCOUNT_LOCKED: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần.',
  AUTH_CSRF_INVALID: 'Phiên làm việc không hợp lệ. Hãy tải lại trang.',
  AUTH_PASSWORD_WEAK: 'Mật khẩu chưa đủ mạnh.',
  AUTH_RATE_LIMITED: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  DIRECTORY_INVALID_ORGAN_ID: 'Mã định danh không đúng định dạng.',
  DIRECTORY_CODE_IN_USE: 'Mã định danh đã được cơ quan khác sử dụng.',
  DIRECTORY_PARENT_MISSING: 'Không tìm thấy cơ quan cấp trên.',
  DIRECTORY_IMPORT_INVALID: 'Tệp CSV có dòng không hợp lệ; chưa dữ liệu nào được nhập.',
  DIRECTORY_NAME_TAKEN: 'Tên cơ quan đã tồn tại.',
  USER_USERNAME_TAKEN: 'Tên đăng nhập đã được sử dụng.',
  NETWORK: 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.',
  INTERNAL: 'Lỗi hệ thống. Vui lòng thử lại sau.',
};

const BY_STATUS: Record<number, string> = {
  400: 'Dữ liệu nhập chưa hợp lệ.',
  401: 'Phiên làm việc đã hết. Vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu yêu cầu.',
  409: 'Dữ liệu bị trùng hoặc đã thay đổi.',
  413: 'Tệp quá lớn.',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút.',
};

/** An API failure with the server's code and a message fit to show the user as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server writes Vietnamese messages; some framework errors arrive in English and are replaced. */
function looksVietnamese(message: string): boolean {
  return /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i.test(message);
}

/**
 * Schema failures arrive as "Dữ liệu không hợp lệ: body/name must NOT have fewer than 1 characters":
 * keep the Vietnamese part and name the field instead of the validator's English.
 */
function withoutSchemaText(message: string): string {
  const m = /^(.*?):\s*(?:body|querystring|params)\/?([\w.]*)\s.*$/s.exec(message);
  if (!m || looksVietnamese(message.slice(m[1]!.length))) return message;
  return m[2] ? `${m[1]} (trường ${m[2]}).` : `${m[1]}.`;
}

export function toApiError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown };
  const code = typeof b.code === 'string' ? b.code : status >= 500 ? 'INTERNAL' : 'HTTP_' + status;
  const requestId = typeof b.requestId === 'string' ? b.requestId : undefined;
  const serverMessage = typeof b.message === 'string' && b.message.trim() !== '' ? b.message.trim() : undefined;
  let message = serverMessage && looksVietnamese(serverMessage) ? withoutSchemaText(serverMessage) : FALLBACK[code] ?? BY_STATUS[status] ?? FALLBACK.INTERNAL!;
  if (status >= 500 && requestId && !message.includes(requestId)) message += ` (Mã yêu cầu: ${requestId})`;
  return new ApiError(status, code, message, b.details, requestId);
}

export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK', FALLBACK.NETWORK!);
}

/** What to show for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return FALLBACK.INTERNAL!;
}
