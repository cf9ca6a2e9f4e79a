/** Database errors whose message is already what the secretary should read. */

export class DbFromFutureError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `Tệp dữ liệu được tạo bởi phiên bản Đối Thoại mới hơn (lược đồ ${fileVersion}, phần mềm này hiểu đến ${appVersion}). ` +
        'Hãy cập nhật phần mềm; tệp dữ liệu được giữ nguyên, không bị thay đổi.',
    );
    this.name = 'DbFromFutureError';
  }
}

export class DbOpenError extends Error {
  constructor(path: string, cause: unknown) {
    super(`Không mở được tệp dữ liệu ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DbOpenError';
  }
}
