/**
 * Errors are values: a stable code for code to branch on and a Vietnamese message for
 * the person. Stack traces never cross the API; they go to the host's log file.
 */

export const API_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'refused',
  'conflict',
  'unauthorized',
  'unknown_method',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ApiErrorCode;
  message: string;
  /** Where the input was wrong, e.g. ["patch", "deadline"]; only for invalid_input. */
  issues?: Array<{ path: Array<string | number>; message: string }>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiErrorBody['issues'],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const GENERIC_MESSAGES: Record<ApiErrorCode, string> = {
  invalid_input: 'Dữ liệu nhập không hợp lệ.',
  not_found: 'Không tìm thấy dữ liệu yêu cầu.',
  refused: 'Thao tác không được thực hiện.',
  conflict: 'Dữ liệu đã bị thay đổi ở nơi khác.',
  unauthorized: 'Yêu cầu không được phép.',
  unknown_method: 'Chức năng không tồn tại.',
  internal: 'Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng.',
};
