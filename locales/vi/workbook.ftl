# workbook messages (tiếng Việt). Every key here exists in locales/en/workbook.ftl.ftl with the same variables.

workbook-no-sheet = bảng tính không có trang `{ $sheet }`; các trang có trong tệp: { $sheets }
workbook-empty = bảng tính không có trang nào
workbook-no-header = không tìm thấy dòng tiêu đề trong trang { $sheet }: cần một dòng tên cột như chi_tieu, ky, gia_tri, ngay
workbook-unreadable = không đọc được bảng tính: { $detail }
workbook-period-is-date = bảng tính đã tự đổi kỳ này thành ngày { $date }: định dạng cột là Văn bản (Text) rồi nhập lại kỳ (2027, 2027-Q3, Q3/2027, 2027-07)
