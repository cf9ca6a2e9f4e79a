/** The Electron shell's own words for the user (menus, error dialogs), in one place. */
export const MENU = {
  file: 'Tệp',
  quit: 'Thoát',
  edit: 'Chỉnh sửa',
  undo: 'Hoàn tác',
  redo: 'Làm lại',
  cut: 'Cắt',
  copy: 'Sao chép',
  paste: 'Dán',
  selectAll: 'Chọn tất cả',
  view: 'Xem',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  resetZoom: 'Cỡ chữ mặc định',
  fullscreen: 'Toàn màn hình',
  reload: 'Tải lại (phát triển)',
  devTools: 'Công cụ phát triển',
} as const;

export const DIALOG = {
  title: 'Đối Thoại',
  dbOpenFailed: 'Không mở được cơ sở dữ liệu',
  dbFile: 'Tệp dữ liệu',
  logFile: 'Nhật ký lỗi',
  nativeMissing: (electronVersion: string) =>
    `Thư viện SQLite (better-sqlite3) chưa được biên dịch cho Electron ${electronVersion} trên máy này.`,
  nativeRun: 'Hãy chạy lệnh sau trong thư mục dự án (cần mạng), rồi mở lại ứng dụng:',
  nativeEnglish: (command: string) =>
    `The better-sqlite3 native module is not built for this Electron. Run: ${command}`,
  nativePackaged: 'Bản cài đặt thiếu thư viện SQLite. Hãy cài lại ứng dụng Đối Thoại.',
  startFailed: 'Không khởi động được ứng dụng',
  // The page asks before closing when typed input was refused or could not be saved.
  unsavedTitle: 'Còn nội dung chưa lưu được',
  unsavedText: 'Có ô đánh dấu đỏ chưa lưu được vào dữ liệu. Nếu đóng, phần đó sẽ mất.',
  unsavedStay: 'Ở lại để sửa',
  unsavedLeave: 'Vẫn đóng',
} as const;
