# Từ và thông báo dùng chung cho mọi lệnh. Mỗi khóa có trong locales/en với
# cùng các biến.

common-error = lỗi: {$message}
common-warning = cảnh báo: {$message}
common-hint = gợi ý: {$message}
common-days = {$n} ngày
common-cancelled = đã hủy, không ghi gì
common-yes = có
common-no = không

# Lý do không đọc được tệp.
common-io-not-found = tệp không tồn tại
common-io-permission-denied = không có quyền đọc tệp
common-io-is-a-directory = đây là thư mục, không phải tệp
common-io-invalid-data = tệp không phải văn bản UTF-8
common-io-other = {$detail}
